/** Incidents: what an operator must look at. */
import type { IncidentFilter, IncidentRecord, Page } from '../../engine/index.js';
import { page, rowMapper, type Db } from './rows.js';

/** Row mapping of `incidents`. */
export const incidentRows = rowMapper<IncidentRecord>([]);

/** One incident by id. */
export async function getIncident(db: Db, id: string): Promise<IncidentRecord | undefined> {
  const row = await db('incidents').where({ id }).first();
  return row ? incidentRows.fromRow(row) : undefined;
}

/** The open incident raised for a timer whose step failed, if any. */
export async function getIncidentForTimer(db: Db, timerId: string): Promise<IncidentRecord | undefined> {
  const row = await db('incidents').where({ timer_id: timerId, state: 'open' }).first();
  return row ? incidentRows.fromRow(row) : undefined;
}

/** The open incident raised for a user task (an unknown assignee), if any. */
export async function getIncidentForTask(db: Db, taskId: string): Promise<IncidentRecord | undefined> {
  const row = await db('incidents').where({ task_id: taskId, state: 'open' }).first();
  return row ? incidentRows.fromRow(row) : undefined;
}

/**
 * Resolves, in one statement, the open incidents of an instance held by
 * some of its executions (all of them: null), except those in `except`;
 * returns what it resolved (the engine writes why in the history).
 */
export async function resolveIncidentsOf(db: Db, instanceId: string, activityInstanceIds: string[] | null, except: string[], at: Date): Promise<IncidentRecord[]> {
  let query = db('incidents').where({ instance_id: instanceId, state: 'open' });
  if (activityInstanceIds) query = query.whereRaw('activity_instance_id = any(?::uuid[])', [activityInstanceIds]);
  if (except.length) query = query.whereRaw('not (id = any(?::uuid[]))', [except]);
  const rows: Record<string, unknown>[] = await query.update({ state: 'resolved', resolved_at: at }).returning('*');
  return rows.map((row) => incidentRows.fromRow(row));
}

/** Incidents by instance, state and process key, newest first, with the total. */
export async function listIncidents(db: Db, filter: IncidentFilter): Promise<Page<IncidentRecord>> {
  let query = db('incidents').select('*');
  if (filter.instanceId) query = query.where({ instance_id: filter.instanceId });
  if (filter.state) query = query.where({ state: filter.state });
  if (filter.definitionKey) query = query.where({ definition_key: filter.definitionKey });
  return page(query, (row) => incidentRows.fromRow(row), [['created_at', 'desc'], ['id', 'asc']], filter.limit, filter.offset);
}
