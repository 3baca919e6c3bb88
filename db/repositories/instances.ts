/** Process instances: the locked row per step, and the queries managers filter by. */
import type { InstanceFilter, InstanceRecord } from '../../engine/index.js';
import { ConflictError } from '../../engine/index.js';
import { page, rowMapper, type Db } from './rows.js';

const instances = rowMapper<InstanceRecord>(['snapshot', 'variables']);

export async function insertInstance(db: Db, instance: InstanceRecord): Promise<void> {
  await db('process_instances').insert(instances.toRow(instance));
}

export async function lockInstance(db: Db, id: string): Promise<InstanceRecord | undefined> {
  const row = await db('process_instances').where({ id }).forUpdate().first();
  return row ? instances.fromRow(row) : undefined;
}

export async function getInstance(db: Db, id: string): Promise<InstanceRecord | undefined> {
  const row = await db('process_instances').where({ id }).first();
  return row ? instances.fromRow(row) : undefined;
}

/** Saves a step's result; the revision check guards against a lost update. */
export async function updateInstance(db: Db, instance: InstanceRecord): Promise<void> {
  const { snapshot, variables, state, activeElements, endedAt, updatedAt } = instance;
  const changed = await db('process_instances')
    .where({ id: instance.id, revision: instance.revision })
    .update({ ...instances.toRow({ snapshot, variables, state, activeElements, endedAt, updatedAt }), revision: instance.revision + 1 });
  if (changed !== 1) throw new ConflictError(`process instance ${instance.id} was changed concurrently`, { instanceId: instance.id });
}

export async function listInstances(db: Db, filter: InstanceFilter) {
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
  return page(query, (row) => instances.fromRow(row), [['started_at', 'desc'], ['id', 'asc']], filter.limit, filter.offset);
}
