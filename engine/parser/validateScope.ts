/**
 * All deploy-time rules for one scope and, recursively, the scopes of its
 * subprocesses: structure, gateways, requirements and expressions.
 */
import type { ScopeIR } from '../ir/types.js';
import type { ScopeKind } from './nodeReaders/index.js';
import { validateExpressions } from './validateExpressions.js';
import { validateGateways } from './validateGateways.js';
import { validateRequirements } from './validateRequirements.js';
import { validateStructure } from './validateStructure.js';
import type { Problems } from './Problems.js';

/** Validates `scope` of kind `kind` and every scope nested in it. */
export function validateScope(scope: ScopeIR, kind: ScopeKind, targeted: Set<string>, problems: Problems): void {
  validateStructure(scope, kind, targeted, problems);
  validateGateways(scope, problems);
  validateRequirements(scope, kind, problems);
  validateExpressions(scope, problems);
  for (const node of Object.values(scope.nodes)) {
    if (node.scope) validateScope(node.scope, node.triggeredByEvent ? 'eventSubprocess' : 'subprocess', targeted, problems);
  }
}
