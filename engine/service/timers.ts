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
import type { EngineContext, TxScope } from './EngineContext.js';
import type { TimerRecord } from '../store/records.js';
import { historyNote, startInTx, stepInTx, writeEffects } from './steps.js';
import { fireSlaCheck } from './sla.js';

/** What became of a claimed timer: fired, spent (its instance ended or it was no longer waited on), or left for later (its instance was busy). */
export type FireOutcome = 'fired' | 'spent' | 'busy';

/**
 * Fires `timer`, which this transaction holds. The instance is locked
 * without waiting: a transaction that holds the instance may be about to
 * cancel this very timer (it would then wait for our timer lock: a
 * deadlock), so a busy instance leaves the timer to the next sweep.
 */
async function fireClaimed(ctx: EngineContext, scope: TxScope, timer: TimerRecord): Promise<FireOutcome> {
  const { tx, now } = scope;
  if (!timer.instanceId) {
    await tx.markTimerFired(timer.id, now);
    const { definition } = await ctx.models.get(tx, timer.definitionId);
    const book = await ctx.calendarBook(scope);
    const next = timer.cycle ? nextTimer(timer.cycle, timer.dueAt, book.context(definition.ir.nodes[timer.elementId]?.lifeline?.calendar ?? definition.ir.calendar)) : null;
    if (next) {
      await writeEffects(scope, { ...emptyEffects(), timers: [{ ...timer, id: ctx.newId(), dueAt: next.dueAt, cycle: next.cycle, state: 'scheduled', createdAt: now, firedAt: null }] });
    }
    await startInTx(ctx, scope, definition, { startEventId: timer.elementId });
    return 'fired';
  }
  if ((await tx.tryLockInstance(timer.instanceId)) === 'locked') return 'busy';
  if (timer.purpose) return (await fireSlaCheck(ctx, scope, timer)) ? 'fired' : 'spent';
  let fired = false;
  const stepped = await stepInTx(
    ctx, scope, timer.instanceId, null,
    (rt) => {
      rt.history('timer.fired', rt.index.get(timer.activityInstanceId!) ?? null, { timerId: timer.id, elementId: timer.elementId });
      fired = rearmCycle(rt, timer) || triggerEvent(rt, timer.activityInstanceId!, timer.elementId, {}, { timer: timer.id });
    },
    async () => tx.markTimerFired(timer.id, now),
    { skipEnded: true },
  );
  // A timer left scheduled on an instance that has ended is spent, not retried.
  if (!stepped) await tx.markTimerFired(timer.id, now);
  return fired ? 'fired' : 'spent';
}

/** Runs `claim` and fires what it claimed in one transaction; a run-time failure of the engine's own becomes a timer incident. */
async function fireOne(ctx: EngineContext, claim: (scope: TxScope) => Promise<TimerRecord | undefined>): Promise<{ timer?: TimerRecord; outcome?: FireOutcome }> {
  let claimed: TimerRecord | undefined;
  try {
    return await ctx.transaction(async (scope) => {
      claimed = await claim(scope);
      return claimed ? { timer: claimed, outcome: await fireClaimed(ctx, scope, claimed) } : {};
    });
  } catch (error) {
    if (!claimed) throw error;
    if (!(error instanceof LifelineError)) {
      // The database or a bug: the transaction rolled back, the timer stays scheduled for the next sweep.
      ctx.log('timer.failed', { timerId: claimed.id, error: (error as Error).message });
      return { timer: claimed, outcome: 'busy' };
    }
    await recordTimerFailure(ctx, claimed.id, error);
    return { timer: claimed, outcome: 'spent' };
  }
}

/** Fires one timer if it is still scheduled, due and not held by another engine process (a scheduler wake-up). */
export async function fireTimer(ctx: EngineContext, id: string): Promise<boolean> {
  const { outcome } = await fireOne(ctx, ({ tx, now }) => tx.claimTimer(id, now));
  return outcome === 'fired';
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

/**
 * Fires every due timer (by the engine's clock), oldest first, each in its
 * own transaction that holds its claim until it has fired. Timers whose
 * instance was busy wait for the next sweep. Returns how many fired.
 */
export async function fireDueTimers(ctx: EngineContext): Promise<number> {
  let fired = 0;
  const tried: string[] = [];
  for (;;) {
    let result;
    try {
      result = await fireOne(ctx, ({ tx, now }) => tx.claimDueTimer(now, tried));
    } catch (error) {
      ctx.log('timer.failed', { error: (error as Error).message });
      return fired;
    }
    if (!result.timer) return fired;
    tried.push(result.timer.id);
    if (result.outcome === 'fired') fired += 1;
  }
}
