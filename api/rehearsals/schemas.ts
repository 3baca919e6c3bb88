/**
 * What the rehearsal routes answer, as zod schemas: they document the
 * routes in OpenAPI and type the browser app's client (schema.gen.ts).
 * Only the fields the app and API users rely on are spelled out.
 */
import * as z from 'zod';

const date = z.string().describe('ISO 8601 date-time');
const number = z.number().int().nullable().describe("the instance's number in the rehearsal (#1, #2, ...)");
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });

const process = z.object({ key: z.string(), liveVersion: z.number().int().nullable(), related: z.boolean() });
const source = z.object({ kind: z.enum(['deployed', 'drawing']), definitionId: z.string().optional(), key: z.string().optional(), version: z.number().int().optional() });

export const rehearsalShape = z.object({
  id: z.string(), name: z.string(), purpose: z.enum(['rehearsal', 'replay']), processKey: z.string(), schemaName: z.string(), workers: z.enum(['auto', 'manual']),
  startAt: date, clockAt: date, stepCount: z.number().int(), createdBy: z.string().nullable(), createdAt: date,
  model: z.object({ source, processes: z.array(process) }),
  nextTimer: z.object({ dueAt: date, elementId: z.string(), number }).nullable().optional(),
});
export const rehearsalList = list(rehearsalShape);

export const modelShape = z.object({ source, processes: z.array(process), resources: z.array(z.object({ name: z.string(), xml: z.string() })), forms: z.array(z.object({ name: z.string(), json: z.string() })) });

const pathEvent = z.object({ instance: z.number().int(), type: z.string(), elementId: z.string().nullable(), at: date, detail: z.string().optional() });
const mail = z.object({ template: z.string().nullable(), recipients: z.array(z.string()), subject: z.string() });
const inbox = z.object({ userId: z.string(), type: z.string(), title: z.string() });
export const outcomeShape = z.object({ clock: date, events: z.array(pathEvent), mails: z.array(mail), notifications: z.array(inbox), timersFired: z.number().int().optional(), limitReached: z.boolean().optional() });
export const stepShape = z.object({ seq: z.number().int(), input: z.record(z.string(), z.unknown()).describe('what was done, replayably (kind and references by instance number and element)'), outcome: outcomeShape, description: z.string() });
export const takenShape = z.object({ step: stepShape, clock: date, result: z.unknown() });
export const stepList = z.object({ items: z.array(stepShape) });

export const instanceShape = z.object({
  id: z.string(), number, definitionKey: z.string(), definitionVersion: z.number().int(), businessKey: z.string().nullable(), state: z.string(),
  activeElements: z.array(z.string()), variables: z.record(z.string(), z.unknown()), startedAt: date, endedAt: date.nullable(),
});
export const instanceList = list(instanceShape);

export const taskShape = z.object({
  id: z.string(), instanceId: z.string(), number, elementId: z.string(), name: z.string().nullable(), definitionKey: z.string(), businessKey: z.string().nullable(),
  assignee: z.string().nullable(), candidateGroups: z.array(z.string()), candidateUsers: z.array(z.string()), priority: z.number(), dueAt: date.nullable(),
  formId: z.string().nullable(), state: z.string(), createdAt: date, variables: z.record(z.string(), z.unknown()),
  sla: z.object({ state: z.enum(['on_time', 'at_risk', 'breached']).nullable().optional() }).loose(),
});
export const taskList = list(taskShape);
export const taskWithForm = taskShape.extend({ form: z.record(z.string(), z.unknown()).nullable() });

export const jobShape = z.object({ id: z.string(), instanceId: z.string(), number, type: z.string(), elementId: z.string(), state: z.string(), retries: z.number().int(), headers: z.record(z.string(), z.string()), lastError: z.string().nullable(), createdAt: date });
export const jobList = list(jobShape);

export const timerList = z.object({ items: z.array(z.object({ id: z.string(), instanceId: z.string().nullable(), number, elementId: z.string(), dueAt: date, purpose: z.string().nullable().optional() })) });
export const incidentList = list(z.object({ id: z.string(), instanceId: z.string(), number, elementId: z.string().nullable(), type: z.string(), message: z.string(), state: z.string(), createdAt: date }));
export const historyList = z.object({ items: z.array(z.object({ instanceId: z.string(), number, seq: z.number().int().optional(), type: z.string(), elementId: z.string().nullable(), at: date, actor: z.string().nullable(), data: z.record(z.string(), z.unknown()).nullable() })) });
export const emailList = list(z.object({ id: z.string(), instanceId: z.string().nullable(), number, recipients: z.array(z.string()), subject: z.string(), text: z.string(), template: z.string().nullable(), state: z.string(), createdAt: date }));
export const notificationList = z.object({ items: z.array(z.object({ id: z.string(), instanceId: z.string().nullable(), number, userId: z.string(), type: z.string(), title: z.string(), body: z.string(), createdAt: date })) });
export const countsShape = z.object({ definitionKey: z.string(), elements: z.record(z.string(), z.object({ active: z.number().int(), incidents: z.number().int(), overdue: z.number().int(), completed: z.number().int() })) });

const difference = z.object({
  seq: z.number().int(), step: z.string(), summary: z.string(), error: z.string().optional(), elements: z.array(z.string()),
  missing: z.array(pathEvent).optional(), unexpected: z.array(pathEvent).optional(),
});
export const replayShape = z.object({ passed: z.boolean(), steps: z.number().int(), replayed: z.number().int(), path: z.array(z.string()), difference: difference.optional(), against: z.string(), at: date.optional() });
const scenarioSummary = z.object({
  id: z.string(), processKey: z.string(), name: z.string(), startAt: date, workers: z.enum(['auto', 'manual']), recordedOn: source.extend({ processes: z.array(process) }),
  lastReplay: replayShape.nullable(), createdBy: z.string().nullable(), createdAt: date,
});
export const scenarioList = z.object({ items: z.array(scenarioSummary.extend({ stepCount: z.number().int() })) });
export const scenarioShape = scenarioSummary.extend({ steps: z.array(stepShape) });
export const replayAnswer = replayShape.extend({ rehearsalId: z.string().nullable() });
