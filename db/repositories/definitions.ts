/** Deployments and process definitions (one row per version of a process key). */
import type { DefinitionRecord, DeploymentRecord, Page, PageRequest } from '../../engine/index.js';
import { page, rowMapper, type Db } from './rows.js';

/** Row mapping of `process_definitions` (the IR is jsonb). */
export const definitionRows = rowMapper<DefinitionRecord>(['ir']);
const deploymentRows = rowMapper<DeploymentRecord>([]);

/** Records one deployment call. */
export async function insertDeployment(db: Db, deployment: DeploymentRecord): Promise<void> {
  await db('deployments').insert(deploymentRows.toRow(deployment));
}

/** Inserts new definition versions in one statement; (key, version) is unique. */
export async function insertDefinitions(db: Db, records: DefinitionRecord[]): Promise<void> {
  if (records.length) await db('process_definitions').insert(records.map((r) => definitionRows.toRow(r)));
}

/** One definition version by id. */
export async function getDefinition(db: Db, id: string): Promise<DefinitionRecord | undefined> {
  const row = await db('process_definitions').where({ id }).first();
  return row ? definitionRows.fromRow(row) : undefined;
}

/** The newest version of a process key. */
export async function latestDefinition(db: Db, key: string): Promise<DefinitionRecord | undefined> {
  const row = await db('process_definitions').where({ key }).orderBy('version', 'desc').first();
  return row ? definitionRows.fromRow(row) : undefined;
}

/** Definitions by key, newest version first within a key; `latestOnly` keeps one per key. */
export async function listDefinitions(db: Db, filter: PageRequest & { key?: string; latestOnly?: boolean }): Promise<Page<DefinitionRecord>> {
  let query = db('process_definitions').select('*');
  if (filter.key) query = query.where({ key: filter.key });
  if (filter.latestOnly) query = query.whereRaw('version = (select max(d2.version) from process_definitions d2 where d2.key = process_definitions.key)');
  return page(query, (row) => definitionRows.fromRow(row), [['key', 'asc'], ['version', 'desc']], filter.limit, filter.offset);
}

/**
 * Serialises deployments of the same keys until the transaction ends
 * (transaction-scoped advisory locks, taken in key order so two deployments
 * of overlapping keys cannot deadlock).
 */
export async function lockDefinitionKeys(db: Db, keys: string[]): Promise<void> {
  for (const key of [...new Set(keys)].sort()) await db.raw('select pg_advisory_xact_lock(hashtext(?))', [`lifeline:definition:${key}`]);
}

/** How many instances (any state) a definition version has. */
export async function countInstances(db: Db, definitionId: string): Promise<number> {
  const [{ count }] = await db('process_instances').where({ definition_id: definitionId }).count<{ count: number }[]>('* as count');
  return Number(count);
}

/** Deletes a definition version with its start triggers; the caller checked it has no instances. */
export async function deleteDefinition(db: Db, id: string): Promise<void> {
  await db('timers').where({ definition_id: id }).whereNull('instance_id').delete();
  await db('message_subscriptions').where({ definition_id: id }).whereNull('instance_id').delete();
  await db('process_definitions').where({ id }).delete();
}
