/**
 * Reports for managers (issue 13): what the reports aggregate in SQL,
 * maintained in the step's own transaction by triggers, so the engine's
 * code and statement budget stay as they are.
 *
 * - `element_spans`: one row per activity instance (entered, left, how),
 *   kept from the history lines the engine writes (`element.activated`,
 *   `element.completed|terminated|failed`) by a statement-level trigger on
 *   `history_events`. Medians per element over a period read an index of
 *   this table instead of pairing history lines: with a million history
 *   rows, pairing took seconds, the spans answer in tens of milliseconds
 *   (README, Reports; `npm run bench`).
 * - `task_assignments`: per task, when it first had someone (at creation
 *   for an assignee or an assignment strategy, else the first claim or
 *   assignment) and when its current assignee got it: waiting before claim
 *   and the employee's own handling time. `claimed_at` alone cannot tell
 *   them: an explicit assignee leaves it empty, and every reassignment
 *   overwrites it. A table of its own, kept by a trigger on user_tasks, so
 *   task records and the task API stay as they are.
 * - `instance_sla`: per instance with a task that had a deadline, whether
 *   one of them was still open at it, judged when the task left its element
 *   (the same trigger): the share of instances within SLA without visiting
 *   every task of every instance of the period.
 * - Indexes for the periods the reports filter by.
 *
 * Existing rows are filled from the history already written.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('element_spans', (t) => {
    t.uuid('instance_id').notNullable();
    t.uuid('activity_instance_id').notNullable();
    t.uuid('definition_id');
    t.text('element_id').notNullable();
    t.text('element_type');
    t.timestamp('started_at', { useTz: true }).notNullable();
    t.timestamp('ended_at', { useTz: true });
    /** completed, terminated or failed; null while the element holds the token. */
    t.text('outcome');
    t.primary(['instance_id', 'activity_instance_id']);
  });
  await knex.raw("create index element_spans_completed on element_spans (definition_id, ended_at) where outcome = 'completed'");
  await knex.raw('create index element_spans_open on element_spans (definition_id, element_id) where ended_at is null');

  await knex.schema.createTable('instance_sla', (t) => {
    t.uuid('instance_id').primary();
    /** A task of the instance was still open at its deadline (SLA target, else due date). */
    t.boolean('late').notNullable();
  });

  // One upsert per statement: each activity instance's lines of this statement folded into one row (entered, and its last way out),
  // so every row costs one probe of the primary key whatever the size of the table; a failed element may still complete later.
  // A user task leaving its element (completed, or cancelled by a boundary event or the end of its scope) is judged against
  // the deadline its task had then: instance_sla has a row for every instance with a judged task.
  await knex.raw(`
    create function reports_element_spans() returns trigger language plpgsql set search_path from current as $$
    begin
      with folded as (
        select n.instance_id, n.activity_instance_id,
               (array_agg(n.element_id order by n.seq))[1] as element_id,
               (array_agg(n.element_type order by n.seq))[1] as element_type,
               min(n.at) filter (where n.type = 'element.activated') as entered,
               (array_agg(n.at order by n.seq desc) filter (where n.type <> 'element.activated'))[1] as left_at,
               (array_agg(n.type order by n.seq desc) filter (where n.type <> 'element.activated'))[1] as way_out
          from new_rows n
         where n.type in ('element.activated', 'element.completed', 'element.terminated', 'element.failed')
           and n.activity_instance_id is not null and n.element_id is not null
         group by n.instance_id, n.activity_instance_id),
      spans as (
        insert into element_spans as s (instance_id, activity_instance_id, definition_id, element_id, element_type, started_at, ended_at, outcome)
        select f.instance_id, f.activity_instance_id, (select i.definition_id from process_instances i where i.id = f.instance_id),
               f.element_id, f.element_type, coalesce(f.entered, f.left_at), f.left_at, substr(f.way_out, 9)
          from folded f
        on conflict (instance_id, activity_instance_id) do update
          set ended_at = excluded.ended_at, outcome = excluded.outcome
          where excluded.ended_at is not null and (s.ended_at is null or s.outcome = 'failed')
        returning 1)
      insert into instance_sla as x (instance_id, late)
      select t.instance_id, bool_or(coalesce(t.sla_breach_at, t.due_at) <= f.left_at)
        from folded f join user_tasks t on t.instance_id = f.instance_id and t.activity_instance_id = f.activity_instance_id
       where f.left_at is not null and f.element_type = 'userTask' and f.way_out <> 'element.failed' and coalesce(t.sla_breach_at, t.due_at) is not null
       group by t.instance_id
      on conflict (instance_id) do update set late = x.late or excluded.late;
      return null;
    end $$`);
  await knex.raw('create trigger history_element_spans after insert on history_events referencing new table as new_rows for each statement execute function reports_element_spans()');

  await knex.schema.createTable('task_assignments', (t) => {
    t.uuid('instance_id').notNullable();
    t.uuid('task_id').notNullable();
    /** When the task first had someone. */
    t.timestamp('first_assigned_at', { useTz: true });
    /** When its current assignee got it (null while unassigned). */
    t.timestamp('assigned_at', { useTz: true });
    t.primary(['instance_id', 'task_id']);
  });
  // An assignment sets claimed_at to the engine's clock in the same update; a path that would not falls back to the statement's time.
  await knex.raw(`
    create function reports_task_assignment() returns trigger language plpgsql set search_path from current as $$
    declare
      moment timestamptz;
    begin
      if new.assignee is not null then
        moment := case when tg_op = 'INSERT' then coalesce(new.claimed_at, new.created_at) else coalesce(new.claimed_at, statement_timestamp()) end;
      end if;
      insert into task_assignments as a (instance_id, task_id, first_assigned_at, assigned_at) values (new.instance_id, new.id, moment, moment)
      on conflict (instance_id, task_id) do update set assigned_at = excluded.assigned_at, first_assigned_at = coalesce(a.first_assigned_at, excluded.first_assigned_at);
      return null;
    end $$`);
  await knex.raw('create trigger user_tasks_assigned_insert after insert on user_tasks for each row when (new.assignee is not null) execute function reports_task_assignment()');
  await knex.raw('create trigger user_tasks_assigned_update after update of assignee on user_tasks for each row when (new.assignee is distinct from old.assignee) execute function reports_task_assignment()');

  await knex.raw("create index user_tasks_completed_by_key on user_tasks (definition_key, completed_at) where state = 'completed'");
  await knex.raw("create index user_tasks_completed_by_user on user_tasks (completed_by, completed_at) where state = 'completed'");
  await knex.raw('create index process_instances_key_started on process_instances (definition_key, started_at)');
  await knex.raw('create index process_instances_key_ended on process_instances (definition_key, ended_at) where ended_at is not null');

  await backfillReports(knex);
}

