/**
 * The flow elements of a process or subprocess → a ScopeIR: nodes read by
 * their kind's reader (subprocesses recursively), then sequence flows wired,
 * boundary events attached and link throws resolved. Element types Lifeline
 * does not run are reported, never skipped silently.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { ScopeIR } from '../ir/types.js';
import { DATA_ARTIFACTS, NODE_KINDS } from './elementKinds.js';
import { readNode, type ScopeKind } from './nodeReaders/index.js';
import { attachBoundaryEvents } from './attachBoundaryEvents.js';
import { linkCompensationHandlers } from './compensationHandlers.js';
import { resolveLinks } from './resolveLinks.js';
import { wireFlows } from './wireFlows.js';
import type { Problems } from './Problems.js';

/** State shared by every scope of one process while it is read. */
export interface BuildContext {
  problems: Problems;
  /** The process's embedded `zeebe:userTaskForm` bodies, by id. */
  forms: Map<string, string>;
  /** Elements whose references bpmn-moddle could not resolve (already reported). */
  unresolved: Set<string>;
  /** Ids of unsupported elements (already reported): flows touching them are dropped quietly. */
  unsupported: Set<string>;
  /** Ids of nodes some sequence flow of the XML leads to, even one dropped as a problem. */
  targeted: Set<string>;
  /** Ids of nodes some sequence flow of the XML starts at, even one dropped as a problem. */
  sourced: Set<string>;
}

/** Builds the scope of `container` (a bpmn:Process or bpmn:SubProcess), recursing into subprocesses. */
export function buildScope(container: ModdleElement, kind: ScopeKind, ctx: BuildContext): ScopeIR {
  const scope: ScopeIR = { id: container.id ?? '', nodes: {}, flows: {}, startEvents: [], eventSubprocesses: [] };
  const flows: ModdleElement[] = [];
  for (const element of (container.flowElements ?? []) as ModdleElement[]) {
    if (!element.id) {
      ctx.problems.at(container.id, `a ${element.$type} in it has no id`);
      continue;
    }
    if (element.$type === 'bpmn:SequenceFlow') {
      flows.push(element);
      continue;
    }
    if (DATA_ARTIFACTS.has(element.$type)) continue;
    const nodeKind = NODE_KINDS[element.$type];
    if (!nodeKind) {
      ctx.problems.at(element.id, `unsupported element type ${element.$type}`);
      ctx.unsupported.add(element.id);
      continue;
    }
    const node = readNode(element, nodeKind, { problems: ctx.problems, scopeKind: kind, forms: ctx.forms });
    scope.nodes[node.id] = node;
    if (nodeKind === 'startEvent') scope.startEvents.push(node.id);
    if (nodeKind === 'subProcess') {
      node.scope = buildScope(element, node.triggeredByEvent ? 'eventSubprocess' : 'subprocess', ctx);
      if (node.triggeredByEvent) scope.eventSubprocesses.push(node.id);
    }
  }
  wireFlows(scope, flows, ctx);
  for (const node of Object.values(scope.nodes)) {
    if (kind === 'process' && node.kind === 'receiveTask' && node.instantiate && node.incoming.length === 0) scope.startEvents.push(node.id);
  }
  attachBoundaryEvents(scope, ctx);
  linkCompensationHandlers(scope, (container.artifacts ?? []) as ModdleElement[], ctx.problems);
  resolveLinks(scope, ctx.problems);
  return scope;
}
