/**
 * knex connections, and where the database comes from. With a schema, every
 * query (and migration) of that knex runs in it through the search path:
 * tests use one schema per test.
 */
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { startEmbeddedPostgres } from './embeddedPostgres.js';

// int8 (counts, bigserial) as numbers: our counts and sequence numbers stay far below 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value));

/** Options of `createKnex`. */
export interface KnexOptions {
  /** Run every query in this schema (search_path); it must exist before the first query (see `migrate`). */
  schema?: string;
  pool?: { min?: number; max?: number };
}

/**
 * A knex on PostgreSQL (pg driver). Connections that die under it (57P01
 * when the server shuts down) are dropped from the pool, not thrown.
 */
export function createKnex(connectionString: string, options: KnexOptions = {}): Knex {
  return knexFactory({
    client: 'pg',
    connection: connectionString,
    searchPath: options.schema ? [options.schema] : undefined,
    pool: { min: options.pool?.min ?? 0, max: options.pool?.max ?? 10 },
  });
}

/** A database to connect to, and how to let go of it. */
export interface ResolvedDatabase {
  connectionString: string;
  /** True when this process started an embedded server (which `stop` shuts down). */
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * `DATABASE_URL` when set (stop does nothing), else an embedded PostgreSQL
 * in `dataDir` (default `.data/pg` of the repository).
 */
export async function resolveDatabase(options: { env?: Record<string, string | undefined>; dataDir?: string; log?: (line: string) => void } = {}): Promise<ResolvedDatabase> {
  const url = (options.env ?? process.env).DATABASE_URL;
  if (url) return { connectionString: url, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres({ dataDir: options.dataDir, log: options.log });
  return { connectionString: server.connectionString, embedded: true, stop: () => server.stop() };
}
