/**
 * Due timers for the sweep: a batch claimed with FOR UPDATE SKIP LOCKED and
 * held by the transaction that fires them, so several engine processes
 * sweeping at once take disjoint batches and none fires a timer twice.
 */
import type { TimerRecord } from '../../engine/index.js';
import type { Sql } from './Sql.js';
import { TIMERS, fromRow } from './tables.js';

/** Scheduled, due, and not waiting on an open incident. */
const DUE = `t.state = 'scheduled' and t.due_at <= $1
  and not exists (select 1 from incidents i where i.timer_id = t.id and i.state = 'open')`;

/** Claims up to `limit` due timers, oldest first, skipping those other transactions hold. */
export async function claimDueTimers(sql: Sql, now: Date, limit: number): Promise<TimerRecord[]> {
  const rows = await sql.query(`select t.* from timers t where ${DUE} order by t.due_at, t.id limit $2 for update of t skip locked`, [now, limit]);
  return rows.map((row) => fromRow(TIMERS, row));
}

/** Claims the oldest due timer not in `skip`. */
export async function claimDueTimer(sql: Sql, now: Date, skip: string[]): Promise<TimerRecord | undefined> {
  const [row] = await sql.query(`select t.* from timers t where ${DUE} and not (t.id = any($2::uuid[])) order by t.due_at, t.id limit 1 for update of t skip locked`, [now, skip]);
  return row ? fromRow(TIMERS, row) : undefined;
}

/** Claims timer `id` if it is scheduled, due and not held by another transaction. */
export async function claimTimer(sql: Sql, id: string, now: Date): Promise<TimerRecord | undefined> {
  const [row] = await sql.query(`select t.* from timers t where ${DUE} and t.id = $2 for update of t skip locked`, [now, id]);
  return row ? fromRow(TIMERS, row) : undefined;
}
