/**
 * A knex whose queries run on one connection we hold (our pipelined
 * transaction), for the repository functions that stay on knex: the cold
 * paths (deployments, jobs, messages, people, mail). `before` runs first
 * each time (it sends the transaction's waiting writes and its BEGIN), so
 * they see everything the transaction wrote.
 */
import type { Knex } from 'knex';
import type { Db } from '../repositories/rows.js';

export function boundKnex(knex: Knex, connection: unknown, before: () => void): Db {
  const bound = ((table: string) => {
    before();
    return knex(table).connection(connection);
  }) as unknown as Knex;
  bound.raw = ((sql: string, bindings?: readonly Knex.RawBinding[]) => {
    before();
    const raw = bindings === undefined ? knex.raw(sql) : knex.raw(sql, bindings);
    // knex's runner takes an explicit connection from the builder, raw or not
    (raw as unknown as { _connection: unknown })._connection = connection;
    return raw;
  }) as Knex['raw'];
  // subqueries only (never run by themselves)
  bound.select = ((...columns: unknown[]) => (knex.select as (...c: unknown[]) => Knex.QueryBuilder)(...columns)) as Knex['select'];
  bound.transaction = (() => {
    throw new Error('already in a transaction');
  }) as unknown as Knex['transaction'];
  return bound;
}
