/**
 * Business calendars (issue 7): working days and hours, holidays and time
 * zone as one JSON definition per named calendar; at most one is the
 * default, which `lifeline:calendar` without a name means.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('business_calendars', (t) => {
    t.text('name').primary();
    t.jsonb('definition').notNullable();
    t.boolean('is_default').notNullable().defaultTo(false);
    t.timestamp('updated_at', { useTz: true }).notNullable();
    t.text('updated_by');
  });
  await knex.raw('create unique index business_calendars_one_default on business_calendars (is_default) where is_default');
}

export async function down(): Promise<void> {
  throw new Error('Lifeline migrations are forward-only');
}
