/**
 * Response shapes of the reports' routes (zod): they document the API and
 * type the browser app's client. Durations are milliseconds, rates shares
 * (0–1, null when nothing was judged), times ISO strings.
 */
import * as z from 'zod';
import { periodShape } from './reportPeriod.js';

const time = z.string();
const ms = z.number().nullable();
const int = z.number().int();
const share = z.number().nullable();

const processFigures = {
  started: int, completed: int, cancelled: int, terminated: int,
  durationMedianMs: ms, durationP90Ms: ms, slaJudged: int, withinSla: int, withinSlaRate: share,
};
const versions = z.array(z.object({ id: z.string(), version: int }));

export const processSummary = z.object({
  now: time, period: periodShape, periodStarts: time, periodEnds: time,
  items: z.array(z.object({ definitionKey: z.string(), name: z.string().nullable(), versions, open: int, ...processFigures })),
});

export const processReport = z.object({
  now: time, period: periodShape,
  definition: z.object({ key: z.string(), name: z.string().nullable(), versions, definitionId: z.string().nullable() }),
  from: time, to: time,
  totals: z.object(processFigures),
  buckets: z.array(z.object({ start: z.string(), from: time, to: time, ...processFigures })),
  openByAge: z.array(z.object({ band: int, label: z.string(), count: int, startedAfter: time.nullable(), startedBefore: time })),
});

const taskFigures = {
  completed: int, waitingMedianMs: ms, waitingP90Ms: ms, workingMedianMs: ms, workingP90Ms: ms, judged: int, onTime: int, onTimeRate: share,
};

export const taskElements = z.object({
  now: time, period: periodShape, from: time, to: time, previousFrom: time, previousTo: time,
  items: z.array(z.object({ elementId: z.string(), name: z.string().nullable(), open: int, overdue: int, ...taskFigures, previous: z.object(taskFigures) })),
});

const workFigures = { completed: int, open: int, overdue: int, judged: int, onTime: int, onTimeRate: share, handlingMedianMs: ms, handlingP90Ms: ms };

export const people = z.object({
  now: time, period: periodShape, from: time, to: time,
  people: z.array(z.object({ userId: z.string(), displayName: z.string(), groups: z.array(z.string()), disabled: z.boolean(), ...workFigures })),
  groups: z.array(z.object({ groupId: z.string(), name: z.string(), members: int, queued: int, ...workFigures })),
});

export const workload = z.object({
  now: time,
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
  people: z.array(z.object({
    userId: z.string(), displayName: z.string(), groups: z.array(z.string()), disabled: z.boolean(), open: int, overdue: int,
    tasks: z.array(z.object({
      id: z.string(), instanceId: z.string(), elementId: z.string(), name: z.string().nullable(), definitionKey: z.string(), businessKey: z.string().nullable(),
      priority: z.number(), createdAt: time, dueAt: time.nullable(), deadline: time.nullable(), overdue: z.boolean(),
    })),
  })),
});

export const reassigned = z.object({ moves: z.array(z.object({ taskId: z.string(), from: z.string().nullable(), to: z.string() })) });

export const heatMap = z.object({
  now: time, period: periodShape, from: time, to: time,
  definition: z.object({ id: z.string(), key: z.string(), version: int, name: z.string().nullable() }),
  elements: z.array(z.object({ elementId: z.string(), completed: int, durationMedianMs: ms, durationP90Ms: ms, waiting: int })),
});

export const instancesBehind = z.object({
  items: z.array(z.object({ id: z.string(), businessKey: z.string().nullable(), definitionVersion: int, state: z.string(), startedAt: time, endedAt: time.nullable(), durationMs: ms })),
  total: int, limit: int, offset: int,
});

export const tasksBehind = z.object({
  now: time,
  items: z.array(z.object({
    id: z.string(), instanceId: z.string(), elementId: z.string(), name: z.string().nullable(), definitionKey: z.string(), businessKey: z.string().nullable(),
    state: z.string(), assignee: z.string().nullable(), completedBy: z.string().nullable(), createdAt: time, completedAt: time.nullable(), deadline: time.nullable(),
    waitingMs: ms, workingMs: ms, handlingMs: ms, onTime: z.boolean().nullable(),
  })),
  total: int, limit: int, offset: int,
});
