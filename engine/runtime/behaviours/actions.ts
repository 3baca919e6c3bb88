/**
 * The named actions of the compiled statecharts, bound to behaviours.
 * A statechart decides *what* happens (which transition, which actions);
 * these functions do it to the execution tree.
 */
import type { Runtime } from '../Runtime.js';
import type { RuntimeEvent } from '../machines.js';
import type { Execution } from '../tree.js';
import { enterActivity, enterScope } from './enter.js';
import { enterNode, leave } from './flow.js';
import { cancelWaits } from './waits.js';
import { propagateError, propagateEscalation } from './propagation.js';

export type ActionHandler = (rt: Runtime, execution: Execution, params: Record<string, string>, event: RuntimeEvent) => void;

function eventCode(event: RuntimeEvent): { code: string; message?: string } {
  const e = event as { code?: string; message?: string };
  return { code: e.code ?? '', message: e.message };
}

export const actionHandlers: Record<string, ActionHandler> = {
  enter: (rt, execution) => (execution.kind === 'scope' ? enterScope(rt, execution) : enterActivity(rt, execution)),

  leave: (rt, execution) => leave(rt, execution),

  cancelWaits: (rt, execution) => cancelWaits(rt, execution),

  terminateChildren: (rt, execution) => {
    for (const child of [...execution.children]) {
      rt.send(child, { type: 'TERMINATE' });
      rt.index.removeChild(execution, child);
    }
    if (execution.joins) execution.joins = {};
  },

  takeBoundary: (rt, execution, params) => {
    const scope = rt.index.parent(execution)!;
    if (execution.state !== 'active') rt.index.removeChild(scope, execution);
    rt.touch(scope);
    rt.later(() => enterNode(rt, scope, params.boundaryId, undefined, true));
  },

  takeEventBranch: (rt, execution, params) => {
    const scope = rt.index.parent(execution)!;
    rt.index.removeChild(scope, execution);
    rt.later(() => enterNode(rt, scope, params.catchId, undefined, true));
  },

  propagateError: (rt, execution, _params, event) => {
    const { code, message } = eventCode(event);
    propagateError(rt, execution, code, message);
  },

  propagateEscalation: (rt, execution, _params, event) => propagateEscalation(rt, execution, eventCode(event).code),

  startEventSubprocess: (rt, scope, params) => {
    const esp = rt.model.node(params.espId);
    const execution = rt.newActivity(scope, esp);
    execution.interrupting = scope.state === 'interrupted';
    rt.pendingStarts.set(execution.id, params.startId);
    rt.touch(scope);
    rt.send(execution, { type: 'ACTIVATE' });
  },

  completeScope: (rt, scope) => {
    const owner = rt.index.parent(scope);
    if (!owner) {
      // Nothing can compensate the activities of an instance that has ended.
      delete scope.compensations;
      rt.env.outbox.ended = 'completed';
      return;
    }
    // What completed inside stays compensable with the subprocess (see behaviours/compensation.ts).
    owner.body = { variables: scope.variables, ...(scope.compensations ? { compensations: scope.compensations } : {}) };
    rt.index.removeChild(owner, scope);
    rt.later(() => {
      if (rt.index.get(owner.id) === owner) rt.send(owner, { type: 'COMPLETE' });
    });
  },
};
