/**
 * The columns of the tables the engine's hot path writes, with their types
 * and record fields. Rows travel as one jsonb parameter per table
 * (`jsonb_to_recordset`), so a statement's text does not depend on how many
 * rows it carries: it is prepared once per connection, and one JSON.stringify
 * replaces per-value parameter handling.
 */
import type { HistoryEventRecord, IncidentRecord, InstanceRecord, JobRecord, NotificationRecord, OutboxRecord, SubscriptionRecord, TimerRecord, UserTaskRecord } from '../../engine/index.js';

/** A table's columns: [column, PostgreSQL type, record field]. */
export interface TableSpec<T> {
  table: string;
  columns: readonly (readonly [string, string, keyof T & string])[];
}

function spec<T>(table: string, columns: readonly (readonly [string, string, keyof T & string])[]): TableSpec<T> {
  return { table, columns };
}

export const INSTANCES = spec<InstanceRecord>('process_instances', [
  ['id', 'uuid', 'id'], ['definition_id', 'uuid', 'definitionId'], ['definition_key', 'text', 'definitionKey'], ['definition_version', 'int', 'definitionVersion'],
  ['business_key', 'text', 'businessKey'], ['state', 'text', 'state'], ['snapshot', 'jsonb', 'snapshot'], ['variables', 'jsonb', 'variables'],
  ['active_elements', 'text[]', 'activeElements'], ['revision', 'int', 'revision'], ['parent_instance_id', 'uuid', 'parentInstanceId'],
  ['parent_activity_instance_id', 'uuid', 'parentActivityInstanceId'], ['started_at', 'timestamptz', 'startedAt'], ['ended_at', 'timestamptz', 'endedAt'],
  ['updated_at', 'timestamptz', 'updatedAt'], ['started_by', 'text', 'startedBy'],
]);

export const TASKS = spec<UserTaskRecord>('user_tasks', [
  ['id', 'uuid', 'id'], ['instance_id', 'uuid', 'instanceId'], ['activity_instance_id', 'uuid', 'activityInstanceId'], ['element_id', 'text', 'elementId'],
  ['name', 'text', 'name'], ['definition_key', 'text', 'definitionKey'], ['business_key', 'text', 'businessKey'], ['assignee', 'text', 'assignee'],
  ['candidate_groups', 'text[]', 'candidateGroups'], ['candidate_users', 'text[]', 'candidateUsers'], ['priority', 'int', 'priority'],
  ['due_at', 'timestamptz', 'dueAt'], ['follow_up_at', 'timestamptz', 'followUpAt'], ['form_key', 'text', 'formKey'], ['form_id', 'text', 'formId'],
  ['form', 'jsonb', 'form'], ['variables', 'jsonb', 'variables'], ['state', 'text', 'state'], ['created_at', 'timestamptz', 'createdAt'],
  ['claimed_at', 'timestamptz', 'claimedAt'], ['completed_at', 'timestamptz', 'completedAt'], ['completed_by', 'text', 'completedBy'],
  ['sla_at_risk_at', 'timestamptz', 'slaAtRiskAt'], ['sla_breach_at', 'timestamptz', 'slaBreachAt'],
]);

export const TIMERS = spec<TimerRecord>('timers', [
  ['id', 'uuid', 'id'], ['instance_id', 'uuid', 'instanceId'], ['definition_id', 'uuid', 'definitionId'], ['activity_instance_id', 'uuid', 'activityInstanceId'],
  ['element_id', 'text', 'elementId'], ['due_at', 'timestamptz', 'dueAt'], ['cycle', 'jsonb', 'cycle'], ['state', 'text', 'state'],
  ['created_at', 'timestamptz', 'createdAt'], ['fired_at', 'timestamptz', 'firedAt'], ['purpose', 'text', 'purpose'], ['task_id', 'uuid', 'taskId'],
]);

export const JOBS = spec<JobRecord>('jobs', [
  ['id', 'uuid', 'id'], ['type', 'text', 'type'], ['instance_id', 'uuid', 'instanceId'], ['activity_instance_id', 'uuid', 'activityInstanceId'],
  ['element_id', 'text', 'elementId'], ['definition_key', 'text', 'definitionKey'], ['retries', 'int', 'retries'], ['state', 'text', 'state'],
  ['headers', 'jsonb', 'headers'], ['worker', 'text', 'worker'], ['lock_expires_at', 'timestamptz', 'lockExpiresAt'],
  ['next_run_at', 'timestamptz', 'nextRunAt'], ['last_error', 'text', 'lastError'], ['created_at', 'timestamptz', 'createdAt'], ['business_key', 'text', 'businessKey'],
]);

