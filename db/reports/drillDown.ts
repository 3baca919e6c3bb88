/**
 * What is behind a figure: the instances or tasks a report counted, by the
 * same SQL predicates the report used (a figure and its list cannot
 * disagree). One page at a time, with the total.
 */
import type { Knex } from 'knex';
import { BREACHED_SLA, IN_AGE_BAND, WITHIN_SLA, ageBand } from './processReport.js';
import { ASSIGNMENTS, DEADLINE, HANDLING_MS, ON_TIME, OVERDUE_AT, WAITING_MS, WORKING_MS, num } from './taskFigures.js';

/** Instance figures of the process report. */
export type InstanceFigure = 'started' | 'completed' | 'cancelled' | 'terminated' | 'withinSla' | 'breachedSla' | 'open' | 'passedElement' | 'atElement';

export interface InstancesBehind {
  definitionKey: string;
  definitionId?: string;
  figure: InstanceFigure;
  /** The bucket or period, [from, to) (all figures but open). */
  from?: Date;
  to?: Date;
  /** For the heat map's figures: instances whose token completed the element in [from, to) (`passedElement`), or waits there now (`atElement`). */
  elementId?: string;
  /** For `open`: the age band and the moment the report aged instances at. */
  ageBand?: number;
  at?: Date;
  limit: number;
  offset: number;
}

export interface InstanceBehind {
  id: string;
  businessKey: string | null;
  definitionVersion: number;
  state: string;
  startedAt: Date;
  endedAt: Date | null;
  durationMs: number | null;
}

const page = <T>(rows: Record<string, any>[], map: (row: Record<string, any>) => T) => ({ items: rows.map(map), total: rows.length ? Number(rows[0].total) : 0 });

/** The instances behind one figure of a process report, newest first. */
export async function instancesBehind(db: Knex, q: InstancesBehind): Promise<{ items: InstanceBehind[]; total: number }> {
  const ended = (state: string) => `i.state = '${state}' and i.ended_at >= :from and i.ended_at < :to`;
  const predicate: Record<InstanceFigure, string> = {
    started: 'i.started_at >= :from and i.started_at < :to',
    completed: ended('completed'),
    cancelled: ended('cancelled'),
    terminated: ended('terminated'),
    withinSla: `${ended('completed')} and ${WITHIN_SLA}`,
    breachedSla: `${ended('completed')} and ${BREACHED_SLA}`,
    open: IN_AGE_BAND(),
    passedElement: `exists (select 1 from element_spans s where s.instance_id = i.id and s.element_id = :elementId and s.outcome = 'completed' and s.ended_at >= :from and s.ended_at < :to)`,
    atElement: `i.state = 'active' and exists (select 1 from element_spans s where s.instance_id = i.id and s.element_id = :elementId and s.ended_at is null)`,
  };
  const band = q.figure === 'open' ? ageBand(q.ageBand ?? 0, q.at ?? new Date()) : undefined;
  const { rows } = await db.raw(
    `select i.id, i.business_key, i.definition_version, i.state, i.started_at, i.ended_at,
            round(extract(epoch from (i.ended_at - i.started_at)) * 1000)::bigint as duration_ms, count(*) over () as total
       from process_instances i
      where i.definition_key = :key and (:definitionId::uuid is null or i.definition_id = :definitionId::uuid) and ${predicate[q.figure]}
      order by coalesce(i.ended_at, i.started_at) desc, i.id limit :limit offset :offset`,
    { key: q.definitionKey, definitionId: q.definitionId ?? null, elementId: q.elementId ?? null, from: q.from ?? null, to: q.to ?? null, before: band?.startedBefore ?? null, after: band?.startedAfter ?? null, limit: q.limit, offset: q.offset },
  );
  return page(rows, (row) => ({ id: row.id, businessKey: row.business_key, definitionVersion: row.definition_version, state: row.state, startedAt: row.started_at, endedAt: row.ended_at, durationMs: num(row.duration_ms) }));
}

/** Task figures of the element, people and group reports. */
export type TaskFigure = 'completed' | 'onTime' | 'late' | 'open' | 'overdue' | 'queued';

