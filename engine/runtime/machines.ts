/**
 * Compiles the IR of one process into XState statecharts: one per activity
 * (its lifecycle, with boundary events and event-gateway branches as
 * transitions) and one per scope (with its event subprocess triggers).
 * Machines reference actions by name; the runtime binds them (behaviours/).
 */
import { setup, type AnyStateMachine } from 'xstate';
import type { NodeIR, ProcessIR, ScopeIR } from '../ir/types.js';

/** Events the statecharts understand. */
export type RuntimeEvent =
  | { type: 'ACTIVATE' }
  | { type: 'COMPLETE' }
  | { type: 'TERMINATE' }
  | { type: 'END' }
  | { type: 'ERROR'; code: string; message?: string }
  | { type: 'ESCALATION'; code: string }
  | { type: `TRIGGER.${string}` };

type TransitionConfig = { target?: string; guard?: { type: string; params: { code?: string } }; actions: unknown[] };

const codeMatches = (eventCode: string | undefined, wanted: string | undefined) => wanted === undefined || eventCode === wanted;

/** Specific codes before catch-alls, as BPMN requires. */
function byCodeSpecificity(a: { code?: string }, b: { code?: string }): number {
  return (a.code === undefined ? 1 : 0) - (b.code === undefined ? 1 : 0);
}

const base = setup({
  types: {} as { events: RuntimeEvent },
  guards: {
    errorMatches: ({ event }, params: { code?: string }) => codeMatches((event as { code?: string }).code, params.code),
  },
});

function boundaryTransitions(scope: ScopeIR, node: NodeIR): Record<string, TransitionConfig | TransitionConfig[]> {
  const on: Record<string, TransitionConfig | TransitionConfig[]> = {};
  const errors: { code?: string; id: string }[] = [];
  const escalations: { code?: string; id: string; interrupting: boolean }[] = [];
  for (const boundaryId of node.boundaryEvents ?? []) {
    const boundary = scope.nodes[boundaryId];
    const event = boundary.event;
    const interrupting = boundary.cancelActivity !== false;
    if (event?.type === 'error') errors.push({ code: event.errorCode, id: boundaryId });
    else if (event?.type === 'escalation') escalations.push({ code: event.escalationCode, id: boundaryId, interrupting });
    else if (event?.type === 'compensate') continue; // not a trigger: compensation runs its handler (behaviours/compensation.ts)
    else {
      on[`TRIGGER.${boundaryId}`] = interrupting
        ? { target: 'interrupted', actions: ['cancelWaits', 'terminateChildren', { type: 'takeBoundary', params: { boundaryId } }] }
        : { actions: [{ type: 'takeBoundary', params: { boundaryId } }] };
    }
  }
  on.ERROR = [
    ...errors.sort(byCodeSpecificity).map((e) => ({
      guard: { type: 'errorMatches', params: { code: e.code } },
      target: 'interrupted',
      actions: ['cancelWaits', 'terminateChildren', { type: 'takeBoundary', params: { boundaryId: e.id } }],
    })),
    { target: 'failed', actions: ['cancelWaits', 'terminateChildren', 'propagateError'] },
  ];
  on.ESCALATION = [
    ...escalations.sort(byCodeSpecificity).map((e) => ({
      guard: { type: 'errorMatches', params: { code: e.code } },
      ...(e.interrupting ? { target: 'interrupted' } : {}),
      actions: e.interrupting
        ? ['cancelWaits', 'terminateChildren', { type: 'takeBoundary', params: { boundaryId: e.id } }]
        : [{ type: 'takeBoundary', params: { boundaryId: e.id } }],
    })),
    { actions: ['propagateEscalation'] },
  ];
  return on;
}

function eventGatewayTransitions(scope: ScopeIR, node: NodeIR): Record<string, TransitionConfig> {
  const on: Record<string, TransitionConfig> = {};
  for (const flowId of node.outgoing) {
    const catchId = scope.flows[flowId].target;
    on[`TRIGGER.${catchId}`] = { target: 'completed', actions: ['cancelWaits', { type: 'takeEventBranch', params: { catchId } }] };
  }
  return on;
}

/**
 * The lifecycle of one activity instance: ready → active → completed, or
 * interrupted by a boundary event, failed by an error nobody on it catches,
 * or terminated from outside. `withBoundaries` is false for the inner
 * instances of a multi-instance or loop body (boundaries belong to the body).
 */
