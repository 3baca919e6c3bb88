/**
 * What a task's figures mean, once, as SQL expressions over `user_tasks`
 * (alias `t`), so every report and every drill-down judges alike:
 * - deadline: the SLA target, else the due date (as the task list's SLA state);
 * - on time: completed before its deadline (completing at the deadline is late,
 *   as a task is breached at that moment);
 * - waiting: from creation until someone first had it (completing it
 *   unclaimed counts as taking it then);
 * - working: from then until completion;
 * - handling: the completing employee's own part, from when they got it.
 * Durations are milliseconds. The assignment moments come from
 * `task_assignments` (alias a): join it with ASSIGNMENTS.
 */

/** The task's assignment moments (alias a), for WAITING_MS, WORKING_MS and HANDLING_MS. */
export const ASSIGNMENTS = 'left join task_assignments a on a.instance_id = t.instance_id and a.task_id = t.id';

export const DEADLINE = 'coalesce(t.sla_breach_at, t.due_at)';
export const ON_TIME = `(t.completed_at < ${DEADLINE})`;
export const OVERDUE_AT = (now: string) => `(${DEADLINE} <= ${now})`;

const ms = (interval: string) => `(extract(epoch from (${interval})) * 1000)`;
const TAKEN = 'coalesce(a.first_assigned_at, t.completed_at)';
export const WAITING_MS = ms(`${TAKEN} - t.created_at`);
export const WORKING_MS = ms(`t.completed_at - ${TAKEN}`);
export const HANDLING_MS = ms('t.completed_at - coalesce(a.assigned_at, a.first_assigned_at, t.completed_at)');

/** Median and 90th percentile of an expression in one sort (interpolated, PostgreSQL's percentile_cont), as the array column `<name>_pct`; read it with `pct`. */
export const percentiles = (expression: string, name: string, filter = '') =>
  `percentile_cont(array[0.5, 0.9]) within group (order by ${expression})${filter ? ` filter (where ${filter})` : ''} as ${name}_pct`;

/** The median and p90 of a `percentiles` column, in whole milliseconds (nulls when there was nothing to measure). */
export function pct(row: Record<string, unknown> | undefined, name: string): [number | null, number | null] {
  const values = row?.[`${name}_pct`] as (number | string | null)[] | null | undefined;
  const at = (n: number) => (values && values[n] !== null && values[n] !== undefined ? Math.round(Number(values[n])) : null);
  return [at(0), at(1)];
}

/** A bigint/numeric column as a number, null kept. */
export const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** A share, or null when nothing was judged. */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
