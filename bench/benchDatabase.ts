/** The benchmark's database: DATABASE_URL, or a throw-away embedded PostgreSQL, migrated into its own schema. */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { createKnex } from '../db/connection.js';
import { migrate } from '../db/migrate.js';
import { PostgresStore } from '../db/PostgresStore.js';
import { startEmbeddedPostgres } from '../db/embeddedPostgres.js';

export async function openBenchDatabase(): Promise<{ knex: Knex; store: PostgresStore; description: string; close(): Promise<void> }> {
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
  const knex = createKnex(url, { schema, pool: { min: 1, max: 10 } });
  await migrate(knex, schema);
  const version = (await knex.raw('show server_version')).rows[0].server_version as string;
  return {
    knex,
    store: new PostgresStore(knex),
    description: `${version}${process.env.DATABASE_URL ? ' (DATABASE_URL)' : ' (embedded)'}`,
    async close() {
      await knex.raw('drop schema if exists ?? cascade', [schema]);
      await knex.destroy();
      await stop();
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
  };
}
