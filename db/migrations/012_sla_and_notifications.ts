/**
 * SLAs, notifications and mail (issue 7):
 * - user tasks carry the moments their SLA turns at risk and breaches;
 * - a timer may be an SLA check of a task instead of a BPMN timer event;
 * - every user has an inbox of notifications, each with the state of its
 *   email copy (the email worker sends pending ones);
 * - every mail the server sends or holds is a row: without SMTP they wait
 *   in this outbox, nothing is dropped;
 * - jobs carry their instance's business key (a mail is filed under its customer).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('user_tasks', (t) => {
    t.timestamp('sla_at_risk_at', { useTz: true });
    t.timestamp('sla_breach_at', { useTz: true });
  });
  await knex.raw("create index user_tasks_open_sla on user_tasks ((coalesce(sla_breach_at, due_at))) where state = 'created'");
  await knex.schema.alterTable('timers', (t) => {
    t.text('purpose');
    t.uuid('task_id');
  });
  await knex.schema.alterTable('jobs', (t) => {
    t.text('business_key');
  });
  await knex.schema.createTable('notifications', (t) => {
    t.uuid('id').primary();
    t.text('user_id').notNullable();
    t.text('type').notNullable();
    t.text('title').notNullable();
    t.text('body').notNullable();
    t.uuid('instance_id');
    t.uuid('task_id');
    t.text('element_id');
    t.text('business_key');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('read_at', { useTz: true });
    t.text('email_state').notNullable();
    t.integer('email_attempts').notNullable().defaultTo(0);
    t.timestamp('email_next_at', { useTz: true });
    t.text('email_error');
    t.index(['user_id', 'created_at']);
    t.index(['business_key']);
  });
  await knex.raw("create index notifications_unread on notifications (user_id) where read_at is null");
  await knex.raw("create index notifications_email_pending on notifications (email_next_at) where email_state = 'pending'");
  await knex.schema.createTable('emails', (t) => {
    t.uuid('id').primary();
    t.specificType('recipients', 'text[]').notNullable();
    t.text('subject').notNullable();
    t.text('text').notNullable();
    t.text('html');
    t.text('template');
    t.text('state').notNullable();
    t.uuid('instance_id');
    t.text('business_key');
    t.uuid('job_id');
    t.uuid('notification_id');
    t.text('message_id');
    t.text('error');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('sent_at', { useTz: true });
    t.index(['state', 'created_at']);
    t.index(['business_key']);
  });
  await knex.raw('create unique index emails_job on emails (job_id) where job_id is not null');
}

export async function down(): Promise<void> {
  throw new Error('Lifeline migrations are forward-only');
}
