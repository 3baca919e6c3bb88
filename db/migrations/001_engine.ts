/**
 * The engine's tables. Everything an instance owns carries `instance_id`,
 * so a distributed PostgreSQL (Citus) could shard by it; history is ordered
 * by a global sequence.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('deployments', (t) => {
    t.uuid('id').primary();
    t.text('name');
    t.timestamp('deployed_at', { useTz: true }).notNullable();
    t.text('deployed_by');
  });
  await knex.schema.createTable('process_definitions', (t) => {
    t.uuid('id').primary();
    t.text('key').notNullable();
    t.integer('version').notNullable();
    t.text('name');
    t.text('xml').notNullable();
    t.jsonb('ir').notNullable();
    t.text('checksum').notNullable();
    t.uuid('deployment_id').notNullable().references('deployments.id');
    t.timestamp('deployed_at', { useTz: true }).notNullable();
    t.text('deployed_by');
    t.unique(['key', 'version']);
  });
  await knex.schema.createTable('forms', (t) => {
    t.uuid('id').primary();
    t.text('form_id').notNullable();
    t.integer('version').notNullable();
    t.jsonb('schema').notNullable();
    t.text('checksum').notNullable();
    t.uuid('deployment_id').notNullable().references('deployments.id');
    t.timestamp('deployed_at', { useTz: true }).notNullable();
    t.unique(['form_id', 'version']);
  });
  await knex.schema.createTable('process_instances', (t) => {
    t.uuid('id').primary();
    t.uuid('definition_id').notNullable().references('process_definitions.id');
    t.text('definition_key').notNullable();
    t.integer('definition_version').notNullable();
    t.text('business_key');
    t.text('state').notNullable();
    t.jsonb('snapshot').notNullable();
    t.jsonb('variables').notNullable();
    t.specificType('active_elements', 'text[]').notNullable();
    t.integer('revision').notNullable();
    t.uuid('parent_instance_id');
    t.uuid('parent_activity_instance_id');
    t.timestamp('started_at', { useTz: true }).notNullable();
    t.timestamp('ended_at', { useTz: true });
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.text('started_by');
    t.index(['definition_key', 'state']);
    t.index(['definition_id']);
    t.index(['business_key']);
    t.index(['parent_instance_id']);
    t.index(['state', 'updated_at']);
  });
  await knex.raw('create index process_instances_active_elements on process_instances using gin (active_elements)');
  await knex.schema.createTable('user_tasks', (t) => {
    t.uuid('id').primary();
    t.uuid('instance_id').notNullable();
    t.uuid('activity_instance_id').notNullable();
    t.text('element_id').notNullable();
    t.text('name');
    t.text('definition_key').notNullable();
    t.text('business_key');
    t.text('assignee');
    t.specificType('candidate_groups', 'text[]').notNullable();
    t.specificType('candidate_users', 'text[]').notNullable();
    t.integer('priority').notNullable();
    t.timestamp('due_at', { useTz: true });
    t.timestamp('follow_up_at', { useTz: true });
    t.text('form_key');
    t.text('form_id');
    t.jsonb('form');
    t.jsonb('variables').notNullable();
    t.text('state').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('claimed_at', { useTz: true });
    t.timestamp('completed_at', { useTz: true });
    t.text('completed_by');
    t.index(['instance_id']);
    t.index(['state', 'assignee']);
    t.index(['state', 'due_at']);
  });
  await knex.raw('create index user_tasks_candidate_groups on user_tasks using gin (candidate_groups)');
  await knex.raw('create index user_tasks_candidate_users on user_tasks using gin (candidate_users)');
  await knex.schema.createTable('timers', (t) => {
    t.uuid('id').primary();
    t.uuid('instance_id');
    t.uuid('definition_id').notNullable();
    t.uuid('activity_instance_id');
    t.text('element_id').notNullable();
    t.timestamp('due_at', { useTz: true }).notNullable();
    t.jsonb('cycle');
    t.text('state').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('fired_at', { useTz: true });
    t.index(['instance_id']);
    t.index(['definition_id']);
  });
  await knex.raw("create index timers_due on timers (due_at) where state = 'scheduled'");
  await knex.schema.createTable('jobs', (t) => {
    t.uuid('id').primary();
    t.text('type').notNullable();
    t.uuid('instance_id').notNullable();
    t.uuid('activity_instance_id').notNullable();
    t.text('element_id').notNullable();
    t.text('definition_key').notNullable();
    t.integer('retries').notNullable();
    t.text('state').notNullable();
    t.jsonb('headers').notNullable();
    t.jsonb('variables').notNullable();
    t.text('worker');
    t.timestamp('lock_expires_at', { useTz: true });
    t.timestamp('next_run_at', { useTz: true }).notNullable();
    t.text('last_error');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['instance_id']);
  });
  await knex.raw("create index jobs_activatable on jobs (type, next_run_at) where state in ('activatable', 'activated')");
  await knex.schema.createTable('incidents', (t) => {
    t.uuid('id').primary();
    t.uuid('instance_id').notNullable();
    t.uuid('activity_instance_id');
    t.text('element_id');
    t.text('definition_key').notNullable();
    t.text('type').notNullable();
    t.text('message').notNullable();
    t.uuid('job_id');
    t.uuid('timer_id');
    t.text('state').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('resolved_at', { useTz: true });
    t.index(['instance_id', 'state']);
    t.index(['state', 'definition_key']);
  });
  await knex.schema.createTable('message_subscriptions', (t) => {
    t.uuid('id').primary();
    t.text('kind').notNullable();
    t.text('name').notNullable();
    t.text('correlation_key');
    t.uuid('instance_id');
    t.uuid('definition_id').notNullable();
    t.uuid('activity_instance_id');
    t.text('element_id').notNullable();
    t.text('state').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['instance_id']);
  });
  await knex.raw("create index message_subscriptions_open on message_subscriptions (kind, name, correlation_key) where state = 'open'");
  await knex.schema.createTable('history_events', (t) => {
    t.bigIncrements('seq').primary();
    t.uuid('instance_id').notNullable();
    t.text('type').notNullable();
    t.text('element_id');
    t.text('element_type');
    t.uuid('activity_instance_id');
    t.timestamp('at', { useTz: true }).notNullable();
    t.text('actor');
    t.jsonb('data');
    t.index(['instance_id', 'seq']);
  });
}

export async function down(): Promise<void> {
  throw new Error('Lifeline migrations are forward-only');
}
