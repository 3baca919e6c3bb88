/**
 * The inbox of outbox deliveries, keyed by the TARGET instance (issue 10,
 * scale out): a delivery records `(target, outbox row id)` here in the
 * transaction that changes the target, and does not touch the outbox row
 * (which lives with the sender: on a sharded PostgreSQL, on another shard).
 * The row is deleted afterwards on the sender's side; a redelivery (a crash
 * between the two, or two processes racing) meets the primary key here and
 * changes nothing. Rows older than a day are swept (engine/service/sweep.ts).
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('instance_inbox', (t) => {
    // keyed by instance first, co-located with the target instance on a sharded database
    t.uuid('instance_id').notNullable();
    t.uuid('outbox_id').notNullable();
    t.timestamp('received_at', { useTz: true }).notNullable();
    t.primary(['instance_id', 'outbox_id']);
  });
  // a message's redelivery asks whether its row reached anyone (its target is found only at delivery)
  await knex.raw('create index instance_inbox_outbox on instance_inbox (outbox_id)');
  await knex.raw('create index instance_inbox_received on instance_inbox (received_at)');
}

export async function down(): Promise<void> {
  throw new Error('Lifeline migrations are forward-only');
}
