/**
 * Task changes go through an outbox instead of NOTIFY inside the writing
 * transaction. PostgreSQL serialises the commits of every transaction that
 * sent a NOTIFY (one global lock, held while the commit is flushed to
 * disk), so a trigger notifying on each task change let only one task
 * change commit per disk flush (~170 instances/s of a one-task process on
 * the development machine, whatever the number of clients). The trigger
 * now appends the same payload to `task_change_outbox` (unlogged: live
 * updates, not data); db/notifications/taskChangePump.ts turns the rows
 * into NOTIFYs on `lifeline_task_changes`, many per transaction, right
 * after the writer's commit. Listeners see the same payloads as before.
 *
 * A fresh database gets this design from migration 081 directly (it runs
 * after this one); this migration upgrades databases that ran the
 * NOTIFY-in-the-trigger version of 081 already.
 */
import type { Knex } from 'knex';

/** The table and trigger function of the outbox design (shared with migration 081). */
export async function createTaskChangeOutbox(knex: Knex): Promise<void> {
  await knex.raw('create unlogged table if not exists task_change_outbox (seq bigserial primary key, payload text not null)');
  await knex.raw(`
    create or replace function lifeline_task_changed() returns trigger language plpgsql as $$
    declare
      payload text;
    begin
      payload := json_build_object(
        's', TG_TABLE_SCHEMA, 'id', NEW.id, 'i', NEW.instance_id, 'st', NEW.state,
        'a', NEW.assignee, 'pa', case when TG_OP = 'UPDATE' then OLD.assignee end,
        'g', NEW.candidate_groups, 'u', NEW.candidate_users)::text;
      if octet_length(payload) > 7900 then
        payload := json_build_object('s', TG_TABLE_SCHEMA, 'id', NEW.id, 'i', NEW.instance_id, 'st', NEW.state, 'big', true)::text;
      end if;
      insert into task_change_outbox (payload) values (payload);
      return null;
    end
    $$`);
}

export async function up(knex: Knex): Promise<void> {
  const { rows } = await knex.raw("select to_regprocedure('lifeline_task_changed()') is not null as present");
  if (rows[0].present) await createTaskChangeOutbox(knex);
}

export async function down(): Promise<void> {
  throw new Error('Lifeline migrations are forward-only');
}
