/**
 * The standard's rules for compensation and transactions (BPMN 10.3.1,
 * 10.5.3–10.5.5, 10.6.5): cancel events belong to transactions, compensation
 * handlers stand outside the sequence flow, compensation boundary events
 * lead nowhere, and a compensation throw names an activity it can reach.
 */
import type { NodeIR, ScopeIR } from '../ir/types.js';
import { isActivity } from './elementKinds.js';
import type { ScopeKind } from './nodeReaders/index.js';
import type { Problems } from './Problems.js';

/** Where the scope stands: whether it is a transaction's body, and the scope around an event subprocess. */
export interface CompensationContext {
  transaction: boolean;
  /** For an event subprocess: the scope it is drawn in (a compensation throw there may name its activities). */
  outer?: ScopeIR;
}

function validateThrow(scope: ScopeIR, node: NodeIR, ctx: CompensationContext, problems: Problems): void {
  const event = node.event;
  if (event?.type !== 'compensate' || (node.kind !== 'endEvent' && node.kind !== 'intermediateThrowEvent')) return;
  if (!event.waitForCompletion && node.kind === 'endEvent') {
    problems.warn(node.id, 'waitForCompletion="false" has no effect on an end event: an end event always waits for the compensation it throws (BPMN 10.5.5)');
  }
  if (!event.activityRef) return;
  const target = scope.nodes[event.activityRef] ?? ctx.outer?.nodes[event.activityRef];
  if (!target || !isActivity(target.kind)) {
    problems.at(node.id, `activityRef '${event.activityRef}' is not an activity of the same scope: a compensation event compensates an activity of its own level (BPMN 10.5.5)`);
  }
}

/** Checks the compensation and cancel rules of `scope` (not of its subprocesses). */
export function validateCompensation(scope: ScopeIR, kind: ScopeKind, ctx: CompensationContext, problems: Problems): void {
  for (const node of Object.values(scope.nodes)) {
    const at = (message: string) => problems.at(node.id, message);
    const type = node.event?.type;
    if (node.kind === 'endEvent' && type === 'cancel' && !ctx.transaction) at('a cancel end event is only allowed inside a transaction subprocess (BPMN 10.5.3)');
    if (node.kind === 'boundaryEvent' && (type === 'cancel' || type === 'compensate') && node.cancelActivity === false) {
      at(`a ${type} boundary event cannot be non-interrupting: cancelActivity must not be false (BPMN 10.5.4)`);
    }
    if (node.kind === 'boundaryEvent' && type === 'cancel' && node.attachedTo && scope.nodes[node.attachedTo] && !scope.nodes[node.attachedTo].transaction) {
      at(`a cancel boundary event must be attached to a transaction subprocess; '${node.attachedTo}' is not one (BPMN 10.5.4)`);
    }
    if (node.kind === 'boundaryEvent' && type === 'compensate' && node.outgoing.length) at('a compensation boundary event cannot have outgoing sequence flows: its handler is associated with it (BPMN 10.6.5)');
    if (node.isForCompensation && (node.incoming.length || node.outgoing.length)) at('a compensation activity (isForCompensation="true") cannot have incoming or outgoing sequence flows (BPMN 10.3.1)');
    if (node.kind === 'startEvent' && kind === 'eventSubprocess' && type === 'compensate' && node.isInterrupting === false) {
      at('a compensation start event always interrupts: isInterrupting must not be false (BPMN 10.5.2)');
    }
    if (node.transaction && hasCancelEnd(node.scope) && !(node.boundaryEvents ?? []).some((id) => scope.nodes[id].event?.type === 'cancel')) {
      problems.warn(node.id, 'the transaction has a cancel end event but no cancel boundary event: a cancelled transaction ends here without a way on');
    }
    validateThrow(scope, node, ctx, problems);
  }
}

function hasCancelEnd(scope: ScopeIR | undefined): boolean {
  return Object.values(scope?.nodes ?? {}).some((n) => n.kind === 'endEvent' && n.event?.type === 'cancel');
}
