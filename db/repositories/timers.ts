/** Timers: the truth about what fires when. */
import type { TimerRecord } from '../../engine/index.js';
import { rowMapper, type Db } from './rows.js';

export const timerRows = rowMapper<TimerRecord>(['cycle']);

export async function getTimer(db: Db, id: string): Promise<TimerRecord | undefined> {
  const row = await db('timers').where({ id }).first();
  return row ? timerRows.fromRow(row) : undefined;
}

export async function markTimerFired(db: Db, id: string, firedAt: Date): Promise<boolean> {
  return (await db('timers').where({ id, state: 'scheduled' }).update({ state: 'fired', fired_at: firedAt })) === 1;
}

export async function rescheduleTimer(db: Db, id: string, dueAt: Date): Promise<void> {
  await db('timers').where({ id }).update({ state: 'scheduled', due_at: dueAt, fired_at: null });
}

export async function dueTimers(db: Db, now: Date, limit: number): Promise<TimerRecord[]> {
  const rows = await db('timers').where({ state: 'scheduled' }).andWhere('due_at', '<=', now).orderBy('due_at').orderBy('id').limit(limit);
  return rows.map((row) => timerRows.fromRow(row));
}

export async function listTimers(db: Db, filter: { instanceId?: string; state?: TimerRecord['state'] }): Promise<TimerRecord[]> {
  let query = db('timers').select('*');
  if (filter.instanceId) query = query.where({ instance_id: filter.instanceId });
  if (filter.state) query = query.where({ state: filter.state });
  return (await query.orderBy('due_at').orderBy('id')).map((row) => timerRows.fromRow(row));
}

/** Cancels the open start timers (instance-less) of every version of a key. */
export async function cancelStartTimers(db: Db, definitionKey: string): Promise<void> {
  await db('timers')
    .whereNull('instance_id')
    .andWhere({ state: 'scheduled' })
    .whereIn('definition_id', db('process_definitions').select('id').where({ key: definitionKey }))
    .update({ state: 'cancelled' });
}