export function compileActivityMachine(scope: ScopeIR, node: NodeIR, withBoundaries: boolean): AnyStateMachine {
  const on = {
    COMPLETE: { target: 'completed', actions: ['cancelWaits', 'leave'] },
    TERMINATE: { target: 'terminated', actions: ['cancelWaits', 'terminateChildren'] },
    ...(withBoundaries ? boundaryTransitions(scope, node) : {
      ERROR: { target: 'failed', actions: ['cancelWaits', 'terminateChildren', 'propagateError'] },
      ESCALATION: { actions: ['propagateEscalation'] },
    }),
    ...(node.kind === 'eventBasedGateway' ? eventGatewayTransitions(scope, node) : {}),
  };
  return base.createMachine(({
    id: `${withBoundaries ? 'activity' : 'inner'}:${node.id}`,
    initial: 'ready',
    states: {
      ready: { on: { ACTIVATE: { target: 'active', actions: ['enter'] }, TERMINATE: { target: 'terminated' } } },
      active: { on: on as never },
      completed: { type: 'final' },
      interrupted: { type: 'final' },
      failed: { type: 'final' },
      terminated: { type: 'final' },
    },
  }) as never) as unknown as AnyStateMachine;
}

/**
 * The lifecycle of a scope instance (process or subprocess body): active
 * until no token is left (END), or terminated; an interrupting event
 * subprocess moves it to `interrupted`, where only that subprocess runs.
 */
export function compileScopeMachine(scope: ScopeIR): AnyStateMachine {
  const triggers: Record<string, TransitionConfig> = {};
  const errors: { code?: string; startId: string }[] = [];
  const escalations: { code?: string; startId: string; interrupting: boolean }[] = [];
  for (const espId of scope.eventSubprocesses) {
    const inner = scope.nodes[espId].scope!;
    for (const startId of inner.startEvents) {
      const start = inner.nodes[startId];
      const interrupting = start.isInterrupting !== false;
      const event = start.event;
      if (event?.type === 'error') errors.push({ code: event.errorCode, startId });
      else if (event?.type === 'escalation') escalations.push({ code: event.escalationCode, startId, interrupting });
      else {
        triggers[`TRIGGER.${startId}`] = interrupting
          ? { target: 'interrupted', actions: ['cancelWaits', 'terminateChildren', { type: 'startEventSubprocess', params: { startId, espId } }] }
          : { actions: [{ type: 'startEventSubprocess', params: { startId, espId } }] };
      }
    }
  }
  const errorTransitions = [
    ...errors.sort(byCodeSpecificity).map((e) => ({
      guard: { type: 'errorMatches', params: { code: e.code } },
      target: 'interrupted',
      actions: ['cancelWaits', 'terminateChildren', { type: 'startEventSubprocess', params: { startId: e.startId, espId: espOf(scope, e.startId) } }],
    })),
    { target: 'failed', actions: ['cancelWaits', 'terminateChildren', 'propagateError'] },
  ];
  const escalationTransitions = [
    ...escalations.sort(byCodeSpecificity).map((e) => ({
      guard: { type: 'errorMatches', params: { code: e.code } },
      ...(e.interrupting ? { target: 'interrupted' } : {}),
      actions: [
        ...(e.interrupting ? ['cancelWaits', 'terminateChildren'] : []),
        { type: 'startEventSubprocess', params: { startId: e.startId, espId: espOf(scope, e.startId) } },
      ],
    })),
    { actions: ['propagateEscalation'] },
  ];
  const ending = {
    END: { target: 'completed', actions: ['cancelWaits', 'completeScope'] },
    TERMINATE: { target: 'terminated', actions: ['cancelWaits', 'terminateChildren'] },
  };
  return base.createMachine(({
    id: `scope:${scope.id}`,
    initial: 'ready',
    states: {
      ready: { on: { ACTIVATE: { target: 'active', actions: ['enter'] }, TERMINATE: { target: 'terminated' } } },
      active: { on: { ...ending, ...triggers, ERROR: errorTransitions, ESCALATION: escalationTransitions } as never },
      interrupted: { on: { ...ending, ERROR: { target: 'failed', actions: ['cancelWaits', 'terminateChildren', 'propagateError'] }, ESCALATION: { actions: ['propagateEscalation'] } } as never },
      completed: { type: 'final' },
      failed: { type: 'final' },
      terminated: { type: 'final' },
    },
  }) as never) as unknown as AnyStateMachine;
}

function espOf(scope: ScopeIR, startId: string): string {
  return scope.eventSubprocesses.find((id) => scope.nodes[id].scope!.nodes[startId])!;
}

/** All statecharts of one process, by name (`scope:<id>`, `activity:<id>`, `inner:<id>`). */
export type CompiledProcess = Map<string, AnyStateMachine>;

/** Compiles every scope and activity of a process. Deterministic: the same IR gives the same machines. */
export function compileProcess(process: ProcessIR): CompiledProcess {
  const machines: CompiledProcess = new Map();
  const visit = (scope: ScopeIR) => {
    machines.set(`scope:${scope.id}`, compileScopeMachine(scope));
    for (const node of Object.values(scope.nodes)) {
      // Every flow node gets a lifecycle (gateways and events too): uniform history and token handling.
      machines.set(`activity:${node.id}`, compileActivityMachine(scope, node, true));
      if (node.multiInstance || node.standardLoop) machines.set(`inner:${node.id}`, compileActivityMachine(scope, node, false));
      if (node.scope) visit(node.scope);
    }
  };
  visit(process);
  return machines;
}
