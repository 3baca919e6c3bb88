/** Process instances: the locked row per step, and the queries managers filter by. */
import type { InstanceFilter, InstanceRecord, Page } from '../../engine/index.js';
import { ConflictError } from '../../engine/index.js';
import { insertAll, page, rowMapper, type Db } from './rows.js';

/** Row mapping of `process_instances` (snapshot and variables are jsonb). */
export const instanceRows = rowMapper<InstanceRecord>(['snapshot', 'variables']);

/** Inserts a new instance (revision as given, normally 0). */
export async function insertInstance(db: Db, instance: InstanceRecord): Promise<void> {
  await db('process_instances').insert(instanceRows.toRow(instance));
}

/** Inserts many new instances (instances started together in one step), in as few statements as possible. */
export async function insertInstances(db: Db, instances: InstanceRecord[]): Promise<void> {
  await insertAll(db, 'process_instances', instances, (i) => instanceRows.toRow(i));
}

/** Reads and row-locks an instance (SELECT ... FOR UPDATE) until the transaction ends. */
export async function lockInstance(db: Db, id: string): Promise<InstanceRecord | undefined> {
  const row = await db('process_instances').where({ id }).forUpdate().first();
  return row ? instanceRows.fromRow(row) : undefined;
}

/** Row-locks an instance unless another transaction holds it: 'locked' then, undefined when there is no such instance. */
export async function tryLockInstance(db: Db, id: string): Promise<InstanceRecord | 'locked' | undefined> {
  const row = await db('process_instances').where({ id }).forUpdate().skipLocked().first();
  if (row) return instanceRows.fromRow(row);
  return (await db('process_instances').where({ id }).first('id')) ? 'locked' : undefined;
}

/** One instance by id, without locking. */
export async function getInstance(db: Db, id: string): Promise<InstanceRecord | undefined> {
  const row = await db('process_instances').where({ id }).first();
  return row ? instanceRows.fromRow(row) : undefined;
}

/** The trees and process variables of several instances, without locking (the variables of a batch of activated jobs). */
export async function instanceTrees(db: Db, ids: string[]): Promise<Pick<InstanceRecord, 'id' | 'snapshot' | 'variables'>[]> {
  if (ids.length === 0) return [];
  const rows = await db('process_instances').select('id', 'snapshot', 'variables').whereRaw('id = any(?::uuid[])', [ids]);
  return rows.map((row: Record<string, unknown>) => instanceRows.fromRow(row));
}

/**
 * Saves a step's result and bumps the revision, only if the row still has
 * the revision that was read: a ConflictError otherwise (a lost update).
 */
export async function updateInstance(db: Db, instance: InstanceRecord): Promise<void> {
  const { snapshot, variables, state, activeElements, endedAt, updatedAt } = instance;
  const changed = await db('process_instances')
    .where({ id: instance.id, revision: instance.revision })
    .update({ ...instanceRows.toRow({ snapshot, variables, state, activeElements, endedAt, updatedAt }), revision: instance.revision + 1 });
  if (changed !== 1) throw new ConflictError(`process instance ${instance.id} was changed concurrently`, { instanceId: instance.id });
}

/** Instances by the monitoring filters, newest start first, with the total. */
export async function listInstances(db: Db, filter: InstanceFilter): Promise<Page<InstanceRecord>> {
  let query = db('process_instances').select('*');
  if (filter.definitionKey) query = query.where({ definition_key: filter.definitionKey });
  if (filter.definitionId) query = query.where({ definition_id: filter.definitionId });
  if (filter.state) query = query.where({ state: filter.state });
  if (filter.businessKey) query = query.where({ business_key: filter.businessKey });
  if (filter.startedBefore) query = query.where('started_at', '<', filter.startedBefore);
  if (filter.startedAfter) query = query.where('started_at', '>', filter.startedAfter);
  if (filter.activeElement) query = query.whereRaw('? = any(active_elements)', [filter.activeElement]);
  if (filter.updatedBefore) query = query.where({ state: 'active' }).where('updated_at', '<', filter.updatedBefore);
  if (filter.parentInstanceId) query = query.where({ parent_instance_id: filter.parentInstanceId });
  if (filter.hasIncident !== undefined) {
    const open = db('incidents').select(db.raw('1')).whereRaw('incidents.instance_id = process_instances.id').andWhere('incidents.state', 'open');
    query = filter.hasIncident ? query.whereExists(open) : query.whereNotExists(open);
  }
  return page(query, (row) => instanceRows.fromRow(row), [['started_at', 'desc'], ['id', 'asc']], filter.limit, filter.offset);
}

/** Monitoring overlays: per element, instances holding a token, open incidents and overdue tasks. */
export async function elementCounts(db: Db, definitionKey: string, now: Date): Promise<Record<string, { active: number; incidents: number; overdue: number }>> {
  const counts: Record<string, { active: number; incidents: number; overdue: number }> = {};
  const entry = (id: string) => (counts[id] ??= { active: 0, incidents: 0, overdue: 0 });
  const active = await db.raw("select element, count(*)::int as n from process_instances, unnest(active_elements) as element where state = 'active' and definition_key = ? group by element", [definitionKey]);
  for (const row of active.rows) entry(row.element).active = row.n;
  const incidents = await db('incidents').select('element_id').count<{ element_id: string; count: number }[]>('* as count').where({ state: 'open', definition_key: definitionKey }).whereNotNull('element_id').groupBy('element_id');
  for (const row of incidents) entry(row.element_id).incidents = Number(row.count);
  const overdue = await db('user_tasks').select('element_id').count<{ element_id: string; count: number }[]>('* as count').where({ state: 'created', definition_key: definitionKey }).andWhere('due_at', '<', now).groupBy('element_id');
  for (const row of overdue) entry(row.element_id).overdue = Number(row.count);
  return counts;
}
