/** Process instances on the hot path: the row lock of a step, alone or by the task being completed. */
import type { InstanceRecord, UserTaskRecord } from '../../engine/index.js';
import type { Sql } from './Sql.js';
import { INSTANCES, TASKS, fromRow } from './tables.js';

const instance = (row: Record<string, unknown>) => fromRow(INSTANCES, row);

/** Reads and row-locks an instance (SELECT ... FOR UPDATE) until the transaction ends. */
export async function lockInstance(sql: Sql, id: string): Promise<InstanceRecord | undefined> {
  const [row] = await sql.query('select * from process_instances where id = $1 for update', [id]);
  return row ? instance(row) : undefined;
}

/** Row-locks an instance unless another transaction holds it: 'locked' then, undefined when there is no such instance. */
export async function tryLockInstance(sql: Sql, id: string): Promise<InstanceRecord | 'locked' | undefined> {
  const [row] = await sql.query<Record<string, unknown> & { locked: boolean }>(
    `select p.*, false as locked from process_instances p where p.id = $1 for update skip locked`,
    [id],
  );
  if (row) return instance(row);
  const [exists] = await sql.query('select 1 from process_instances where id = $1', [id]);
  return exists ? 'locked' : undefined;
}

/** Row-locks those of `ids` no other transaction holds (SKIP LOCKED), in one statement; returns them. */
export async function tryLockInstances(sql: Sql, ids: string[]): Promise<InstanceRecord[]> {
  if (ids.length === 0) return [];
  const rows = await sql.query('select * from process_instances where id = any($1::uuid[]) order by id for update skip locked', [ids]);
  return rows.map(instance);
}

/**
 * Row-locks the instance a task belongs to and reads both, in one round
 * trip: the task is read after the lock is granted (the statements run in
 * order), so its state is the one every writer of the instance respects.
 */
export async function lockInstanceOfTask(sql: Sql, taskId: string): Promise<{ instance: InstanceRecord; task: UserTaskRecord } | undefined> {
  const [instances, tasks] = await Promise.all([
    sql.query('select * from process_instances where id = (select instance_id from user_tasks where id = $1) for update', [taskId]),
    sql.query('select * from user_tasks where id = $1', [taskId]),
  ]);
  if (!instances[0] || !tasks[0]) return undefined;
  return { instance: instance(instances[0]), task: fromRow(TASKS, tasks[0]) };
}
