/**
 * Counts the SQL a piece of work issues, for SQL-per-step budgets:
 *
 *   const statements = await countStatements(db.knex, () => engine.completeTask(id, {}, 'ann'));
 *   expect(statements, statements.join('\n')).to.have.length.at.most(8);
 *
 * Transaction control (BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE) is not
 * counted. Every query on that knex while `fn` runs is, so run nothing else
 * on it concurrently.
 */
import type { Knex } from 'knex';

const CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;

/** The SQL text of each statement `fn` ran on `knex`, in order. */
export async function countStatements(knex: Knex, fn: () => Promise<unknown>): Promise<string[]> {
  const statements: string[] = [];
  const listener = (query: { sql: string }) => {
    if (!CONTROL.test(query.sql)) statements.push(query.sql);
  };
  knex.on('query', listener);
  try {
    await fn();
  } finally {
    knex.removeListener('query', listener);
  }
  return statements;
}
