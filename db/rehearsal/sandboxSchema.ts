/**
 * A rehearsal's own schema: the same migrations as live work, so the real
 * engine runs on it unchanged, with the people (users, groups, managers;
 * no passwords, sessions or tokens) and business calendars copied from the
 * live schema when it is made. Nothing live can see into it: every live
 * query runs in the live schema's search path, so task lists, counts,
 * incidents, /metrics and the live workers never meet a rehearsal's rows;
 * deleting a rehearsal is dropping its schema.
 */
import knexFactory, { type Knex } from 'knex';
import { migrate } from '../migrate.js';

/** The schema a knex runs in (its first search-path entry; `public` when it sets none). */
export function schemaOf(knex: Knex): string {
  const path = (knex.client.config as { searchPath?: string | string[] }).searchPath;
  return (Array.isArray(path) ? path[0] : path) ?? 'public';
}

/**
 * A knex on the same server and credentials as `base`, bound to `schema`.
 * Its pool is small and lets idle connections go within seconds, so many
 * open rehearsals hold few connections.
 */
export function knexForSchema(base: Knex, schema: string, pool: { max?: number; idleTimeoutMillis?: number } = {}): Knex {
  return knexFactory({
    client: 'pg',
    connection: (base.client.config as Knex.Config).connection,
    searchPath: [schema],
    pool: { min: 0, max: pool.max ?? 3, idleTimeoutMillis: pool.idleTimeoutMillis ?? 10_000 },
  });
}

/** Creates and migrates `schema` (through `sandbox`, a knex bound to it), then copies people and calendars from `live`. */
export async function createSandboxSchema(live: Knex, sandbox: Knex, schema: string): Promise<void> {
  await migrate(sandbox, schema);
  const from = schemaOf(live);
  await sandbox.transaction(async (trx) => {
    await trx.raw('insert into ??.groups (id, name) select id, name from ??.groups', [schema, from]);
    // one statement: the manager references are checked at its end, whatever the order of rows
    await trx.raw("insert into ??.users (id, display_name, email, password_hash, roles, created_at, manager_id) select id, display_name, email, '!rehearsal: no login', roles, created_at, manager_id from ??.users", [schema, from]);
    await trx.raw('insert into ??.memberships (user_id, group_id) select user_id, group_id from ??.memberships', [schema, from]);
    await trx.raw('insert into ??.business_calendars (name, definition, is_default, updated_at, updated_by) select name, definition, is_default, updated_at, updated_by from ??.business_calendars', [schema, from]);
  });
}

/** Drops a rehearsal's schema with every row in it. */
export async function dropSandboxSchema(live: Knex, schema: string): Promise<void> {
  await live.raw('drop schema if exists ?? cascade', [schema]);
}
