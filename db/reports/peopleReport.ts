/**
 * Per employee and per group over a period: tasks completed, open now,
 * overdue now, on-time rate, median handling time (the employee's own part:
 * from getting the task to completing it). Groups count their members' work
 * and, apart, the unassigned tasks offered to the group (its queue).
 * ONE statement each, optionally for one process key.
 */
import type { Knex } from 'knex';
import { periodBindings, type ReportPeriod } from './period.js';
import { ASSIGNMENTS, DEADLINE, HANDLING_MS, ON_TIME, OVERDUE_AT, pct, percentiles, rate } from './taskFigures.js';
import { COMPLETED_BETWEEN } from './taskElementReport.js';

/** A person's or a group's figures. */
export interface WorkFigures {
  completed: number;
  /** Open now, assigned to the person (or to a member of the group). */
  open: number;
  /** Of the open (and for a group, also of the queued) tasks, those past their deadline now. */
  overdue: number;
  judged: number;
  onTime: number;
  onTimeRate: number | null;
  handlingMedianMs: number | null;
  handlingP90Ms: number | null;
}

export interface PersonRow extends WorkFigures {
  userId: string;
  displayName: string;
  groups: string[];
  /** A disabled account is listed only while it has figures (its open tasks need a new owner). */
  disabled: boolean;
}

export interface GroupRow extends WorkFigures {
  groupId: string;
  name: string;
  members: number;
  /** Open tasks offered to the group that nobody has taken. */
  queued: number;
}

/** Optional narrowing: one process key, one group. */
export interface PeopleFilter {
  definitionKey?: string;
  group?: string;
}

/** Tasks of the filter's process, if any (alias t, binding :key). */
export const KEY_FILTER = '(:key::text is null or t.definition_key = :key::text)';
/** People who work on tasks (alias u). */
export const TASK_PEOPLE = "u.roles && array['employee', 'manager', 'admin']::text[]";

const DONE = `
  count(*)::int as completed,
  count(*) filter (where ${DEADLINE} is not null)::int as judged,
  count(*) filter (where ${ON_TIME})::int as on_time,
  ${percentiles(HANDLING_MS, 'handling')}`;

function figures(row: Record<string, any>): WorkFigures {
  const judged = Number(row.judged ?? 0);
  const onTime = Number(row.on_time ?? 0);
  const [handlingMedianMs, handlingP90Ms] = pct(row, 'handling');
  return {
    completed: Number(row.completed ?? 0), open: Number(row.open ?? 0), overdue: Number(row.overdue ?? 0),
    judged, onTime, onTimeRate: rate(onTime, judged), handlingMedianMs, handlingP90Ms,
  };
}

const CUR = '(select (:from::date)::timestamp at time zone :zone as starts, (:to::date + 1)::timestamp at time zone :zone as ends) cur';

/** Everyone who works on tasks (and anyone else with figures), by name. */
export async function peopleReport(db: Knex, period: ReportPeriod, now: Date, filter: PeopleFilter = {}): Promise<PersonRow[]> {
  const { rows } = await db.raw(
    `with done as (
       select t.completed_by as user_id, ${DONE} from user_tasks t ${ASSIGNMENTS} cross join ${CUR}
        where ${COMPLETED_BETWEEN('cur.starts', 'cur.ends')} and t.completed_by is not null and ${KEY_FILTER} group by 1),
     open as (
       select t.assignee as user_id, count(*)::int as open, count(*) filter (where ${OVERDUE_AT(':now::timestamptz')})::int as overdue
         from user_tasks t where t.state = 'created' and t.assignee is not null and ${KEY_FILTER} group by 1),
     member_groups as (select user_id, array_agg(group_id order by group_id) as groups from memberships group by user_id)
     select u.id, u.display_name, u.disabled_at is not null as disabled, coalesce(mg.groups, '{}') as groups, d.*, o.open, o.overdue
       from users u left join member_groups mg on mg.user_id = u.id left join done d on d.user_id = u.id left join open o on o.user_id = u.id
      where ((${TASK_PEOPLE} and u.disabled_at is null) or d.user_id is not null or o.user_id is not null)
        and (:group::text is null or :group::text = any(mg.groups))
      order by u.display_name, u.id`,
    { ...periodBindings(period), now, key: filter.definitionKey ?? null, group: filter.group ?? null },
  );
  return rows.map((row: Record<string, any>) => ({ userId: row.id, displayName: row.display_name, groups: row.groups, disabled: row.disabled, ...figures(row) }));
}

/** Every group, by name. */
export async function groupReport(db: Knex, period: ReportPeriod, now: Date, filter: PeopleFilter = {}): Promise<GroupRow[]> {
  const { rows } = await db.raw(
    `with done as (
       select m.group_id, ${DONE} from user_tasks t ${ASSIGNMENTS} join memberships m on m.user_id = t.completed_by cross join ${CUR}
        where ${COMPLETED_BETWEEN('cur.starts', 'cur.ends')} and ${KEY_FILTER} group by 1),
     open as (
       select m.group_id, count(*)::int as open, count(*) filter (where ${OVERDUE_AT(':now::timestamptz')})::int as overdue
         from user_tasks t join memberships m on m.user_id = t.assignee where t.state = 'created' and ${KEY_FILTER} group by 1),
     queued as (
       select g.group_id, count(*)::int as queued, count(*) filter (where ${OVERDUE_AT(':now::timestamptz')})::int as overdue
         from user_tasks t cross join lateral unnest(t.candidate_groups) as g(group_id)
        where t.state = 'created' and t.assignee is null and ${KEY_FILTER} group by 1),
     members as (select group_id, count(*)::int as members from memberships group by group_id)
     select g.id, g.name, coalesce(mb.members, 0) as members, d.*, o.open, coalesce(o.overdue, 0) + coalesce(q.overdue, 0) as overdue, coalesce(q.queued, 0) as queued
       from groups g left join members mb on mb.group_id = g.id left join done d on d.group_id = g.id
       left join open o on o.group_id = g.id left join queued q on q.group_id = g.id
      where (:group::text is null or g.id = :group::text)
      order by g.name, g.id`,
    { ...periodBindings(period), now, key: filter.definitionKey ?? null, group: filter.group ?? null },
  );
  return rows.map((row: Record<string, any>) => ({ groupId: row.id, name: row.name, members: row.members, queued: row.queued, ...figures(row) }));
}
