/**
 * Access defences (issue 9): failed-login counters shared by every engine
 * process (rate-limiter-flexible's PostgreSQL table layout), API tokens that
 * expire (existing tokens get 90 days from now), and settings shared by the
 * processes on one database (the session-signing secret).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('login_attempts', (t) => {
    t.string('key', 255).primary();
    t.integer('points').notNullable().defaultTo(0);
    t.bigInteger('expire');
  });
  await knex.schema.alterTable('api_tokens', (t) => {
    t.timestamp('expires_at', { useTz: true });
  });
  await knex.raw("update api_tokens set expires_at = now() + interval '90 days' where expires_at is null");
  await knex.raw('alter table api_tokens alter column expires_at set not null');
  await knex.schema.createTable('settings', (t) => {
    t.text('key').primary();
    t.text('value').notNullable();
  });
}

export async function down(): Promise<void> {
  throw new Error('Lifeline migrations are forward-only');
}
