/**
 * BPMN errors and escalations travel outwards: from the thrower to the
 * nearest boundary event or event subprocess that catches them. Errors no
 * one catches become incidents (or go to the calling instance); escalations
 * no one catches are recorded and ignored.
 */
import type { Runtime } from '../Runtime.js';
import type { Execution } from '../tree.js';

/** Whether some execution above `from` (or `from` itself) catches this error. */
export function errorIsCaught(rt: Runtime, from: Execution, code: string): boolean {
  for (const e of rt.index.ancestry(from)) {
    if (e.kind === 'activity' && e.machine.startsWith('activity:')) {
      const node = rt.model.node(e.nodeId);
      const scope = rt.model.scopeOfNode(node.id);
      const catches = (node.boundaryEvents ?? []).some((id) => {
        const event = scope.nodes[id].event;
        return event?.type === 'error' && (event.errorCode === undefined || event.errorCode === code);
      });
      if (catches) return true;
    }
    if (e.kind === 'scope' && e.state === 'active') {
      const ir = rt.model.scope(e.nodeId);
      const catches = ir.eventSubprocesses.some((espId) =>
        ir.nodes[espId].scope!.startEvents.some((startId) => {
          const event = ir.nodes[espId].scope!.nodes[startId].event;
          return event?.type === 'error' && (event.errorCode === undefined || event.errorCode === code);
        }),
      );
      if (catches) return true;
    }
  }
  return rt.env.instance.parentInstanceId !== null;
}

/**
 * Throws a BPMN error from `execution` (an error end event, or a task whose
 * job threw). Uncaught: an incident at the thrower, which stays where it is.
 */
export function throwError(rt: Runtime, execution: Execution, code: string, message?: string): void {
  if (!errorIsCaught(rt, execution, code)) {
    execution.uncaughtError = { code, ...(message !== undefined ? { message } : {}) };
    rt.env.outbox.unhandledErrors.push({ code, message, elementId: execution.nodeId, executionId: execution.id });
    rt.history('error.uncaught', execution, { code, message: message ?? null });
    return;
  }
  delete execution.uncaughtError;
  rt.history('error.thrown', execution, { code, message: message ?? null });
  rt.send(execution, { type: 'ERROR', code, message });
}

/** Throws an escalation from `execution` to its enclosing scope. */
export function throwEscalation(rt: Runtime, execution: Execution, code: string): void {
  rt.history('escalation.thrown', execution, { code });
  const scope = rt.index.parent(execution);
  if (scope) rt.send(scope, { type: 'ESCALATION', code });
}

/** An execution failed with an error it does not catch itself: hand it to its parent. */
export function propagateError(rt: Runtime, execution: Execution, code: string, message?: string): void {
  const parent = rt.index.parent(execution);
  if (parent) {
    rt.index.removeChild(parent, execution);
    rt.send(parent, { type: 'ERROR', code, message });
    return;
  }
  if (rt.env.instance.parentInstanceId) {
    rt.env.outbox.toParent.push({ type: 'error', code, message });
    rt.env.outbox.ended = 'terminated';
  }
}

/** An escalation nobody caught at this level: hand it to the parent (or the calling instance). */
export function propagateEscalation(rt: Runtime, execution: Execution, code: string): void {
  const parent = rt.index.parent(execution);
  if (parent) {
    rt.send(parent, { type: 'ESCALATION', code });
    return;
  }
  if (rt.env.instance.parentInstanceId) rt.env.outbox.toParent.push({ type: 'escalation', code });
  else rt.history('escalation.uncaught', null, { code });
}
