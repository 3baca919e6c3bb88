/**
 * Response shapes of the monitor's routes (zod): they document the API and
 * type the browser app's client. Times are ISO strings on the wire.
 */
import * as z from 'zod';

const time = z.string();
const instanceState = z.enum(['active', 'completed', 'terminated', 'cancelled']);

export const definitionCounts = z.object({
  definitionId: z.string(), key: z.string(), version: z.number().int(), name: z.string().nullable(), deployedAt: time,
  running: z.number().int(), completed: z.number().int(), cancelled: z.number().int(), terminated: z.number().int(),
  withIncidents: z.number().int(), stuck: z.number().int(), withOverdueTasks: z.number().int(),
  /** Running instances holding an open task whose SLA is at risk, and breached (past the SLA target, else the due date). */
  slaAtRisk: z.number().int(), slaBreached: z.number().int(),
});

export const overview = z.object({ now: time, stuckFor: z.string(), stuckBefore: time, definitions: z.array(definitionCounts) });

export const instanceListItem = z.object({
  id: z.string(), definitionId: z.string(), definitionKey: z.string(), definitionVersion: z.number().int(), definitionName: z.string().nullable(),
  businessKey: z.string().nullable(), state: instanceState, activeElements: z.array(z.string()),
  startedAt: time, endedAt: time.nullable(), updatedAt: time, startedBy: z.string().nullable(),
  openIncidents: z.number().int(), overdueTasks: z.number().int(),
});

export const instanceList = z.object({ items: z.array(instanceListItem), total: z.number().int(), limit: z.number().int(), offset: z.number().int(), now: time });

const elementStats = z.record(z.string(), z.object({ passed: z.number().int(), waiting: z.number().int(), failed: z.number().int() }));
const elements = z.record(z.string(), z.object({ name: z.string().nullable(), kind: z.string() }));

export const instanceView = z.object({
  /** The server's clock: "overdue" and "3 h ago" are judged by it. */
  now: time,
  instance: z.object({
    id: z.string(), businessKey: z.string().nullable(), state: instanceState, activeElements: z.array(z.string()),
    startedAt: time, endedAt: time.nullable(), updatedAt: time, startedBy: z.string().nullable(), parentInstanceId: z.string().nullable(),
  }),
  definition: z.object({ id: z.string(), key: z.string(), version: z.number().int(), name: z.string().nullable() }),
  variables: z.record(z.string(), z.unknown()),
  tasks: z.array(z.object({
    id: z.string(), elementId: z.string(), name: z.string().nullable(), assignee: z.string().nullable(),
    candidateGroups: z.array(z.string()), candidateUsers: z.array(z.string()), priority: z.number(),
    dueAt: time.nullable(), followUpAt: time.nullable(), state: z.enum(['created', 'completed', 'cancelled']),
    createdAt: time, completedAt: time.nullable(), completedBy: z.string().nullable(),
  })),
  timers: z.array(z.object({ id: z.string(), elementId: z.string(), dueAt: time, state: z.enum(['scheduled', 'fired', 'cancelled']), cycle: z.object({ expression: z.string(), remaining: z.number().nullable() }).nullable(), firedAt: time.nullable() })),
  jobs: z.array(z.object({
    id: z.string(), elementId: z.string(), type: z.string(), retries: z.number().int(), state: z.string(), worker: z.string().nullable(),
    lockExpiresAt: time.nullable(), nextRunAt: time, lastError: z.string().nullable(), createdAt: time,
  })),
  subscriptions: z.array(z.object({ id: z.string(), kind: z.enum(['message', 'signal']), name: z.string(), correlationKey: z.string().nullable(), elementId: z.string(), state: z.string() })),
  incidents: z.array(z.object({ id: z.string(), elementId: z.string().nullable(), type: z.string(), message: z.string(), state: z.enum(['open', 'resolved']), jobId: z.string().nullable(), createdAt: time, resolvedAt: time.nullable() })),
  history: z.array(z.object({ seq: z.union([z.number(), z.string()]).optional(), type: z.string(), elementId: z.string().nullable(), elementType: z.string().nullable(), at: time, actor: z.string().nullable(), data: z.record(z.string(), z.unknown()).nullable() })),
  elementStats,
  elements,
  /** Display names of the people named in history and on tasks. */
  people: z.record(z.string(), z.string()),
});

export const definitionView = z.object({
  now: time,
  definition: z.object({
    id: z.string(), key: z.string(), version: z.number().int(), name: z.string().nullable(), versionTag: z.string().nullable(),
    deploymentId: z.string(), deploymentName: z.string().nullable(), deployedAt: time, deployedBy: z.string().nullable(), deployedByName: z.string().nullable(), checksum: z.string(),
  }),
  versions: z.array(definitionCounts),
  elementStats,
  elements,
  stuckFor: z.string(),
});

export const people = z.object({ items: z.array(z.object({ id: z.string(), displayName: z.string(), groups: z.array(z.string()) })) });
