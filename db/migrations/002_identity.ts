/** Users, groups, memberships, browser sessions and API tokens. Secrets are stored hashed. */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.text('id').primary();
    t.text('display_name').notNullable();
    t.text('email');
    t.text('password_hash').notNullable();
    t.specificType('roles', 'text[]').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('groups', (t) => {
    t.text('id').primary();
    t.text('name').notNullable();
  });
  await knex.schema.createTable('memberships', (t) => {
    t.text('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('group_id').notNullable().references('groups.id').onDelete('CASCADE');
    t.primary(['user_id', 'group_id']);
  });
  await knex.schema.createTable('sessions', (t) => {
    t.text('token_hash').primary();
    t.text('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('api_tokens', (t) => {
    t.uuid('id').primary();
    t.text('token_hash').notNullable().unique();
    t.text('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.text('name').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('revoked_at', { useTz: true });
  });
}

export async function down(): Promise<void> {
  throw new Error('Lifeline migrations are forward-only');
}
