/**
 * Fair assignment and reporting lines (issue 7): the round-robin position
 * per task element, each user's manager (SLA actions remind "the assignee's
 * manager"), and the task an incident is about (an unknown assignee).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('assignment_rotations', (t) => {
    t.text('key').primary();
    t.text('last_assignee');
  });
  await knex.schema.alterTable('users', (t) => {
    t.text('manager_id').references('users.id').onDelete('SET NULL');
  });
  await knex.schema.alterTable('incidents', (t) => {
    t.uuid('task_id');
  });
  await knex.raw("create index user_tasks_open_assignee on user_tasks (assignee) where state = 'created'");
}

export async function down(): Promise<void> {
  throw new Error('Lifeline migrations are forward-only');
}
