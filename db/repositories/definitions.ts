/** Deployments, process definitions and forms. */
import type { DefinitionRecord, DeploymentRecord, FormRecord } from '../../engine/index.js';
import { page, rowMapper, type Db } from './rows.js';

const definitions = rowMapper<DefinitionRecord>(['ir']);
const forms = rowMapper<FormRecord>(['schema']);
const deployments = rowMapper<DeploymentRecord>([]);

export async function insertDeployment(db: Db, deployment: DeploymentRecord): Promise<void> {
  await db('deployments').insert(deployments.toRow(deployment));
}

export async function insertDefinitions(db: Db, records: DefinitionRecord[]): Promise<void> {
  if (records.length) await db('process_definitions').insert(records.map((r) => definitions.toRow(r)));
}

export async function getDefinition(db: Db, id: string): Promise<DefinitionRecord | undefined> {
  const row = await db('process_definitions').where({ id }).first();
  return row ? definitions.fromRow(row) : undefined;
}

export async function latestDefinition(db: Db, key: string): Promise<DefinitionRecord | undefined> {
  const row = await db('process_definitions').where({ key }).orderBy('version', 'desc').first();
  return row ? definitions.fromRow(row) : undefined;
}

export async function listDefinitions(db: Db, filter: { key?: string; latestOnly?: boolean; limit?: number; offset?: number }) {
  let query = db('process_definitions').select('*');
  if (filter.key) query = query.where({ key: filter.key });
  if (filter.latestOnly) query = query.whereRaw('version = (select max(d2.version) from process_definitions d2 where d2.key = process_definitions.key)');
  return page(query, (row) => definitions.fromRow(row), [['key', 'asc'], ['version', 'desc']], filter.limit, filter.offset);
}

/** Serialises deployments of the same keys until the transaction ends. */
export async function lockDefinitionKeys(db: Db, keys: string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) await db.raw('select pg_advisory_xact_lock(hashtext(?))', [`lifeline:definition:${key}`]);
}

export async function countInstances(db: Db, definitionId: string): Promise<number> {
  const [{ count }] = await db('process_instances').where({ definition_id: definitionId }).count<{ count: number }[]>('* as count');
  return Number(count);
}

export async function deleteDefinition(db: Db, id: string): Promise<void> {
  await db('timers').where({ definition_id: id }).whereNull('instance_id').delete();
  await db('message_subscriptions').where({ definition_id: id }).whereNull('instance_id').delete();
  await db('process_definitions').where({ id }).delete();
}

export async function insertForms(db: Db, records: FormRecord[]): Promise<void> {
  if (records.length) await db('forms').insert(records.map((r) => forms.toRow(r)));
}

export async function latestForm(db: Db, formId: string): Promise<FormRecord | undefined> {
  const row = await db('forms').where({ form_id: formId }).orderBy('version', 'desc').first();
  return row ? forms.fromRow(row) : undefined;
}
