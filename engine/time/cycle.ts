/**
 * Timer cycles: ISO 8601 repeating intervals and cron expressions.
 *
 * - `R5/PT1H` fires 5 times, the first one interval after it is armed;
 *   `R/PT10M` never stops. Each next occurrence is one interval after the
 *   previous one was due.
 * - `R3/2026-03-01T09:00:00Z/P1D` fires at the start (when it lies ahead, as
 *   Camunda does), then at start + n × interval, without drift (a monthly
 *   cycle from Jan 31 fires Feb 28, Mar 31, Apr 30). A start in the past
 *   begins with the first occurrence at or after now, and the occurrences
 *   already past count as spent; a bounded cycle with none left is an error.
 * - Cron: 5 fields (`*\/15 * * * *`), 6 with seconds first as Camunda 8 and
 *   Spring write them (`0 0 9 * * MON-FRI`), or a macro such as `@daily`.
 *   Cron cycles never end.
 *
 * `remaining` counts the repetitions left after the occurrence being
 * scheduled; null means unbounded. Calendar arithmetic and cron fields use
 * `timeZone` (UTC unless given).
 */
import { CronExpressionParser } from 'cron-parser';
import { addDuration, isZero, parseDuration, scaleDuration, timePartMs, type IsoDuration } from './isoDuration.js';
import { parseDateTime } from './isoDate.js';

/** One scheduled occurrence of a cycle. */
export interface CycleDue {
  dueAt: Date;
  remaining: number | null;
}

interface Repeating {
  repetitions: number | null;
  start: Date | null;
  interval: IsoDuration;
}

const DAY_MS = 86_400_000;

function parseRepeating(expression: string, timeZone = 'UTC'): Repeating {
  const text = expression.trim();
  const [first, last] = [text.indexOf('/'), text.lastIndexOf('/')];
  const head = /^R(\d*)$/i.exec(text.slice(0, first));
  if (!head || first < 0) throw new Error(`'${expression}' is not a repeating interval such as R5/PT1H or R/2026-03-01T09:00:00Z/P1D`);
  const within = <T>(read: () => T): T => {
    try {
      return read();
    } catch (e) {
      throw new Error(`'${expression}': ${(e as Error).message}`);
    }
  };
  const repetitions = head[1] === '' ? null : Number(head[1]);
  const start = first === last ? null : within(() => parseDateTime(text.slice(first + 1, last), timeZone));
  const interval = within(() => parseDuration(text.slice(last + 1)));
  if (isZero(interval)) throw new Error(`'${expression}' repeats every zero seconds`);
  if (approxMs(interval) < 1) throw new Error(`'${expression}' repeats more often than once a millisecond`);
  if (repetitions === 0) throw new Error(`'${expression}' repeats zero times`);
  return { repetitions, start, interval };
}

const isCron = (expression: string) => !/^R/i.test(expression.trim());

function cronNext(expression: string, after: Date, timeZone: string): Date {
  const trimmed = expression.trim();
  const fields = trimmed.split(/\s+/).length;
  if (!trimmed.startsWith('@') && (fields < 5 || fields > 6)) {
    const asDuration = /^P/i.test(trimmed) ? ` ('${trimmed}' is a duration: a cycle repeats one, as in R/${trimmed} or R5/${trimmed})` : '';
    throw new Error(`'${expression}' is neither a repeating interval (R5/PT1H) nor a cron expression of 5 or 6 fields${asDuration}`);
  }
  try {
    return CronExpressionParser.parse(trimmed, { currentDate: after, tz: timeZone }).next().toDate();
  } catch (e) {
    throw new Error(`'${expression}' is not a cron expression: ${(e as Error).message}`);
  }
}

function approxMs(d: IsoDuration): number {
  return ((d.years * 12 + d.months) * 30.436875 + d.weeks * 7 + d.days) * DAY_MS + timePartMs(d);
}

/** The index of the first occurrence at (or, when `strictly`, after) `t`; occurrence n is start + n × interval. */
function indexFrom(cycle: Repeating & { start: Date }, t: Date, strictly: boolean, timeZone: string): { index: number; at: Date } {
  const at = (n: number) => addDuration(cycle.start, scaleDuration(cycle.interval, n), timeZone);
  const fits = (n: number) => (strictly ? at(n).getTime() > t.getTime() : at(n).getTime() >= t.getTime());
  let n = Math.max(0, Math.floor((t.getTime() - cycle.start.getTime()) / approxMs(cycle.interval)));
  while (n > 0 && fits(n - 1)) n--;
  while (!fits(n)) n++;
  return { index: n, at: at(n) };
}

/** Checks a cycle expression; throws with a message naming what is wrong. */
export function validateCycle(expression: string): void {
  if (isCron(expression)) cronNext(expression, new Date(0), 'UTC');
  else parseRepeating(expression);
}

/** The first occurrence of a cycle armed at `now`. */
export function firstCycleDue(expression: string, now: Date, timeZone = 'UTC'): CycleDue {
  if (isCron(expression)) return { dueAt: cronNext(expression, now, timeZone), remaining: null };
  const cycle = parseRepeating(expression, timeZone);
  const left = (fired: number) => (cycle.repetitions === null ? null : cycle.repetitions - fired);
  if (!cycle.start) return { dueAt: addDuration(now, cycle.interval, timeZone), remaining: left(1) };
  const { index, at } = indexFrom({ ...cycle, start: cycle.start }, now, false, timeZone);
  if (cycle.repetitions !== null && index >= cycle.repetitions) {
    throw new Error(`'${expression}' has no repetition left: the last was due ${addDuration(cycle.start, scaleDuration(cycle.interval, cycle.repetitions - 1), timeZone).toISOString()}`);
  }
  return { dueAt: at, remaining: left(index + 1) };
}

/** The occurrence after the one that was due at `after`, or null when no repetition is left. */
export function nextCycleDue(expression: string, remaining: number | null, after: Date, timeZone = 'UTC'): CycleDue | null {
  if (remaining !== null && remaining <= 0) return null;
  const countDown = remaining === null ? null : remaining - 1;
  if (isCron(expression)) return { dueAt: cronNext(expression, after, timeZone), remaining: countDown };
  const cycle = parseRepeating(expression, timeZone);
  if (!cycle.start) return { dueAt: addDuration(after, cycle.interval, timeZone), remaining: countDown };
  return { dueAt: indexFrom({ ...cycle, start: cycle.start }, after, true, timeZone).at, remaining: countDown };
}
