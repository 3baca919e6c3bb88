/**
 * A fresh PostgreSQL schema per test, fully migrated, so tests never share
 * rows. The server is the run's one server (testServer.ts): embedded and
 * started on first use, or DATABASE_URL.
 *
 *   import { createTestDb, type TestDb } from '../setup/testDb.js';
 *   let db: TestDb;
 *   beforeEach(async () => { db = await createTestDb(); });
 *   afterEach(() => db.destroy());
 */
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { createKnex } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { PostgresStore } from '../../db/PostgresStore.js';
import { testDatabaseUrl } from './testServer.js';

/** One test's database: a knex and a Store bound to its own schema. */
export interface TestDb {
  knex: Knex;
  store: PostgresStore;
  /** The schema's name (give it to anything else that connects, e.g. AgendaScheduler). */
  schema: string;
  connectionString: string;
  /** Drops the schema and closes the pool. */
  destroy(): Promise<void>;
}

/** Creates a randomly named schema, runs every migration in it, and returns a Store on it. */
export async function createTestDb(): Promise<TestDb> {
  const connectionString = await testDatabaseUrl();
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const knex = createKnex(connectionString, { schema, pool: { min: 0, max: 6 } });
  await migrate(knex, schema);
  return {
    knex,
    store: new PostgresStore(knex),
    schema,
    connectionString,
    async destroy() {
      try {
        await knex.raw('drop schema if exists ?? cascade', [schema]);
      } finally {
        await knex.destroy();
      }
    },
  };
}
