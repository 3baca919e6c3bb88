/**
 * Waiting on a condition instead of the wall clock: polls `check` until it
 * holds (bounded), for tests whose subject runs on its own (another
 * transaction blocked on a lock, a background sweep).
 *
 *   await waitFor(() => lockWaiters(db.knex) > 0, 'the second transaction to wait');
 */
import type { Knex } from 'knex';

export async function waitFor(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** How many backends wait for a lock right now (pg_locks), e.g. a transaction blocked behind a row lock. */
export async function lockWaiters(knex: Knex): Promise<number> {
  const { rows } = await knex.raw('select count(*)::int as n from pg_locks where not granted');
  return rows[0].n;
}
