/**
 * Firing timers. The row is the truth: a timer fires only if it is still
 * scheduled and due by the engine's clock, and marking it fired happens in
 * the same transaction as the step it causes, so it fires at most once no
 * matter how many engine processes (or scheduler wake-ups) race for it.
 */
import { emptyEffects } from '../store/Store.js';
import { LifelineError } from '../errors/LifelineError.js';
import { rearmCycle, triggerEvent } from '../runtime/inputs.js';
import { nextTimer } from '../time/timerExpression.js';
import type { EngineContext } from './EngineContext.js';
import { historyNote, startInTx, stepInTx, writeEffects } from './steps.js';
import { fireSlaCheck } from './sla.js';

/** Fires one timer if it is still scheduled and due. */
export async function fireTimer(ctx: EngineContext, id: string): Promise<boolean> {
  try {
    return await ctx.transaction(async (scope) => {
      const { tx, now } = scope;
      const timer = await tx.getTimer(id);
      if (!timer || timer.state !== 'scheduled' || timer.dueAt.getTime() > now.getTime()) return false;
      if (!timer.instanceId) {
        if (!(await tx.markTimerFired(id, now))) return false;
        const { definition } = await ctx.models.get(tx, timer.definitionId);
        const book = await ctx.calendarBook(scope);
        const next = timer.cycle ? nextTimer(timer.cycle, timer.dueAt, book.context(definition.ir.nodes[timer.elementId]?.lifeline?.calendar ?? definition.ir.calendar)) : null;
        if (next) {
          await writeEffects(scope, { ...emptyEffects(), timers: [{ ...timer, id: ctx.newId(), dueAt: next.dueAt, cycle: next.cycle, state: 'scheduled', createdAt: now, firedAt: null }] });
        }
        await startInTx(ctx, scope, definition, { startEventId: timer.elementId });
        return true;
      }
      if (timer.purpose) return fireSlaCheck(ctx, scope, timer);
      let fired = false;
      const stepped = await stepInTx(
        ctx, scope, timer.instanceId, null,
        (rt) => {
          rt.history('timer.fired', rt.index.get(timer.activityInstanceId!) ?? null, { timerId: id, elementId: timer.elementId });
          fired = rearmCycle(rt, timer) || triggerEvent(rt, timer.activityInstanceId!, timer.elementId, {}, { timer: id });
        },
        async () => tx.markTimerFired(id, now),
        { skipEnded: true },
      );
      // A timer left scheduled on an instance that has ended is spent, not retried.
      if (!stepped) await tx.markTimerFired(id, now);
      return fired;
    });
  } catch (error) {
    if (!(error instanceof LifelineError)) throw error;
    await recordTimerFailure(ctx, id, error);
    return false;
  }
}

/**
 * A timer whose step failed (an expression that cannot be evaluated, a
 * gateway with no way out) becomes an incident; the timer stays scheduled
 * so that retrying the incident fires it again.
 */
async function recordTimerFailure(ctx: EngineContext, id: string, error: LifelineError): Promise<void> {
  await ctx.transaction(async (scope) => {
    const timer = await scope.tx.getTimer(id);
    if (!timer?.instanceId || timer.state !== 'scheduled') return;
    const existing = await scope.tx.getIncidentForTimer(id);
    if (existing) return;
    const instance = await scope.tx.lockInstance(timer.instanceId);
    if (!instance) return;
    await writeEffects(scope, {
      ...emptyEffects(),
      incidents: [{
        id: ctx.newId(), instanceId: timer.instanceId, activityInstanceId: timer.activityInstanceId, elementId: timer.elementId, definitionKey: instance.definitionKey,
        type: 'expression_failed', message: error.message, jobId: null, timerId: id, state: 'open', createdAt: scope.now, resolvedAt: null,
      }],
      history: [historyNote(timer.instanceId, scope.now, 'incident.created', timer.elementId, { type: 'expression_failed', timerId: id, message: error.message })],
    });
  });
}

/** Fires every due timer (by the engine's clock), oldest first. Returns how many fired. */
export async function fireDueTimers(ctx: EngineContext, batch = 200): Promise<number> {
  let fired = 0;
  const tried = new Set<string>();
  for (;;) {
    const due = (await ctx.store.transaction((tx) => tx.dueTimers(ctx.now(), batch))).filter((t) => !tried.has(t.id));
    if (due.length === 0) return fired;
    for (const timer of due) {
      tried.add(timer.id);
      try {
        if (await fireTimer(ctx, timer.id)) fired += 1;
      } catch (error) {
        ctx.log('timer.failed', { timerId: timer.id, error: (error as Error).message });
      }
    }
  }
}
