/**
 * Evaluations that fail outside a transition, where there is no event to
 * undo and send again (runtime/failures.ts parks those): a conditional
 * event's condition (evaluated when a step settles), a complex gateway's
 * activation condition (when a token arrives), an ad-hoc subprocess's
 * completion condition (after an inner activity). The failure becomes an
 * incident on that element, remembered on the execution whose wait it is
 * (the tokens stay where they are); the evaluation is not tried again
 * until the incident is retried, and the incident is resolved when that
 * execution's waits end.
 */
import type { Runtime } from './Runtime.js';
import type { Execution, StalledEvaluation } from './tree.js';
import { incidentTypeOf } from './failures.js';

type What = StalledEvaluation['what'];

const LABELS: Record<What, string> = {
  condition: 'condition', activation: 'activation condition', completion: 'completion condition', listen: 'subscription for the next occurrence', signal: 'signal name',
};

/** Whether the evaluation of `what` for `elementId` on `owner` waits for its incident to be retried. */
export function isStalled(owner: Execution, elementId: string, what: What): boolean {
  return owner.stalled?.some((s) => s.elementId === elementId && s.what === what) ?? false;
}

/**
 * Evaluates `evaluate` for `elementId`, waited on by `owner`. A run-time
 * failure of the model (a FEEL error, no outgoing flow) becomes an incident
 * on `elementId` and stalls the evaluation: undefined then, and while an
 * earlier failure of it is still open. Any other error is a bug and is thrown.
 */
export function attempt<T>(rt: Runtime, owner: Execution, elementId: string, what: What, evaluate: () => T, part?: number): { value: T } | undefined {
  if (isStalled(owner, elementId, what)) return undefined;
  try {
    return { value: evaluate() };
  } catch (error) {
    const type = incidentTypeOf(error);
    if (!type) throw error;
    const id = rt.env.newId();
    const message = `${elementId}: the ${LABELS[what]} failed: ${(error as Error).message}`;
    (owner.stalled ??= []).push({ incident: id, elementId, what, ...(part !== undefined ? { part } : {}) });
    rt.stalledInStep.set(id, owner);
    const { instance } = rt.env;
    rt.env.effects.incidents.push({
      id, instanceId: instance.id, activityInstanceId: owner.id, elementId, definitionKey: instance.definitionKey,
      type, message, jobId: null, state: 'open', createdAt: rt.env.now, resolvedAt: null,
    });
    rt.history('incident.created', owner, { incidentId: id, type, message }, elementId);
    return undefined;
  }
}

/**
 * A transition that failed was undone with the incidents it recorded: the
 * evaluations it stalled meanwhile (on other executions, such as a signal
 * listener reached while it ran) are not stalled after all.
 */
export function forgetUndoneStalls(rt: Runtime): void {
  if (rt.stalledInStep.size === 0) return;
  const kept = new Set(rt.env.effects.incidents.map((i) => i.id));
  for (const [id, owner] of rt.stalledInStep) {
    if (kept.has(id)) continue;
    rt.stalledInStep.delete(id);
    owner.stalled = owner.stalled?.filter((s) => s.incident !== id);
    if (!owner.stalled?.length) delete owner.stalled;
  }
}

/** The waits of `execution` ended (`reason`): its stalled evaluations' incidents are resolved with them. */
export function resolveStalls(rt: Runtime, execution: Execution, reason: string): void {
  for (const stall of execution.stalled ?? []) {
    rt.env.effects.resolveIncidents.push(stall.incident);
    rt.history('incident.resolved', execution, { incidentId: stall.incident, reason }, stall.elementId);
  }
  delete execution.stalled;
}

/**
 * Takes the stalled evaluations of incident `incidentId` off their
 * executions and evaluates them again (`redo`); false when none waits on it.
 */
export function retryStalls(rt: Runtime, incidentId: string, redo: (owner: Execution, stall: StalledEvaluation) => void): boolean {
  const found: [Execution, StalledEvaluation][] = [];
  for (const owner of rt.index.walk()) {
    const stall = owner.stalled?.find((s) => s.incident === incidentId);
    if (stall) found.push([owner, stall]);
  }
  for (const [owner, stall] of found) {
    owner.stalled = owner.stalled!.filter((s) => s !== stall);
    if (owner.stalled.length === 0) delete owner.stalled;
    redo(owner, stall);
  }
  return found.length > 0;
}
