/**
 * Due and follow-up dates of user tasks, and SLA targets: a FEEL date-time
 * (or ISO text) names an instant, read in the context's zone when it has
 * none; a duration (FEEL `duration("P2D")` or ISO text `P2D`) counts from
 * `now`, in working time when a business calendar is bound. Camunda 8 only
 * takes date-times here; durations are Lifeline's addition, because a
 * deadline in working days cannot be computed in FEEL.
 */
import { FeelDate, FeelDateTime, FeelDuration } from 'feelin';
import { addDuration, parseDuration } from './isoDuration.js';
import { parseDateTime } from './isoDate.js';
import { addBusinessDuration } from './businessTime.js';
import { zoneOf, type TimeContext } from './timerExpression.js';

const DURATION = /^\s*P/i;

/** The text of a date-ish value, or undefined when the value is no date, date-time or duration. */
function textOf(value: unknown): string | undefined {
  if (value instanceof FeelDateTime || value instanceof FeelDate || value instanceof FeelDuration) return value.iso;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (typeof value === 'string') return value;
  return undefined;
}

/** Whether a value is a duration (relative to now) rather than a point in time. */
export function isDurationValue(value: unknown): boolean {
  return value instanceof FeelDuration || (typeof value === 'string' && DURATION.test(value));
}

/** Resolves a date or duration value at `now`; throws naming the value when it is neither. */
export function resolveDueDate(value: unknown, now: Date, context: TimeContext = {}): Date {
  const text = textOf(value);
  if (text === undefined) throw new Error(`expected a date-time such as 2026-03-01T17:00:00 or a duration such as P2D, got ${JSON.stringify(value)}`);
  if (DURATION.test(text)) {
    const duration = parseDuration(text);
    return context.calendar ? addBusinessDuration(context.calendar, now, duration) : addDuration(now, duration);
  }
  return parseDateTime(text, zoneOf(context));
}
