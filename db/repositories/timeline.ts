/**
 * The customer timeline: everything Lifeline did for one business key
 * (instances, tasks, correlated messages, notifications, mails) across
 * processes, oldest first, in one statement.
 */
import type { TimelineEntry } from '../../engine/index.js';
import type { Db } from './rows.js';

const SQL = `
  select started_at as at, 'instance.started' as kind, id as instance_id, definition_key, null as element_id, definition_key as title,
         jsonb_build_object('definitionVersion', definition_version, 'startedBy', started_by) as data
    from process_instances where business_key = :key
  union all
  select ended_at, 'instance.ended', id, definition_key, null, definition_key, jsonb_build_object('state', state)
    from process_instances where business_key = :key and ended_at is not null
  union all
  select created_at, 'task.created', instance_id, definition_key, element_id, coalesce(name, element_id),
         jsonb_build_object('taskId', id, 'assignee', assignee, 'candidateGroups', candidate_groups, 'dueAt', due_at)
    from user_tasks where business_key = :key
  union all
  select completed_at, 'task.completed', instance_id, definition_key, element_id, coalesce(name, element_id),
         jsonb_build_object('taskId', id, 'completedBy', completed_by)
    from user_tasks where business_key = :key and state = 'completed'
  union all
  select h.at, 'message', h.instance_id, i.definition_key, h.element_id, coalesce(h.data->>'name', 'message'), coalesce(h.data, '{}'::jsonb)
    from history_events h join process_instances i on i.id = h.instance_id
   where i.business_key = :key and h.type = 'message.correlated'
  union all
  select created_at, 'notification', instance_id, null, element_id, title, jsonb_build_object('userId', user_id, 'type', type, 'body', body, 'read', read_at is not null)
    from notifications where business_key = :key
  union all
  select created_at, 'email', instance_id, null, null, subject, jsonb_build_object('to', recipients, 'state', state, 'template', template)
    from emails where business_key = :key
  order by at, kind
  limit :limit`;

/** Everything about a business key, oldest first. */
export async function timeline(db: Db, businessKey: string, limit: number): Promise<TimelineEntry[]> {
  const { rows } = await db.raw(SQL, { key: businessKey, limit });
  return (rows as { at: Date; kind: TimelineEntry['kind']; instance_id: string | null; definition_key: string | null; element_id: string | null; title: string; data: Record<string, unknown> }[]).map((r) => ({
    at: r.at, kind: r.kind, instanceId: r.instance_id, definitionKey: r.definition_key, elementId: r.element_id, title: r.title, data: r.data,
  }));
}
