/**
 * The monitor's instance list: the overview's filters (state, open
 * incidents, stuck, overdue tasks, SLA at risk or breached), a business-key search, started between,
 * one page at a time. ONE statement: the page, its total, and per row the
 * open incidents and overdue tasks.
 */
import type { Knex } from 'knex';
import type { InstanceState, SlaState } from '../../engine/index.js';
import { slaCondition } from '../repositories/taskSla.js';

/** The list's filters; each is optional and they combine with AND. */
export interface InstanceListFilter {
  definitionKey?: string;
  definitionId?: string;
  state?: InstanceState;
  /** Only instances with (true) or without (false) an open incident. */
  withIncidents?: boolean;
  /** Only running instances with no step since this moment. */
  stuckBefore?: Date;
  /** Only instances with an open task due before `now`. */
  withOverdueTasks?: boolean;
  /** Only instances holding an open task whose SLA is in this state at `now` (as the overview counts them). */
  sla?: Exclude<SlaState, 'on_time'>;
  /** Part of the business key, any case. */
  businessKey?: string;
  startedAfter?: Date;
  startedBefore?: Date;
  limit: number;
  offset: number;
}

/** One row of the list: what a manager scans for, without the snapshot. */
export interface InstanceListItem {
  id: string;
  definitionId: string;
  definitionKey: string;
  definitionVersion: number;
  definitionName: string | null;
  businessKey: string | null;
  state: InstanceState;
  activeElements: string[];
  startedAt: Date;
  endedAt: Date | null;
  updatedAt: Date;
  startedBy: string | null;
  openIncidents: number;
  overdueTasks: number;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Newest start first; `total` counts every instance the filter matches. */
export async function listInstanceRows(db: Knex, filter: InstanceListFilter, now: Date): Promise<{ items: InstanceListItem[]; total: number }> {
  const matching = db('process_instances as i').select('i.id', 'i.definition_id', 'i.definition_key', 'i.definition_version', 'i.business_key', 'i.state', 'i.active_elements', 'i.started_at', 'i.ended_at', 'i.updated_at', 'i.started_by', db.raw('count(*) over () as total'));
  if (filter.definitionKey) matching.where('i.definition_key', filter.definitionKey);
  if (filter.definitionId) matching.where('i.definition_id', filter.definitionId);
  if (filter.state) matching.where('i.state', filter.state);
  if (filter.stuckBefore) matching.where('i.state', 'active').where('i.updated_at', '<', filter.stuckBefore);
  if (filter.businessKey) matching.whereRaw("i.business_key ilike ? escape '\\'", [`%${escapeLike(filter.businessKey)}%`]);
  if (filter.startedAfter) matching.where('i.started_at', '>=', filter.startedAfter);
  if (filter.startedBefore) matching.where('i.started_at', '<', filter.startedBefore);
  if (filter.withIncidents !== undefined) {
    const open = db('incidents as x').select(db.raw('1')).whereRaw('x.instance_id = i.id').where('x.state', 'open');
    if (filter.withIncidents) matching.whereExists(open);
    else matching.whereNotExists(open);
  }
  if (filter.withOverdueTasks) matching.whereExists(db('user_tasks as t').select(db.raw('1')).whereRaw('t.instance_id = i.id').where('t.state', 'created').where('t.due_at', '<', now));
  if (filter.sla) matching.whereExists(db('user_tasks as t').select(db.raw('1')).whereRaw('t.instance_id = i.id').where('t.state', 'created').where(slaCondition(db, filter.sla, now, 't')));
  matching.orderBy([{ column: 'i.started_at', order: 'desc' }, { column: 'i.id', order: 'asc' }]).limit(filter.limit).offset(filter.offset);

  const rows: Record<string, any>[] = await db
    .with('page', matching)
    .select('p.*', 'd.name as definition_name',
      db.raw("(select count(*) from incidents x where x.instance_id = p.id and x.state = 'open')::int as open_incidents"),
      db.raw("(select count(*) from user_tasks t where t.instance_id = p.id and t.state = 'created' and t.due_at < ?)::int as overdue_tasks", [now]))
    .from('page as p')
    .join('process_definitions as d', 'd.id', 'p.definition_id')
    .orderBy([{ column: 'p.started_at', order: 'desc' }, { column: 'p.id', order: 'asc' }]);
  const items = rows.map((row) => ({
    id: row.id, definitionId: row.definition_id, definitionKey: row.definition_key, definitionVersion: row.definition_version, definitionName: row.definition_name,
    businessKey: row.business_key, state: row.state, activeElements: row.active_elements, startedAt: row.started_at, endedAt: row.ended_at, updatedAt: row.updated_at,
    startedBy: row.started_by, openIncidents: row.open_incidents, overdueTasks: row.overdue_tasks,
  }));
  if (rows.length || filter.offset === 0) return { items, total: rows.length ? Number(rows[0].total) : 0 };
  // A page past the end (the list shrank meanwhile) has no row to carry the total: count on its own.
  const [{ count }] = await matching.clearSelect().clearOrder().limit(1).offset(0).count<{ count: string }[]>('* as count');
  return { items, total: Number(count) };
}
