/**
 * Every change of a user task (created, claimed, delegated, completed,
 * cancelled, rescheduled) is announced with NOTIFY on the channel
 * `lifeline_task_changes`, by a trigger, so every engine process sharing the
 * database hears it whichever process (or tool) made the change: the task
 * list's live updates listen there (db/notifications/taskChanges.ts). The payload carries what
 * deciding "who may see this" needs (schema, ids, state, assignee before
 * and after, candidates); above NOTIFY's 8000-byte limit it shrinks to the
 * ids and `big: true`. Notifications are sent after commit, and never for a
 * rolled-back change.
 *
 * Since migration 031 (issue 10) the trigger appends each payload to an
 * outbox that db/notifications/taskChangePump.ts turns into NOTIFYs after
 * commit: NOTIFY inside the writing transaction serialised every task
 * change's commit. A fresh database gets that design here already.
 */
import type { Knex } from 'knex';
import { createTaskChangeOutbox } from './031_task_change_outbox.js';

export async function up(knex: Knex): Promise<void> {
  await createTaskChangeOutbox(knex);
  await knex.raw('create trigger user_tasks_created after insert on user_tasks for each row execute function lifeline_task_changed()');
  await knex.raw('create trigger user_tasks_changed after update on user_tasks for each row when (old.* is distinct from new.*) execute function lifeline_task_changed()');
}

export async function down(): Promise<void> {
  throw new Error('Lifeline migrations are forward-only');
}
