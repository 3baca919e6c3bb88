/**
 * What the task routes answer, as zod schemas: the OpenAPI document (and so
 * the browser app's typed client) is generated from them. Dates travel as
 * ISO 8601 text. `overdue` is judged by the server's clock, so the app shows
 * what the "overdue" filter finds.
 */
import * as z from 'zod';
import type { UserTaskRecord } from '../../engine/index.js';

const date = z.string().describe('ISO 8601 date-time');

export const taskShape = z.object({
  id: z.string(),
  instanceId: z.string(),
  activityInstanceId: z.string(),
  elementId: z.string(),
  name: z.string().nullable(),
  definitionKey: z.string(),
  businessKey: z.string().nullable(),
  assignee: z.string().nullable(),
  candidateGroups: z.array(z.string()),
  candidateUsers: z.array(z.string()),
  priority: z.number().int(),
  dueAt: date.nullable(),
  followUpAt: date.nullable(),
  formKey: z.string().nullable(),
  formId: z.string().nullable(),
  form: z.record(z.string(), z.unknown()).nullable(),
  variables: z.record(z.string(), z.unknown()),
  state: z.enum(['created', 'completed', 'cancelled']),
  createdAt: date,
  claimedAt: date.nullable(),
  completedAt: date.nullable(),
  completedBy: z.string().nullable(),
  slaAtRiskAt: date.nullable().optional(),
  slaBreachAt: date.nullable().optional(),
  sla: z.object({ state: z.enum(['on_time', 'at_risk', 'breached']), atRiskAt: date.nullable(), breachAt: date.nullable() }).describe('where the task stands against its SLA target (or due date), judged now or at completion'),
  overdue: z.boolean().describe('open and past its due date, by the server clock'),
});

export const taskPageShape = z.object({
  items: z.array(taskShape),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  now: date.describe('the server clock when the page was read (for "due in 2 hours")'),
});

/** A task as the routes answer it: with `overdue` judged at `now`. */
export function withOverdue<T extends UserTaskRecord>(task: T, now: Date): T & { overdue: boolean } {
  return { ...task, overdue: task.state === 'created' && task.dueAt !== null && task.dueAt.getTime() < now.getTime() };
}
