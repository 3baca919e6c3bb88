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
import type { InstanceRecord, TimerRecord } from '../store/records.js';
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
async function fireClaimed(ctx: EngineContext, scope: TxScope, timer: TimerRecord, locked?: InstanceRecord): Promise<FireOutcome> {
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
  if (!locked && (await tx.tryLockInstance(timer.instanceId)) === 'locked') return 'busy';
  if (timer.purpose) return (await fireSlaCheck(ctx, scope, timer)) ? 'fired' : 'spent';
  // Claimed by this transaction, the timer is still scheduled: marking it fired need not wait for an answer.
  const mark = () => (locked ? tx.markTimersFired([timer.id], now) : tx.markTimerFired(timer.id, now));
  let fired = false;
  const stepped = await stepInTx(
    ctx, scope, timer.instanceId, null,
    (rt) => {
      rt.history('timer.fired', rt.index.get(timer.activityInstanceId!) ?? null, { timerId: timer.id, elementId: timer.elementId });
      fired = rearmCycle(rt, timer) || triggerEvent(rt, timer.activityInstanceId!, timer.elementId, {}, { timer: timer.id });
    },
    async () => {
      await mark();
    },
    { skipEnded: true, ...(locked ? { locked } : {}) },
  );
  // A timer left scheduled on an instance that has ended is spent, not retried.
  if (!stepped) await mark();
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

/** Due timers claimed per transaction by the sweep. */
export const TIMER_BATCH = 200;

/**
 * Fires one batch of due timers in ONE transaction that holds their claim
 * (FOR UPDATE SKIP LOCKED) while it fires them: another engine process
 * sweeping at the same moment claims a different batch, and nobody fires a
 * timer twice. The batch's instances are locked in one statement, skipping
 * instances another transaction holds (those timers wait for the next
 * batch, as do further timers of an instance already stepped in this one);
 * the steps' writes go out as one statement with COMMIT. Returns the
 * timers claimed (empty: nothing was due) and how many fired; a failure of
 * any timer rolls the batch back (`failed`), for the caller to fire its
 * timers one by one.
 */
async function fireBatch(ctx: EngineContext, skip: Set<string>): Promise<{ claimed: TimerRecord[]; fired: number; deferred: string[]; failed?: unknown }> {
  let claimed: TimerRecord[] = [];
  const deferred: string[] = [];
  try {
    const fired = await ctx.transaction(async (scope) => {
      claimed = (await scope.tx.claimDueTimers(scope.now, TIMER_BATCH + skip.size)).filter((t) => !skip.has(t.id)).slice(0, TIMER_BATCH);
      deferred.length = 0;
      const first = new Map<string, TimerRecord>();
      for (const timer of claimed) if (timer.instanceId && !timer.purpose && !first.has(timer.instanceId)) first.set(timer.instanceId, timer);
      const locked = new Map((await scope.tx.tryLockInstances([...first.keys()])).map((i) => [i.id, i]));
      let count = 0;
      for (const timer of claimed) {
        const instance = timer.instanceId && !timer.purpose ? locked.get(timer.instanceId) : undefined;
        if (timer.instanceId && !timer.purpose && (first.get(timer.instanceId) !== timer || !instance)) {
          deferred.push(timer.id);
          continue;
        }
        // an instance stepped earlier in this batch (by a message, a call) is read again under its lock
        const current = instance && !scope.latest.has(instance.id) ? instance : undefined;
        if ((await fireClaimed(ctx, scope, timer, current)) === 'fired') count += 1;
      }
      return count;
    });
    return { claimed, fired, deferred };
  } catch (error) {
    return { claimed, fired: 0, deferred: [], failed: error };
  }
}

/**
 * Fires every due timer (by the engine's clock), oldest first, in batches
 * of TIMER_BATCH per transaction; a batch that fails is fired again one
 * timer per transaction, so a timer whose step fails becomes an incident
 * and the others fire. Timers whose instance was busy wait for the next
 * sweep. Returns how many fired.
 */
export async function fireDueTimers(ctx: EngineContext): Promise<number> {
  let fired = 0;
  const busy = new Set<string>();
  for (;;) {
    const batch = await fireBatch(ctx, busy);
    if (batch.failed === undefined) {
      fired += batch.fired;
      // a timer deferred because its instance was busy or already stepped is tried again, once the batch committed
      const retry = batch.deferred.filter((id) => !busy.has(id));
      if (batch.claimed.length === 0) return fired;
      if (retry.length === batch.claimed.length) for (const id of retry) busy.add(id);
      continue;
    }
    if (batch.claimed.length === 0) {
      ctx.log('timer.failed', { error: (batch.failed as Error).message });
      return fired;
    }
    for (const timer of batch.claimed) {
      let result;
      try {
        result = await fireOne(ctx, ({ tx, now }) => tx.claimTimer(timer.id, now));
      } catch (error) {
        ctx.log('timer.failed', { timerId: timer.id, error: (error as Error).message });
        continue;
      }
      if (result.outcome === 'fired') fired += 1;
      if (result.outcome === 'busy' || !result.timer) busy.add(timer.id);
    }
  }
}