export interface TasksBehind {
  definitionKey?: string;
  definitionId?: string;
  elementId?: string;
  /** A person: completed by them (completed figures) or assigned to them (open figures). */
  userId?: string;
  /** A group: completed by or assigned to a member; `queued` and `overdue` also count the unassigned tasks offered to it. */
  group?: string;
  figure: TaskFigure;
  from?: Date;
  to?: Date;
  /** What "overdue" is judged by. */
  now: Date;
  limit: number;
  offset: number;
}

export interface TaskBehind {
  id: string;
  instanceId: string;
  elementId: string;
  name: string | null;
  definitionKey: string;
  businessKey: string | null;
  state: string;
  assignee: string | null;
  completedBy: string | null;
  createdAt: Date;
  completedAt: Date | null;
  deadline: Date | null;
  waitingMs: number | null;
  workingMs: number | null;
  handlingMs: number | null;
  onTime: boolean | null;
}

/** The tasks behind one figure, the latest completed (or the most urgent open) first. */
export async function tasksBehind(db: Knex, q: TasksBehind): Promise<{ items: TaskBehind[]; total: number }> {
  const completed = "t.state = 'completed' and t.completed_at >= :from and t.completed_at < :to";
  const member = (column: string) => `exists (select 1 from memberships m where m.group_id = :group and m.user_id = ${column})`;
  const doneBy = q.userId ? 't.completed_by = :userId' : q.group ? member('t.completed_by') : 'true';
  const heldBy = q.userId ? 't.assignee = :userId' : q.group ? member('t.assignee') : 'true';
  const queued = "t.state = 'created' and t.assignee is null and :group = any(t.candidate_groups)";
  const overdue = `coalesce(${OVERDUE_AT(':now::timestamptz')}, false)`;
  const predicate: Record<TaskFigure, string> = {
    completed: `${completed} and ${doneBy}`,
    onTime: `${completed} and ${doneBy} and ${ON_TIME}`,
    late: `${completed} and ${doneBy} and ${DEADLINE} is not null and not ${ON_TIME}`,
    open: `t.state = 'created' and ${heldBy}`,
    overdue: q.group && !q.userId
      ? `${overdue} and ((t.state = 'created' and ${heldBy}) or (${queued}))`
      : `${overdue} and t.state = 'created' and ${heldBy}`,
    queued,
  };
  const open = q.figure === 'open' || q.figure === 'overdue' || q.figure === 'queued';
  const { rows } = await db.raw(
    `select t.id, t.instance_id, t.element_id, t.name, t.definition_key, t.business_key, t.state, t.assignee, t.completed_by, t.created_at, t.completed_at,
            ${DEADLINE} as deadline,
            case when t.state = 'completed' then round(${WAITING_MS})::bigint end as waiting_ms,
            case when t.state = 'completed' then round(${WORKING_MS})::bigint end as working_ms,
            case when t.state = 'completed' then round(${HANDLING_MS})::bigint end as handling_ms,
            case when t.state = 'completed' and ${DEADLINE} is not null then ${ON_TIME} end as on_time,
            count(*) over () as total
       from user_tasks t ${ASSIGNMENTS}
      where (:key::text is null or t.definition_key = :key::text)
        and (:definitionId::uuid is null or exists (select 1 from process_instances i where i.id = t.instance_id and i.definition_id = :definitionId::uuid))
        and (:elementId::text is null or t.element_id = :elementId::text)
        and ${predicate[q.figure]}
      order by ${open ? `${DEADLINE} nulls last, t.created_at` : 't.completed_at desc'}, t.id
      limit :limit offset :offset`,
    {
      key: q.definitionKey ?? null, definitionId: q.definitionId ?? null, elementId: q.elementId ?? null, userId: q.userId ?? null, group: q.group ?? null,
      from: q.from ?? null, to: q.to ?? null, now: q.now, limit: q.limit, offset: q.offset,
    },
  );
  return page(rows, (row) => ({
    id: row.id, instanceId: row.instance_id, elementId: row.element_id, name: row.name, definitionKey: row.definition_key, businessKey: row.business_key,
    state: row.state, assignee: row.assignee, completedBy: row.completed_by, createdAt: row.created_at, completedAt: row.completed_at, deadline: row.deadline,
    waitingMs: num(row.waiting_ms), workingMs: num(row.working_ms), handlingMs: num(row.handling_ms), onTime: row.on_time,
  }));
}
