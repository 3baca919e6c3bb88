/**
 * All deploy-time rules for one scope and, recursively, the scopes of its
 * subprocesses: structure, gateways, requirements, expressions, compensation.
 */
import type { ScopeIR } from '../ir/types.js';
import type { ScopeKind } from './nodeReaders/index.js';
import { validateExpressions } from './validateExpressions.js';
import { validateGateways } from './validateGateways.js';
import { validateRequirements } from './validateRequirements.js';
import { validateStructure, type WiredInXml } from './validateStructure.js';
import { validateCompensation, type CompensationContext } from './validateCompensation.js';
import { validateAdHoc } from './validateAdHoc.js';
import type { Problems } from './Problems.js';

/** Validates `scope` of kind `kind` and every scope nested in it. */
export function validateScope(scope: ScopeIR, kind: ScopeKind, wired: WiredInXml, problems: Problems, compensation: CompensationContext = { transaction: false }): void {
  validateStructure(scope, kind, wired, problems);
  validateGateways(scope, problems);
  validateRequirements(scope, kind, problems);
  validateExpressions(scope, problems);
  validateCompensation(scope, kind, compensation, problems);
  for (const node of Object.values(scope.nodes)) {
    if (node.adHoc) validateAdHoc(node, problems);
    if (!node.scope) continue;
    const inner: CompensationContext = node.triggeredByEvent ? { transaction: compensation.transaction, outer: scope } : { transaction: node.transaction === true };
    validateScope(node.scope, node.triggeredByEvent ? 'eventSubprocess' : 'subprocess', wired, problems, inner);
  }
}
