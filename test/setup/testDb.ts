/**
 * A fresh PostgreSQL schema per test, fully migrated, so tests never share
 * rows. The server is the run's one server (testServer.ts): embedded and
 * started on first use, or DATABASE_URL. The next test's schema is
 * migrated in the background while a test runs.
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
import { onTestServerStop, testDatabaseUrl } from './testServer.js';

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

/** A new randomly named schema with every migration run in it. */
async function prepare(): Promise<TestDb> {
  const connectionString = await testDatabaseUrl();
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const knex = createKnex(connectionString, { schema, pool: { min: 0, max: 6 } });
  try {
    await migrate(knex, schema);
  } catch (error) {
    await knex.destroy();
    throw error;
  }
  return {
    knex,
    store: new PostgresStore(knex),
    schema,
    connectionString,
    async destroy() {
      try {
        // rehearsals made in this schema keep their rows in schemas of their own, named after it
        const rehearsals = await knex('information_schema.schemata').where('schema_name', 'like', `${schema}\\_rh\\_%`).pluck('schema_name');
        for (const name of rehearsals) await knex.raw('drop schema if exists ?? cascade', [name]);
        await knex.raw('drop schema if exists ?? cascade', [schema]);
      } finally {
        await knex.destroy();
      }
    },
  };
}

/** The schema migrated in the background for the next test (migrating takes ~200 ms of DDL). */
let spare: Promise<TestDb> | undefined;

/**
 * A fresh, fully migrated schema and a Store on it. While the test runs,
 * the next test's schema is prepared in the background.
 */
export async function createTestDb(): Promise<TestDb> {
  const ready = spare ?? prepare();
  spare = prepare();
  spare.catch(() => {}); // a failure surfaces in the test that takes it
  return ready;
}

/** Drops the schema prepared for a test that never came (run before the server stops). */
export async function dropSpareTestDb(): Promise<void> {
  const left = spare;
  spare = undefined;
  const db = await left?.catch(() => undefined);
  await db?.destroy();
}

onTestServerStop(dropSpareTestDb);
