/**
 * knex connections. With a schema, every query (and migration) of that knex
 * runs in it through the search path: tests use one schema per test.
 */
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';

// int8 (counts, bigserial) as numbers: our counts and sequence numbers stay far below 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value));

export function createKnex(connectionString: string, options: { schema?: string; pool?: { min?: number; max?: number } } = {}): Knex {
  return knexFactory({
    client: 'pg',
    connection: connectionString,
    searchPath: options.schema ? [options.schema] : undefined,
    pool: { min: options.pool?.min ?? 0, max: options.pool?.max ?? 10 },
  });
}
