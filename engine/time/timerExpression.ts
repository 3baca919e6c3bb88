/**
 * The one place timer values become due dates, for the parser (literal
 * checks at deploy) and the runtime (values after FEEL evaluation, which may
 * be strings or feelin's date-time and duration objects).
 */
import { FeelDate, FeelDateTime, FeelDuration } from 'feelin';
import { addDuration, isZero, parseDuration } from './isoDuration.js';
import { parseDateTime } from './isoDate.js';
import { firstCycleDue, nextCycleDue, validateCycle } from './cycle.js';

export type TimerKind = 'date' | 'duration' | 'cycle';

/** A repeating timer's expression and how many repetitions are left after the current one (null: unbounded). */
export interface TimerCycle {
  expression: string;
  remaining: number | null;
}

/** Checks a literal timer value; returns what is wrong, or undefined when it is valid. */
export function validateTimerLiteral(kind: TimerKind, text: string): string | undefined {
  try {
    if (text.trim() === '') return `the timer has no ${kind === 'date' ? 'date' : kind === 'duration' ? 'duration' : 'cycle'}`;
    if (kind === 'date') parseDateTime(text);
    else if (kind === 'duration') parseDuration(text);
    else validateCycle(text);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

function asText(value: unknown): string {
  if (value instanceof FeelDateTime || value instanceof FeelDate || value instanceof FeelDuration) return (value as { iso: string }).iso;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  throw new Error(`expected a date, duration or cycle, got ${JSON.stringify(value)}`);
}

/** Resolves a timer value at `now` into its first due date (and its cycle, for repeating timers). */
export function resolveTimer(kind: TimerKind, value: unknown, now: Date): { dueAt: Date; cycle: TimerCycle | null } {
  const text = asText(value);
  if (kind === 'date') return { dueAt: parseDateTime(text), cycle: null };
  if (kind === 'duration') {
    const duration = parseDuration(text);
    return { dueAt: addDuration(now, duration), cycle: null };
  }
  const first = firstCycleDue(text, now);
  return { dueAt: first.dueAt, cycle: { expression: text, remaining: first.remaining } };
}

/** The next occurrence of a cycle after one due at `after`; null when the cycle is done. */
export function nextTimer(cycle: TimerCycle, after: Date): { dueAt: Date; cycle: TimerCycle } | null {
  const next = nextCycleDue(cycle.expression, cycle.remaining, after);
  return next ? { dueAt: next.dueAt, cycle: { expression: cycle.expression, remaining: next.remaining } } : null;
}

export { isZero };
