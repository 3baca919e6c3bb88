/** Process definitions on the hot path: which version a start by key means (the compiled model is cached by id). */
import type { DefinitionRecord } from '../../engine/index.js';
import type { Sql } from './Sql.js';

/** The id of the newest version of a process key (an index-only look-up; the IR stays in the database). */
export async function latestDefinitionId(sql: Sql, key: string): Promise<string | undefined> {
  const [row] = await sql.query<{ id: string }>('select id from process_definitions where key = $1 order by version desc limit 1', [key]);
  return row?.id;
}

/** One definition version by id. */
export async function getDefinition(sql: Sql, id: string): Promise<DefinitionRecord | undefined> {
  const [row] = await sql.query<Record<string, unknown>>('select * from process_definitions where id = $1', [id]);
  if (!row) return undefined;
  return {
    id: row.id, key: row.key, version: row.version, name: row.name, xml: row.xml, ir: row.ir, checksum: row.checksum,
    deploymentId: row.deployment_id, deployedAt: row.deployed_at, deployedBy: row.deployed_by,
  } as DefinitionRecord;
}
