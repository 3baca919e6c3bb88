/** The benchmark's database: DATABASE_URL, or a throw-away embedded PostgreSQL, migrated into its own schema. */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { createKnex } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { PostgresStore } from '../db/PostgresStore.js';
import { startEmbeddedPostgres } from '../db/embeddedPostgres.js';
import { postmasterOf } from './measure/cpu.js';

/** An open bench database. */
export interface BenchDatabase {
  knex: Knex;
  store: PostgresStore;
  /** Where to connect (other processes of the bench use it with `schema`). */
  connectionString: string;
  schema: string;
  /** The server's postmaster pid when it runs on this machine (for its CPU time). */
  postmaster: number | undefined;
  description: string;
  close(): Promise<void>;
}

/** Opens the database (embedded unless DATABASE_URL) with a fresh migrated schema; `pool` sizes the Store's pool. */
export async function openBenchDatabase(options: { pool?: number } = {}): Promise<BenchDatabase> {
  let stop = async () => {};
  let url = process.env.DATABASE_URL;
  let folder: string | undefined;
  if (!url) {
    folder = mkdtempSync(join(tmpdir(), 'lifeline-bench-'));
    chmodSync(folder, 0o755);
    const embedded = await startEmbeddedPostgres({ dataDir: join(folder, 'pg') });
    url = embedded.connectionString;
    stop = () => embedded.stop();
  }
  const schema = `bench_${Date.now()}`;
  const knex = createKnex(url, { schema, pool: { min: 1, max: options.pool ?? 10 } });
  await migrate(knex, schema);
  const version = (await knex.raw('show server_version')).rows[0].server_version as string;
  const backend = (await knex.raw('select pg_backend_pid() as pid')).rows[0].pid as number;
  return {
    knex,
    store: new PostgresStore(knex),
    connectionString: url,
    schema,
    postmaster: postmasterOf(backend),
    description: `PostgreSQL ${version}${process.env.DATABASE_URL ? ' (DATABASE_URL)' : ' (embedded)'}`,
    async close() {
      await knex.raw('drop schema if exists ?? cascade', [schema]);
      await knex.destroy();
      await stop();
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
  };
}
