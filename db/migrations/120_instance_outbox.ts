/**
 * Cross-instance work goes through an outbox (issue 10, scale out): a step
 * that starts a called process, completes or cancels another instance, or
 * throws a message or a signal writes one row here, keyed by the SENDER's
 * instance (a signal broadcast through the API, which has no sender: by
 * each target), so on a sharded PostgreSQL the row lives on the sender's
 * shard and the sender's transaction stays on one shard. Each row is delivered
 * later in a transaction of its own that changes the target instance only
 * (engine/service/outbox/). `hops` counts deliveries since the last outside
 * input (a message or call cycle ends in an incident past 32);
 * `attempts`, `next_attempt_at` and `last_error` drive retries with backoff;
 * the payload's `kind` says what the row asks; `incident_id` parks a row whose retries ran out behind an incident on the
 * sender's element (retrying the incident puts it back).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('instance_outbox', (t) => {
    // keyed by instance first, like every table an instance owns, so it can be sharded with them
    t.uuid('instance_id').notNullable();
    t.uuid('id').notNullable();
    t.primary(['instance_id', 'id']);
    t.bigIncrements('seq', { primaryKey: false });
    t.text('element_id').nullable();
    t.jsonb('payload').notNullable();
    t.integer('hops').notNullable().defaultTo(0);
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('next_attempt_at', { useTz: true }).notNullable();
    t.text('last_error').nullable();
    t.uuid('incident_id').nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
  });
  await knex.raw('create unique index instance_outbox_id on instance_outbox (id)');
  await knex.raw('create index instance_outbox_due on instance_outbox (next_attempt_at, seq) where incident_id is null');
  await knex.raw('create index instance_outbox_incident on instance_outbox (incident_id) where incident_id is not null');
}

export async function down(): Promise<void> {
  throw new Error('Lifeline migrations are forward-only');
}