export const SUBSCRIPTIONS = spec<SubscriptionRecord>('message_subscriptions', [
  ['id', 'uuid', 'id'], ['kind', 'text', 'kind'], ['name', 'text', 'name'], ['correlation_key', 'text', 'correlationKey'], ['instance_id', 'uuid', 'instanceId'],
  ['definition_id', 'uuid', 'definitionId'], ['activity_instance_id', 'uuid', 'activityInstanceId'], ['element_id', 'text', 'elementId'],
  ['state', 'text', 'state'], ['created_at', 'timestamptz', 'createdAt'],
]);

export const INCIDENTS = spec<IncidentRecord>('incidents', [
  ['id', 'uuid', 'id'], ['instance_id', 'uuid', 'instanceId'], ['activity_instance_id', 'uuid', 'activityInstanceId'], ['element_id', 'text', 'elementId'],
  ['definition_key', 'text', 'definitionKey'], ['type', 'text', 'type'], ['message', 'text', 'message'], ['job_id', 'uuid', 'jobId'],
  ['timer_id', 'uuid', 'timerId'], ['task_id', 'uuid', 'taskId'], ['state', 'text', 'state'], ['created_at', 'timestamptz', 'createdAt'],
  ['resolved_at', 'timestamptz', 'resolvedAt'],
]);

export const HISTORY = spec<HistoryEventRecord>('history_events', [
  ['instance_id', 'uuid', 'instanceId'], ['type', 'text', 'type'], ['element_id', 'text', 'elementId'], ['element_type', 'text', 'elementType'],
  ['activity_instance_id', 'uuid', 'activityInstanceId'], ['at', 'timestamptz', 'at'], ['actor', 'text', 'actor'], ['data', 'jsonb', 'data'],
]);

export const NOTIFICATIONS = spec<NotificationRecord>('notifications', [
  ['id', 'uuid', 'id'], ['user_id', 'text', 'userId'], ['type', 'text', 'type'], ['title', 'text', 'title'], ['body', 'text', 'body'],
  ['instance_id', 'uuid', 'instanceId'], ['task_id', 'uuid', 'taskId'], ['element_id', 'text', 'elementId'], ['business_key', 'text', 'businessKey'],
  ['created_at', 'timestamptz', 'createdAt'], ['read_at', 'timestamptz', 'readAt'], ['email_state', 'text', 'emailState'],
]);

/** The instance outbox (migration 120): cross-instance work, keyed by the sending instance. */
export const OUTBOX = spec<OutboxRecord>('instance_outbox', [
  ['id', 'uuid', 'id'], ['instance_id', 'uuid', 'instanceId'], ['element_id', 'text', 'elementId'], ['payload', 'jsonb', 'payload'], ['hops', 'int', 'hops'],
  ['attempts', 'int', 'attempts'], ['next_attempt_at', 'timestamptz', 'nextAttemptAt'], ['last_error', 'text', 'lastError'], ['incident_id', 'uuid', 'incidentId'],
  ['created_at', 'timestamptz', 'createdAt'],
]);

/** `r(col type, ...)`: the record type of jsonb_to_recordset for a table. */
export function recordType(table: TableSpec<never>): string {
  return `r(${table.columns.map(([column, type]) => `${column} ${type}`).join(', ')})`;
}

/** `insert into table (cols) select cols from jsonb_to_recordset($n) as r(...)`. */
export function insertSql(table: TableSpec<never>, parameter: number): string {
  const columns = table.columns.map(([column]) => column).join(', ');
  return `insert into ${table.table} (${columns}) select ${columns} from jsonb_to_recordset($${parameter}::jsonb) as ${recordType(table)}`;
}

/** Records as the JSON array jsonb_to_recordset reads (fields under their column names; undefined ones left out, so null). */
export function rowsJson<T>(table: TableSpec<T>, records: readonly T[]): string {
  const rows = new Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as Record<string, unknown>;
    const row: Record<string, unknown> = {};
    for (const [column, , field] of table.columns) row[column] = record[field];
    rows[i] = row;
  }
  return JSON.stringify(rows);
}

/** A row as PostgreSQL returned it (snake_case columns) as a record. */
export function fromRow<T>(table: TableSpec<T>, row: Record<string, unknown>): T {
  const record: Record<string, unknown> = {};
  for (const [column, , field] of table.columns) if (column in row) record[field] = row[column];
  return record as T;
}
