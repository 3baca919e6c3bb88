/** Timers: the truth about what fires when (a Scheduler only wakes the engine). */
import type { TimerRecord } from '../../engine/index.js';
import { rowMapper, type Db } from './rows.js';

/** Row mapping of `timers` (the cycle is jsonb). */
export const timerRows = rowMapper<TimerRecord>(['cycle']);

/** One timer by id. */
export async function getTimer(db: Db, id: string): Promise<TimerRecord | undefined> {
  const row = await db('timers').where({ id }).first();
  return row ? timerRows.fromRow(row) : undefined;
}

/** Marks a timer fired if it is still scheduled; false when someone else fired or cancelled it. */
export async function markTimerFired(db: Db, id: string, firedAt: Date): Promise<boolean> {
  return (await db('timers').where({ id, state: 'scheduled' }).update({ state: 'fired', fired_at: firedAt })) === 1;
}

/** Puts a timer back to scheduled at `dueAt` (retrying its incident). */
export async function rescheduleTimer(db: Db, id: string, dueAt: Date): Promise<void> {
  await db('timers').where({ id }).update({ state: 'scheduled', due_at: dueAt, fired_at: null });
}

/** Timers of an instance and/or in a state, by due time (monitoring). */
export async function listTimers(db: Db, filter: { instanceId?: string; state?: TimerRecord['state'] }): Promise<TimerRecord[]> {
  let query = db('timers').select('*');
  if (filter.instanceId) query = query.where({ instance_id: filter.instanceId });
  if (filter.state) query = query.where({ state: filter.state });
  return (await query.orderBy('due_at').orderBy('id')).map((row) => timerRows.fromRow(row));
}

/** Cancels the scheduled start timers (instance-less) of every version of a key, in one statement. */
export async function cancelStartTimers(db: Db, definitionKey: string): Promise<void> {
  await db('timers')
    .whereNull('instance_id')
    .andWhere({ state: 'scheduled' })
    .whereIn('definition_id', db('process_definitions').select('id').where({ key: definitionKey }))
    .update({ state: 'cancelled' });
}

/** Scheduled, due, and not waiting on an open incident. */
function dueQuery(db: Db, now: Date) {
  return db('timers')
    .where({ state: 'scheduled' })
    .andWhere('due_at', '<=', now)
    .whereNotExists(db('incidents').select(db.raw('1')).whereRaw('incidents.timer_id = timers.id').andWhere('incidents.state', 'open'));
}

/**
 * Claims the oldest due timer not in `skip` for the rest of the transaction
 * (FOR UPDATE SKIP LOCKED): another engine process sweeping at the same
 * time takes a different one, and nobody fires it while it is held.
 */
export async function claimDueTimer(db: Db, now: Date, skip: string[]): Promise<TimerRecord | undefined> {
  let query = dueQuery(db, now);
  if (skip.length) query = query.whereRaw('not (id = any(?::uuid[]))', [skip]);
  const row = await query.orderBy('due_at').orderBy('id').limit(1).forUpdate('timers').skipLocked().first();
  return row ? timerRows.fromRow(row) : undefined;
}

/** Claims timer `id` if it is scheduled, due and not held by another transaction. */
export async function claimTimer(db: Db, id: string, now: Date): Promise<TimerRecord | undefined> {
  const row = await dueQuery(db, now).andWhere({ id }).forUpdate('timers').skipLocked().first();
  return row ? timerRows.fromRow(row) : undefined;
}
