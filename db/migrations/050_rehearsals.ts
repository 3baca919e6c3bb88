/**
 * Rehearsals (issue 11). The rows of a rehearsal's own instances, tasks,
 * timers, jobs and mails live in a schema of their own (see
 * db/rehearsal/sandboxSchema.ts); these tables, in the live schema, only
 * keep the register: which rehearsals exist and in which schema, where
 * their virtual clock stands, the steps a designer took (the makings of a
 * scenario), and the scenarios saved with each process key.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('rehearsals', (t) => {
    t.uuid('id').primary();
    t.text('name').notNullable();
    /** `rehearsal` (a designer's), or `replay` (of a scenario, kept for a look). */
    t.text('purpose').notNullable().defaultTo('rehearsal');
    t.text('process_key').notNullable();
    t.text('schema_name').notNullable().unique();
    /** Where the model came from (a deployed version or a drawing) and the processes and forms deployed in it. */
    t.jsonb('model').notNullable();
    /** Built-in workers (email) run after every step (`auto`), or only when asked (`manual`). */
    t.text('workers').notNullable().defaultTo('auto');
    t.timestamp('start_at', { useTz: true }).notNullable();
    t.timestamp('clock_at', { useTz: true }).notNullable();
    /** Instance id → its number in this rehearsal (#1, #2, ...), the handle scenarios use. */
    t.jsonb('aliases').notNullable().defaultTo('{}');
    t.integer('step_count').notNullable().defaultTo(0);
    t.text('created_by');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.index(['process_key']);
  });
  await knex.schema.createTable('rehearsal_steps', (t) => {
    t.uuid('rehearsal_id').notNullable().references('rehearsals.id').onDelete('CASCADE');
    t.integer('seq').notNullable();
    t.jsonb('input').notNullable();
    t.jsonb('outcome').notNullable();
    t.text('actor');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.primary(['rehearsal_id', 'seq']);
  });
  await knex.schema.createTable('rehearsal_scenarios', (t) => {
    t.uuid('id').primary();
    t.text('process_key').notNullable();
    t.text('name').notNullable();
    t.timestamp('start_at', { useTz: true }).notNullable();
    t.text('workers').notNullable();
    /** The model it was recorded on (deployed version or drawing), for the record. */
    t.jsonb('recorded_on').notNullable();
    t.jsonb('steps').notNullable();
    /** The last replay: pass, or the first differing step. */
    t.jsonb('last_replay');
    t.text('created_by');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.unique(['process_key', 'name']);
  });
}

export async function down(): Promise<void> {
  throw new Error('Lifeline migrations are forward-only');
}
