/**
 * The instance outbox (migration 120) on the pipelined connection: a
 * delivery locks its row with SKIP LOCKED (two engine processes pumping
 * the same table never deliver one row twice; a row parked behind an
 * incident is not delivered), the pump lists due rows, failures are
 * recorded for the retry with backoff. Deleting a delivered row travels
 * with the delivery's other writes (StepWrites).
 */
import type { OutboxRecord } from '../../engine/index.js';
import type { Sql, Statement } from './Sql.js';
import { OUTBOX, fromRow } from './tables.js';

/** Locks row `id` for its delivery unless it is gone, held by another transaction, or parked behind an incident. */
export async function lockOutboxRow(sql: Sql, id: string): Promise<OutboxRecord | undefined> {
  const [row] = await sql.query('select * from instance_outbox where id = $1 and incident_id is null for update skip locked', [id]);
  return row ? fromRow(OUTBOX, row) : undefined;
}

/** Ids of due rows not parked behind an incident, oldest first. */
export async function dueOutboxRows(sql: Sql, now: Date, limit: number): Promise<string[]> {
  const rows = await sql.query<{ id: string }>('select id from instance_outbox where incident_id is null and next_attempt_at <= $1 order by next_attempt_at, seq limit $2', [now, limit]);
  return rows.map((row) => row.id);
}

/** Records a failed delivery. */
export function recordOutboxFailure(sql: Sql, id: string, failure: { attempts: number; lastError: string; nextAttemptAt: Date; incidentId: string | null }): void {
  sql.defer('update instance_outbox set attempts = $2, last_error = $3, next_attempt_at = $4, incident_id = $5 where id = $1', [
    id, failure.attempts, failure.lastError, failure.nextAttemptAt, failure.incidentId,
  ]);
}

/** Puts the rows parked behind an incident back to due at `now`. */
export async function requeueOutboxOfIncident(sql: Sql, incidentId: string, now: Date): Promise<string[]> {
  const rows = await sql.query<{ id: string }>('update instance_outbox set incident_id = null, attempts = 0, next_attempt_at = $2 where incident_id = $1 returning id', [incidentId, now]);
  return rows.map((row) => row.id);
}

/** Row `id` as it is, not locked (a delivery reads its row first: it never locks the sender's row), unless gone or parked behind an incident. */
export async function readOutboxRow(sql: Sql, id: string): Promise<OutboxRecord | undefined> {
  const [row] = await sql.query('select * from instance_outbox where id = $1 and incident_id is null', [id]);
  return row ? fromRow(OUTBOX, row) : undefined;
}

/**
 * Records row `outboxId` in the inbox of `target`; false if it was there
 * already (delivered before; a concurrent delivery's is waited for), or,
 * with `anywhere`, in another instance's inbox (committed before this
 * statement began: a racing delivery that committed after this one read
 * its subscriptions took the same one, whose key this insert then meets).
 */
export async function receiveOutboxRow(sql: Sql, target: string, outboxId: string, at: Date, anywhere = false): Promise<boolean> {
  const rows = anywhere
    ? await sql.query('insert into instance_inbox (instance_id, outbox_id, received_at) select $1, $2, $3 where not exists (select 1 from instance_inbox where outbox_id = $2) on conflict do nothing returning outbox_id', [target, outboxId, at])
    : await sql.query('insert into instance_inbox (instance_id, outbox_id, received_at) values ($1, $2, $3) on conflict do nothing returning outbox_id', [target, outboxId, at]);
  return rows.length === 1;
}

/** Deletes inbox rows received before `before`; returns how many. */
export async function sweepInbox(sql: Sql, before: Date): Promise<number> {
  return sql.count('delete from instance_inbox where received_at < $1', [before]);
}

/** The statement deleting delivered rows of one sender (on a sharded database: on the sender's shard only). */
export function deleteOutboxRows(sender: string, ids: string[]): Statement {
  return ids.length === 1
    ? { text: 'delete from instance_outbox where instance_id = $1 and id = $2', values: [sender, ids[0]] }
    : { text: 'delete from instance_outbox where instance_id = $1 and id = any($2::uuid[])', values: [sender, ids] };
}
