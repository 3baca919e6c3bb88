/** Jobs for workers: claimed with SKIP LOCKED; an expired lock makes a job available again. */
import type { JobFilter, JobRecord, Page } from '../../engine/index.js';
import { page, rowMapper, type Db } from './rows.js';

const mapper = rowMapper<JobRecord>(['headers']);

/** Row mapping of `jobs` (headers are jsonb; `seq`, the creation order, stays in the database). */
export const jobRows = {
  toRow: mapper.toRow,
  fromRow: ({ seq: _seq, ...row }: Record<string, unknown>): JobRecord => mapper.fromRow(row),
};

/** One job by id. */
export async function getJob(db: Db, id: string): Promise<JobRecord | undefined> {
  const row = await db('jobs').where({ id }).first();
  return row ? jobRows.fromRow(row) : undefined;
}

/**
 * Locks up to `max` jobs of `type` for `worker` in one statement: jobs that
 * are activatable and due, or activated under a lock that has expired;
 * rows another transaction is claiming are skipped, so concurrent workers
 * never get the same job. Oldest first.
 */
export async function activateJobs(db: Db, type: string, worker: string, max: number, now: Date, lockExpiresAt: Date): Promise<JobRecord[]> {
  const candidates = db('jobs')
    .select('id')
    .where({ type })
    .andWhere('next_run_at', '<=', now)
    .andWhere((q) => q.where({ state: 'activatable' }).orWhere((expired) => expired.where({ state: 'activated' }).andWhere('lock_expires_at', '<=', now)))
    .orderBy('created_at')
    .limit(max)
    .forUpdate()
    .skipLocked();
  // A materialised CTE: the locking subquery runs exactly once, whatever plan the UPDATE gets.
  const rows: Record<string, unknown>[] = await db('jobs')
    .withMaterialized('candidates', candidates)
    .whereIn('id', db.select('id').from('candidates'))
    .update({ state: 'activated', worker, lock_expires_at: lockExpiresAt })
    .returning('*');
  return rows.map((row) => jobRows.fromRow(row)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** Applies a partial update to a job (complete, fail with retries, back to activatable). */
export async function updateJob(db: Db, id: string, patch: Partial<JobRecord>): Promise<void> {
  await db('jobs').where({ id }).update(jobRows.toRow(patch));
}

/** Jobs by instance, type and state, in the order they were created, with the total. */
export async function listJobs(db: Db, filter: JobFilter): Promise<Page<JobRecord>> {
  let query = db('jobs').select('*');
  if (filter.instanceId) query = query.where({ instance_id: filter.instanceId });
  if (filter.type) query = query.where({ type: filter.type });
  if (filter.state) query = query.where({ state: filter.state });
  return page(query, (row) => jobRows.fromRow(row), [['created_at', 'asc'], ['seq', 'asc']], filter.limit, filter.offset);
}

/**
 * Jobs whose worker's lock ran out go back to activatable (claimed with
 * SKIP LOCKED, so several sweeping processes share them). Returns them.
 */
export async function expireJobLocks(db: Db, now: Date, limit: number): Promise<JobRecord[]> {
  const expired = db('jobs').select('id').where({ state: 'activated' }).andWhere('lock_expires_at', '<=', now).orderBy('lock_expires_at').limit(limit).forUpdate().skipLocked();
  const rows: Record<string, unknown>[] = await db('jobs')
    .withMaterialized('expired', expired)
    .whereIn('id', db.select('id').from('expired'))
    .update({ state: 'activatable', worker: null, lock_expires_at: null })
    .returning('*');
  return rows.map((row) => jobRows.fromRow(row));
}
