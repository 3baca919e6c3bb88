/** Jobs for workers: claimed with SKIP LOCKED, an expired lock makes a job available again. */
import type { JobFilter, JobRecord } from '../../engine/index.js';
import { page, rowMapper, type Db } from './rows.js';

export const jobRows = rowMapper<JobRecord>(['headers', 'variables']);

export async function getJob(db: Db, id: string): Promise<JobRecord | undefined> {
  const row = await db('jobs').where({ id }).first();
  return row ? jobRows.fromRow(row) : undefined;
}

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
  const rows = await db('jobs').whereIn('id', candidates).update({ state: 'activated', worker, lock_expires_at: lockExpiresAt }).returning('*');
  return rows.map((row: Record<string, unknown>) => jobRows.fromRow(row)).sort((a: JobRecord, b: JobRecord) => a.createdAt.getTime() - b.createdAt.getTime());
}

export async function updateJob(db: Db, id: string, patch: Partial<JobRecord>): Promise<void> {
  await db('jobs').where({ id }).update(jobRows.toRow(patch));
}

export async function listJobs(db: Db, filter: JobFilter) {
  let query = db('jobs').select('*');
  if (filter.instanceId) query = query.where({ instance_id: filter.instanceId });
  if (filter.type) query = query.where({ type: filter.type });
  if (filter.state) query = query.where({ state: filter.state });
  return page(query, (row) => jobRows.fromRow(row), [['created_at', 'asc'], ['id', 'asc']], filter.limit, filter.offset);
}
