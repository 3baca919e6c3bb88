/**
 * Keys for sharding by process instance: rows an instance owns (tasks, jobs,
 * incidents, history) get primary keys that start with `instance_id`, as a
 * distributed PostgreSQL (Citus, distribution column `instance_id`,
 * colocated with `process_instances.id`) requires; lookups by id keep a
 * plain index. Plus indexes for the task list and instance list orders.
 *
 * Timers and subscriptions stay keyed by id: start-event triggers belong to
 * a definition (instance_id null), so those tables cannot be distributed
 * by instance.
 */
import type { Knex } from 'knex';

const OWNED = ['user_tasks', 'jobs', 'incidents'] as const;

export async function up(knex: Knex): Promise<void> {
  for (const table of OWNED) {
    await knex.raw('alter table ?? drop constraint ??', [table, `${table}_pkey`]);
    await knex.raw('alter table ?? add constraint ?? primary key (instance_id, id)', [table, `${table}_pkey`]);
    await knex.raw('create index ?? on ?? (id)', [`${table}_id`, table]);
  }
  await knex.raw('drop index if exists user_tasks_instance_id_index, jobs_instance_id_index, history_events_instance_id_seq_index');
  await knex.raw('alter table history_events drop constraint history_events_pkey');
  await knex.raw('alter table history_events add constraint history_events_pkey primary key (instance_id, seq)');
  await knex.raw("create index user_tasks_open_created on user_tasks (created_at, id) where state = 'created'");
  await knex.raw('create index process_instances_started on process_instances (started_at desc, id)');
  await knex.raw("create index incidents_timer on incidents (timer_id) where timer_id is not null and state = 'open'");
}

export async function down(): Promise<void> {
  throw new Error('Lifeline migrations are forward-only');
}
