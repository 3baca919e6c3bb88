/**
 * The one place timer values become due dates, for the parser (literal
 * checks at deploy) and the runtime (values after FEEL evaluation, which may
 * be strings, JS Dates, or feelin's date, date-time and duration objects).
 *
 * With a business calendar bound (`lifeline:calendar`):
 * - a `duration` counts working time (see businessTime.ts: P1D is one
 *   working day, PT4H four working hours, counting from the next opening);
 * - a `cycle` uses the calendar's time zone for its cron fields and for its
 *   calendar arithmetic (P1D keeps the local time across DST), but its
 *   occurrences are not moved to working hours: write working hours into
 *   the cron expression (`0 0 9 * * MON-FRI`);
 * - a `date` is the instant it names, untouched.
 * A date-time without a zone is read in the context's time zone (the bound
 * calendar's, else the default calendar's, else UTC), never the server's.
 */
import { FeelDate, FeelDateTime, FeelDuration } from 'feelin';
import { addDuration, isZero, parseDuration } from './isoDuration.js';
import { parseDateTime } from './isoDate.js';
import { firstCycleDue, nextCycleDue, validateCycle } from './cycle.js';
import { BusinessCalendar } from './BusinessCalendar.js';
import { addBusinessDuration, type CalendarLike } from './businessTime.js';

/**
 * What time means where a timer or due date is evaluated: the business
 * calendar bound to the element (working time), and the zone that reads
 * date-times written without one.
 */
export interface TimeContext {
  /** A calendar bound by `lifeline:calendar`: durations count working time on it. */
  calendar?: CalendarLike;
  /** The zone of zone-less date-times when no calendar is bound (the default calendar's); UTC when absent. */
  timeZone?: string;
}

/** The zone zone-less date-times are read in. */
export function zoneOf(context: TimeContext): string {
  return context.calendar ? BusinessCalendar.from(context.calendar).timeZone : (context.timeZone ?? 'UTC');
}

/** The three BPMN timer definitions: timeDate, timeDuration, timeCycle. */
export type TimerKind = 'date' | 'duration' | 'cycle';

/** A repeating timer's expression and how many repetitions are left after the current one (null: unbounded). */
export interface TimerCycle {
  expression: string;
  remaining: number | null;
}

/** When a timer is due, and the cycle to re-arm it with (null for a one-off timer). */
export interface ResolvedTimer {
  dueAt: Date;
  cycle: TimerCycle | null;
}

const FEEL_TYPES: Record<TimerKind, string> = { date: ' or a FEEL date and time', duration: ' or a FEEL duration', cycle: '' };
const EXAMPLES: Record<TimerKind, string> = { date: '2026-03-01T09:00:00Z', duration: 'PT15M', cycle: 'R5/PT1H' };

/** Checks a literal timer value; returns what is wrong, or undefined when it is valid. */
export function validateTimerLiteral(kind: TimerKind, text: string): string | undefined {
  try {
    if (text.trim() === '') return `the timer has no ${kind}; give one such as ${EXAMPLES[kind]}`;
    if (kind === 'date') parseDateTime(text);
    else if (kind === 'duration') parseDuration(text);
    else validateCycle(text);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function asText(kind: TimerKind, value: unknown): string {
  if (value instanceof FeelDateTime || value instanceof FeelDate || value instanceof FeelDuration) return value.iso;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error(`a ${kind} timer got an invalid Date`);
    return value.toISOString();
  }
  if (typeof value === 'string') return value;
  throw new Error(`a ${kind} timer expected a text such as ${EXAMPLES[kind]}${FEEL_TYPES[kind]}, got ${describe(value)}`);
}

/** Resolves a timer value at `now` into its first due date (and its cycle, for repeating timers). */
export function resolveTimer(kind: TimerKind, value: unknown, now: Date, context: TimeContext = {}): ResolvedTimer {
  const text = asText(kind, value);
  const cal = context.calendar === undefined ? undefined : BusinessCalendar.from(context.calendar);
  if (kind === 'date') return { dueAt: parseDateTime(text, zoneOf(context)), cycle: null };
  if (kind === 'duration') {
    const duration = parseDuration(text);
    return { dueAt: cal ? addBusinessDuration(cal, now, duration) : addDuration(now, duration), cycle: null };
  }
  const first = firstCycleDue(text, now, cal?.timeZone);
  return { dueAt: first.dueAt, cycle: { expression: text.trim(), remaining: first.remaining } };
}

/** The next occurrence of a cycle after one due at `after`; null when the cycle is done. */
export function nextTimer(cycle: TimerCycle, after: Date, context: TimeContext = {}): { dueAt: Date; cycle: TimerCycle } | null {
  const timeZone = context.calendar === undefined ? undefined : BusinessCalendar.from(context.calendar).timeZone;
  const next = nextCycleDue(cycle.expression, cycle.remaining, after, timeZone);
  return next ? { dueAt: next.dueAt, cycle: { expression: cycle.expression, remaining: next.remaining } } : null;
}

/** Whether a duration is zero in every field (kept here for callers of the facade). */
export { isZero };
