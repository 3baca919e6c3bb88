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
  timeouts?: Partial<DatabaseTimeouts>;
}

/**
 * How long a request may wait on the database before it gives up (and the
 * API answers 503): a slow or frozen PostgreSQL must not hang every request.
 */
export interface DatabaseTimeouts {
  /** Server side: one statement (statement_timeout). */
  statementMs: number;
  /** Server side: waiting for a row or table lock (lock_timeout). */
  lockMs: number;
  /** Opening a connection, and waiting for a free one in the pool. */
  connectMs: number;
}

/** Defaults of DatabaseTimeouts (README, "Timeouts"). */
export const DEFAULT_TIMEOUTS: DatabaseTimeouts = { statementMs: 15_000, lockMs: 5_000, connectMs: 3_000 };

/**
 * A knex on PostgreSQL (pg driver). Connections that die under it (57P01
 * when the server shuts down) are dropped from the pool, not thrown.
 */
export function createKnex(connectionString: string, options: KnexOptions = {}): Knex {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  return knexFactory({
    client: 'pg',
    connection: {
      connectionString,
      statement_timeout: timeouts.statementMs,
      lock_timeout: timeouts.lockMs,
      idle_in_transaction_session_timeout: Math.max(60_000, timeouts.statementMs * 4),
      // Client side too: a frozen server answers no statement_timeout.
      query_timeout: timeouts.statementMs + 5_000,
      connectionTimeoutMillis: timeouts.connectMs,
      application_name: 'lifeline',
    } as Knex.PgConnectionConfig,
    acquireConnectionTimeout: timeouts.connectMs + 2_000,
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
