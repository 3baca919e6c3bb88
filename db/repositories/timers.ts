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

/** Scheduled timers due at or before `now`, oldest first, skipping rows another transaction holds and timers waiting on an open incident. */
export async function dueTimers(db: Db, now: Date, limit: number): Promise<TimerRecord[]> {
  const rows = await db('timers')
    .where({ state: 'scheduled' })
    .andWhere('due_at', '<=', now)
    // A timer whose step failed waits for its incident to be retried, not for the next sweep.
    .whereNotExists(db('incidents').select(db.raw('1')).whereRaw('incidents.timer_id = timers.id').andWhere('incidents.state', 'open'))
    .orderBy('due_at')
    .orderBy('id')
    .limit(limit)
    .forUpdate('timers')
    .skipLocked();
  return rows.map((row) => timerRows.fromRow(row));
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
