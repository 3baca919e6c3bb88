/**
 * Forward-only migrations (db/migrations, in file-name order), each in its
 * own transaction. Running them again is harmless: knex records what ran.
 */
import type { Knex } from 'knex';
import { fileURLToPath } from 'node:url';

const directory = fileURLToPath(new URL('./migrations/', import.meta.url));

export async function migrate(knex: Knex, schema?: string): Promise<string[]> {
  if (schema) await knex.raw('create schema if not exists ??', [schema]);
  const [, applied] = await knex.migrate.latest({ directory, loadExtensions: ['.ts'], schemaName: schema, tableName: 'knex_migrations' });
  return applied as string[];
}