/**
 * Fills element_spans, instance_sla and the assignment moments from what
 * was written before this migration (exported for its test). One thing the
 * history cannot tell: a task created with an explicit assignee and later
 * reassigned counts as first taken at its first reassignment.
 */
export async function backfillReports(knex: Knex): Promise<void> {
  await knex.raw(`
    insert into element_spans (instance_id, activity_instance_id, definition_id, element_id, element_type, started_at, ended_at, outcome)
    select a.instance_id, a.activity_instance_id, i.definition_id, a.element_id, a.element_type, a.at, e.at, substr(e.type, 9)
      from (select distinct on (instance_id, activity_instance_id) * from history_events
             where type = 'element.activated' and activity_instance_id is not null and element_id is not null
             order by instance_id, activity_instance_id, seq) a
      left join process_instances i on i.id = a.instance_id
      left join lateral (select type, at from history_events h
                          where h.instance_id = a.instance_id and h.activity_instance_id = a.activity_instance_id
                            and h.type in ('element.completed', 'element.terminated', 'element.failed')
                          order by h.seq desc limit 1) e on true`);
  await knex.raw(`
    insert into instance_sla (instance_id, late)
    select t.instance_id, bool_or(coalesce(t.sla_breach_at, t.due_at) <= coalesce(t.completed_at, s.ended_at))
      from user_tasks t join element_spans s on s.instance_id = t.instance_id and s.activity_instance_id = t.activity_instance_id
     where t.state <> 'created' and s.ended_at is not null and s.outcome <> 'failed' and coalesce(t.sla_breach_at, t.due_at) is not null
     group by t.instance_id`);
  await knex.raw(`
    insert into task_assignments (instance_id, task_id, first_assigned_at, assigned_at)
    select t.instance_id, t.id,
           coalesce(h.first_at, case when t.assignee is not null then t.created_at end),
           case when t.assignee is not null then coalesce(t.claimed_at, h.last_at, t.created_at) end
      from user_tasks t
      left join lateral (select min(x.at) as first_at, max(x.at) as last_at from history_events x
                          where x.instance_id = t.instance_id and x.type in ('task.claimed', 'task.assigned')
                            and x.data->>'taskId' = t.id::text and x.data->>'assignee' is not null) h on true
     where t.assignee is not null or h.first_at is not null
    on conflict do nothing`);
}

export async function down(): Promise<void> {
  throw new Error('Lifeline migrations are forward-only');
}
