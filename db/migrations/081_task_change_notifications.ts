/**
 * Every change of a user task (created, claimed, delegated, completed,
 * cancelled, rescheduled) is announced with NOTIFY on the channel
 * `lifeline_task_changes`, by a trigger, so every engine process sharing the
 * database hears it whichever process (or tool) made the change: the task
 * list's live updates listen there (db/notifications/taskChanges.ts). The payload carries what
 * deciding "who may see this" needs (schema, ids, state, assignee before
 * and after, candidates); above NOTIFY's 8000-byte limit it shrinks to the
 * ids and `big: true`. Notifications are sent at commit, and never for a
 * rolled-back change.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function lifeline_task_changed() returns trigger language plpgsql as $$
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
      perform pg_notify('lifeline_task_changes', payload);
      return null;
    end
    $$`);
  await knex.raw('create trigger user_tasks_created after insert on user_tasks for each row execute function lifeline_task_changed()');
  await knex.raw('create trigger user_tasks_changed after update on user_tasks for each row when (old.* is distinct from new.*) execute function lifeline_task_changed()');
}

export async function down(): Promise<void> {
  throw new Error('Lifeline migrations are forward-only');
}
