/**
 * Subscriptions get a sequence number in the order they were written
 * (engine follow-ups, point 4): a message goes to the subscription that
 * opened first, and several opened at the same moment (one step, or
 * instances started within one tick of the clock) used to be ordered by
 * their random ids. `created_at, seq` is first come, first served.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('message_subscriptions', (t) => {
    t.bigIncrements('seq', { primaryKey: false });
  });
}

export async function down(): Promise<void> {
  throw new Error('Lifeline migrations are forward-only');
}
