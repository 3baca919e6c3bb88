/**
 * Users can be disabled (issue 8, Admin): a disabled user cannot log in,
 * their sessions and API tokens stop working, and assignment strategies
 * no longer pick them; their history and tasks stay as they were, and
 * enabling them again restores access.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.timestamp('disabled_at', { useTz: true });
  });
}

export async function down(): Promise<void> {
  throw new Error('Lifeline migrations are forward-only');
}
