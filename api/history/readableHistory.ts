/**
 * History lines as people read them: element names instead of ids, display
 * names of who acted (and of whom a task went to), and details without
 * variable values (a task's viewer sees which data changed, not data that
 * other steps of the process keep to themselves).
 */
import * as z from 'zod';
import type { HistoryEventRecord } from '../../engine/index.js';

const KEPT = ['taskId', 'assignee', 'code', 'message', 'retries', 'type', 'startEventId', 'name'] as const;

export const historyLineShape = z.object({
  seq: z.number().int().nullable(),
  at: z.string().describe('ISO 8601 date-time'),
  type: z.string().describe('e.g. process.started, task.created, task.claimed, task.assigned, task.completed, element.completed, timer.fired, incident.created, variables.changed'),
  elementId: z.string().nullable(),
  elementName: z.string().nullable(),
  elementType: z.string().nullable(),
  actor: z.string().nullable(),
  actorName: z.string().nullable(),
  /** task.assigned / task.claimed: whom the task went to. */
  assigneeName: z.string().nullable(),
  /** variables.changed / variables.set: which variables (not their values). */
  variableNames: z.array(z.string()),
  details: z.record(z.string(), z.unknown()),
});

export type HistoryLine = z.infer<typeof historyLineShape>;

function variableNames(data: Record<string, unknown> | null): string[] {
  if (!data) return [];
  if (Array.isArray(data.names)) return data.names.map(String);
  if (data.variables && typeof data.variables === 'object') return Object.keys(data.variables);
  return [];
}

/** Shapes stored events for reading, with element and people names looked up. */
export function readableHistory(events: HistoryEventRecord[], elementNames: Record<string, string>, peopleNames: Record<string, string>): HistoryLine[] {
  return events.map((event) => {
    const data = (event.data ?? {}) as Record<string, unknown>;
    const details = Object.fromEntries(KEPT.filter((key) => data[key] !== undefined && data[key] !== null).map((key) => [key, data[key]]));
    const assignee = typeof data.assignee === 'string' ? data.assignee : null;
    return {
      seq: event.seq ?? null,
      at: event.at.toISOString(),
      type: event.type,
      elementId: event.elementId,
      elementName: event.elementId ? (elementNames[event.elementId] ?? null) : null,
      elementType: event.elementType,
      actor: event.actor,
      actorName: event.actor ? (peopleNames[event.actor] ?? null) : null,
      assigneeName: assignee ? (peopleNames[assignee] ?? assignee) : null,
      variableNames: variableNames(event.data),
      details,
    };
  });
}

/** The user ids a list of events mentions (actors and assignees). */
export function peopleIn(events: HistoryEventRecord[]): string[] {
  const ids = new Set<string>();
  for (const event of events) {
    if (event.actor) ids.add(event.actor);
    const assignee = (event.data as Record<string, unknown> | null)?.assignee;
    if (typeof assignee === 'string') ids.add(assignee);
  }
  return [...ids];
}
