/**
 * The workload view: per person (of a group, or everyone who works on
 * tasks) the open tasks assigned to them with their deadlines, most urgent
 * first, so a manager sees who is overloaded and picks tasks to hand on.
 * ONE statement; at most `perPerson` tasks listed per person (the counts are
 * complete).
 */
import type { Knex } from 'knex';
import { DEADLINE, OVERDUE_AT } from './taskFigures.js';
import { TASK_PEOPLE } from './peopleReport.js';

export interface WorkloadTask {
  id: string;
  instanceId: string;
  elementId: string;
  name: string | null;
  definitionKey: string;
  businessKey: string | null;
  priority: number;
  createdAt: Date;
  dueAt: Date | null;
  /** The SLA target, else the due date. */
  deadline: Date | null;
  overdue: boolean;
}

export interface WorkloadPerson {
  userId: string;
  displayName: string;
  groups: string[];
  /** A disabled account is listed only while it holds open tasks. */
  disabled: boolean;
  open: number;
  overdue: number;
  tasks: WorkloadTask[];
}

/** Everyone of `group` (or every task person), most open tasks first. */
export async function workload(db: Knex, now: Date, options: { group?: string; perPerson?: number } = {}): Promise<WorkloadPerson[]> {
  const { rows } = await db.raw(
    `with member_groups as (select user_id, array_agg(group_id order by group_id) as groups from memberships group by user_id),
     people as (
       select u.id, u.display_name, u.disabled_at is not null as disabled, coalesce(mg.groups, '{}') as groups from users u left join member_groups mg on mg.user_id = u.id
        where ${TASK_PEOPLE} and (:group::text is null or :group::text = any(mg.groups))
          and (u.disabled_at is null or exists (select 1 from user_tasks t where t.state = 'created' and t.assignee = u.id))),
     counts as (
       select t.assignee, count(*)::int as open, count(*) filter (where ${OVERDUE_AT(':now::timestamptz')})::int as overdue
         from user_tasks t join people p on p.id = t.assignee where t.state = 'created' group by 1)
     select p.id, p.display_name, p.disabled, p.groups, coalesce(c.open, 0) as open, coalesce(c.overdue, 0) as overdue,
            coalesce((select jsonb_agg(jsonb_build_object('id', x.id, 'instanceId', x.instance_id, 'elementId', x.element_id, 'name', x.name, 'definitionKey', x.definition_key,
                      'businessKey', x.business_key, 'priority', x.priority, 'createdAt', x.created_at, 'dueAt', x.due_at, 'deadline', x.deadline, 'overdue', x.overdue) order by x.n)
                        from (select t.*, ${DEADLINE} as deadline, coalesce(${OVERDUE_AT(':now::timestamptz')}, false) as overdue,
                                     row_number() over (order by ${DEADLINE} nulls last, t.priority desc, t.created_at, t.id) as n
                                from user_tasks t where t.state = 'created' and t.assignee = p.id
                               order by n limit :perPerson) x), '[]') as tasks
       from people p left join counts c on c.assignee = p.id
      order by coalesce(c.open, 0) desc, p.display_name, p.id`,
    { now, group: options.group ?? null, perPerson: options.perPerson ?? 100 },
  );
  const date = (value: unknown) => (value ? new Date(value as string) : null);
  return rows.map((row: Record<string, any>) => ({
    userId: row.id, displayName: row.display_name, groups: row.groups, disabled: row.disabled, open: row.open, overdue: row.overdue,
    tasks: row.tasks.map((t: Record<string, any>) => ({ ...t, createdAt: new Date(t.createdAt), dueAt: date(t.dueAt), deadline: date(t.deadline) })),
  }));
}
