/**
 * Per user task element of a process (or version) over a period: tasks
 * completed, waiting before claim and working time (median, p90), on-time
 * rate against the deadline, and the same figures of the period before for
 * the trend; plus the element's open and overdue tasks now. ONE statement.
 */
import type { Knex } from 'knex';
import { previousPeriod, periodBindings, type ReportPeriod } from './period.js';
import { ASSIGNMENTS, DEADLINE, ON_TIME, OVERDUE_AT, WAITING_MS, WORKING_MS, pct, percentiles, rate } from './taskFigures.js';
import type { ProcessScope } from './processReport.js';

/** Completed-task figures of one element over one period. */
export interface TaskFigures {
  completed: number;
  waitingMedianMs: number | null;
  waitingP90Ms: number | null;
  workingMedianMs: number | null;
  workingP90Ms: number | null;
  /** Completed tasks that had a deadline. */
  judged: number;
  onTime: number;
  onTimeRate: number | null;
}

export interface TaskElementRow extends TaskFigures {
  elementId: string;
  name: string | null;
  /** Open now, and of those past their deadline. */
  open: number;
  overdue: number;
  previous: TaskFigures;
}

/** Tasks of a scope (alias t), with bindings :key and :definitionId. */
export const SCOPED_TASKS = `t.definition_key = :key and (:definitionId::uuid is null or exists (select 1 from process_instances i where i.id = t.instance_id and i.definition_id = :definitionId::uuid))`;
/** Completed in [:starts, :ends). */
export const COMPLETED_BETWEEN = (starts: string, ends: string) => `t.state = 'completed' and t.completed_at >= ${starts} and t.completed_at < ${ends}`;

const FIGURES = `
  max(t.name) as name,
  count(*)::int as completed,
  ${percentiles(WAITING_MS, 'waiting')},
  ${percentiles(WORKING_MS, 'working')},
  count(*) filter (where ${DEADLINE} is not null)::int as judged,
  count(*) filter (where ${ON_TIME})::int as on_time`;

function figures(row: Record<string, unknown> | undefined): TaskFigures {
  const judged = Number(row?.judged ?? 0);
  const onTime = Number(row?.on_time ?? 0);
  const [waitingMedianMs, waitingP90Ms] = pct(row, 'waiting');
  const [workingMedianMs, workingP90Ms] = pct(row, 'working');
  return {
    completed: Number(row?.completed ?? 0), waitingMedianMs, waitingP90Ms, workingMedianMs, workingP90Ms,
    judged, onTime, onTimeRate: rate(onTime, judged),
  };
}

const bounds = (prefix: string) => `(:${prefix}from::date)::timestamp at time zone :zone as starts, (:${prefix}to::date + 1)::timestamp at time zone :zone as ends`;

/** Every user task element with tasks in the scope, by name; `now` judges what is overdue. */
export async function taskElementReport(db: Knex, scope: ProcessScope, period: ReportPeriod, now: Date): Promise<TaskElementRow[]> {
  const before = previousPeriod(period);
  const { rows } = await db.raw(
    `with cur as (select ${bounds('')}), prev as (select ${bounds('p_')}),
     now_figures as (
       select t.element_id, max(t.name) as name, count(*)::int as open, count(*) filter (where ${OVERDUE_AT(':now::timestamptz')})::int as overdue
         from user_tasks t where ${SCOPED_TASKS} and t.state = 'created' group by t.element_id),
     cur_figures as (select t.element_id, ${FIGURES} from user_tasks t ${ASSIGNMENTS} cross join cur where ${SCOPED_TASKS} and ${COMPLETED_BETWEEN('cur.starts', 'cur.ends')} group by t.element_id),
     prev_figures as (select t.element_id, ${FIGURES} from user_tasks t ${ASSIGNMENTS} cross join prev where ${SCOPED_TASKS} and ${COMPLETED_BETWEEN('prev.starts', 'prev.ends')} group by t.element_id),
     elements as (select element_id from now_figures union select element_id from cur_figures union select element_id from prev_figures)
     select e.element_id, coalesce(c.name, n.name, p.name) as name, coalesce(n.open, 0) as open, coalesce(n.overdue, 0) as overdue, to_jsonb(c) as cur, to_jsonb(p) as prev
       from elements e left join now_figures n using (element_id) left join cur_figures c using (element_id) left join prev_figures p using (element_id)
      order by coalesce(c.name, n.name, p.name, e.element_id), e.element_id`,
    { ...periodBindings(period), p_from: before.from, p_to: before.to, key: scope.definitionKey, definitionId: scope.definitionId ?? null, now },
  );
  return rows.map((row: Record<string, any>) => ({
    elementId: row.element_id, name: row.name, open: row.open, overdue: row.overdue, ...figures(row.cur ?? undefined), previous: figures(row.prev ?? undefined),
  }));
}
