/**
 * One statement on a connection of knex's pool without knex's query
 * builder (reads every HTTP request makes, the task change pump): a named
 * statement, parsed once per connection. Reported to knex's 'query'
 * listeners like every other statement (statement counts, logs), unless
 * it is background work of no one's request (`report: false`).
 */
import type { Knex } from 'knex';
import type pg from 'pg';
import { nameOf } from './Sql.js';

type Pool = { acquireConnection(): Promise<pg.Client>; releaseConnection(connection: pg.Client): Promise<void> };
type Emitter = { listenerCount(event: string): number; emit(event: string, data: unknown): void };

/** Runs `text` with `values` and returns its rows. */
export async function pooledQuery<R = Record<string, unknown>>(knex: Knex, text: string, values: unknown[], options: { report?: boolean } = {}): Promise<R[]> {
  const emitter = knex as unknown as Emitter;
  if (options.report !== false && emitter.listenerCount('query') > 0) emitter.emit('query', { sql: text, bindings: values, method: 'raw' });
  const pool = knex.client as Pool;
  const connection = await pool.acquireConnection();
  try {
    return (await connection.query({ name: nameOf(text), text, values })).rows as R[];
  } finally {
    await pool.releaseConnection(connection);
  }
}
