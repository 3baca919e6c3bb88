/**
 * Forward-only migrations: every file in db/migrations (TypeScript, loaded
 * through tsx), in file-name order. Pending migrations run in one
 * transaction under knex's migration lock; running again is harmless
 * because knex records what ran.
 */
import type { Knex } from 'knex';
import { fileURLToPath } from 'node:url';

/** The folder holding `001_engine.ts`, `002_identity.ts`, ... */
export const MIGRATIONS_DIRECTORY = fileURLToPath(new URL('./migrations/', import.meta.url));

/** What a process meets when another one migrates the same database at the same moment: knex's lock, and duplicate key / table / type while both create knex's own tables. */
const RACES = new Set(['MigrationLocked', '23505', '42P07', '42710']);

/**
 * Brings the database (or `schema`, created if missing) up to date and
 * returns the names of the migrations that ran now. When several engine
 * processes start together, the losers of a race retry and find nothing to do.
 */
export async function migrate(knex: Knex, schema?: string): Promise<string[]> {
  // The winner may hold knex's lock for as long as every migration takes (seconds on a busy machine): wait for it up to a minute.
  const giveUpAt = Date.now() + 60_000;
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (schema) await knex.raw('create schema if not exists ??', [schema]);
      const [, applied] = await knex.migrate.latest({ directory: MIGRATIONS_DIRECTORY, loadExtensions: ['.ts'], schemaName: schema, tableName: 'knex_migrations' });
      return applied as string[];
    } catch (error) {
      const { name, code } = error as { name?: string; code?: string };
      if (!(RACES.has(name ?? '') || RACES.has(code ?? '')) || Date.now() > giveUpAt) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.min(200 * attempt, 1_000)));
    }
  }
}
