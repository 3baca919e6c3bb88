/**
 * Timer cycles: ISO 8601 repeating intervals (`R5/PT1H`, `R/PT10M`,
 * `R3/2026-03-01T09:00:00Z/P1D`) and cron expressions (5 fields, or 6 with
 * seconds as Camunda 8 accepts). `remaining` counts the repetitions left
 * after the occurrence being scheduled; null means unbounded.
 */
import { CronExpressionParser } from 'cron-parser';
import { addDuration, isZero, parseDuration } from './isoDuration.js';
import { parseDateTime } from './isoDate.js';

export interface CycleDue {
  dueAt: Date;
  remaining: number | null;
}

interface Repeating {
  repetitions: number | null;
  start: Date | null;
  interval: ReturnType<typeof parseDuration>;
}

function parseRepeating(expression: string): Repeating {
  const parts = expression.trim().split('/');
  const head = /^R(\d*)$/.exec(parts[0]);
  if (!head || parts.length < 2 || parts.length > 3) throw new Error(`'${expression}' is not a repeating interval such as R5/PT1H or R/2026-03-01T09:00:00Z/P1D`);
  const repetitions = head[1] === '' ? null : Number(head[1]);
  const start = parts.length === 3 ? parseDateTime(parts[1]) : null;
  const interval = parseDuration(parts[parts.length - 1]);
  if (isZero(interval)) throw new Error(`'${expression}' repeats every zero seconds`);
  if (repetitions === 0) throw new Error(`'${expression}' repeats zero times`);
  return { repetitions, start, interval };
}

const isCron = (expression: string) => !expression.trim().startsWith('R');

function cronNext(expression: string, after: Date): Date {
  try {
    return CronExpressionParser.parse(expression, { currentDate: after, tz: 'UTC' }).next().toDate();
  } catch (e) {
    throw new Error(`'${expression}' is not a cron expression: ${(e as Error).message}`);
  }
}

/** Checks a cycle expression; throws with a message naming what is wrong. */
export function validateCycle(expression: string): void {
  if (isCron(expression)) {
    const fields = expression.trim().split(/\s+/).length;
    if (fields < 5 || fields > 6) throw new Error(`'${expression}' is neither a repeating interval (R5/PT1H) nor a cron expression of 5 or 6 fields`);
    cronNext(expression, new Date(0));
  } else parseRepeating(expression);
}

/** The first occurrence of a cycle from `now`. */
export function firstCycleDue(expression: string, now: Date): CycleDue {
  if (isCron(expression)) return { dueAt: cronNext(expression, now), remaining: null };
  const { repetitions, start, interval } = parseRepeating(expression);
  const left = (n: number | null) => (n === null ? null : n - 1);
  if (!start) return { dueAt: addDuration(now, interval), remaining: left(repetitions) };
  if (start.getTime() >= now.getTime()) return { dueAt: start, remaining: left(repetitions) };
  let due = start;
  let remaining = repetitions;
  while (due.getTime() < now.getTime()) {
    if (remaining !== null) {
      remaining -= 1;
      if (remaining <= 0) throw new Error(`'${expression}': every repetition lies in the past`);
    }
    due = addDuration(due, interval);
  }
  return { dueAt: due, remaining: left(remaining) };
}

/** The occurrence after one that was due at `after`, or null when no repetition is left. */
export function nextCycleDue(expression: string, remaining: number | null, after: Date): CycleDue | null {
  if (remaining !== null && remaining <= 0) return null;
  const next = isCron(expression) ? cronNext(expression, after) : addDuration(after, parseRepeating(expression).interval);
  return { dueAt: next, remaining: remaining === null ? null : remaining - 1 };
}
