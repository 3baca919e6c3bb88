/**
 * API tokens get a scope: `user` acts with the owner's roles, `worker` only
 * with the worker role, so an admin can run a worker without handing it admin rights.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('api_tokens', (t) => {
    t.text('scope').notNullable().defaultTo('user');
  });
  await knex.raw("alter table api_tokens add constraint api_tokens_scope_check check (scope in ('user', 'worker'))");
}

export async function down(): Promise<void> {
  throw new Error('Lifeline migrations are forward-only');
}
