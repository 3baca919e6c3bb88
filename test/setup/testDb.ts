/**
 * A fresh PostgreSQL schema per test, fully migrated: tests never share
 * rows. The server is the embedded one started once per run (see
 * globalHooks.ts), or DATABASE_URL when it is set.
 */
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { createKnex } from '../../db/connection.js';
import { migrate } from '../../db/migrate.js';
import { PostgresStore } from '../../db/PostgresStore.js';
import { testDatabaseUrl } from './globalHooks.js';

export interface TestDb {
  knex: Knex;
  store: PostgresStore;
  schema: string;
  connectionString: string;
  destroy(): Promise<void>;
}

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
      await knex.raw('drop schema if exists ?? cascade', [schema]);
      await knex.destroy();
    },
  };
}
