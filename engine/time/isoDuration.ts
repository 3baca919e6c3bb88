/**
 * ISO 8601 durations (`P1Y2M10DT2H30M`, `PT15M`, `P2W`, `PT0.5S`) as
 * Temporal durations, and calendar-correct addition by Temporal: years and
 * months move the calendar date (Jan 31 + P1M = Feb 28/29, clamped as
 * java.time and Temporal do), weeks and days are calendar days (in UTC, or
 * in a given time zone, where they keep the wall-clock time across DST), and
 * the time part is exact elapsed time. Negative durations are refused: a
 * timer cannot be due before it was armed.
 */
import { Temporal } from 'temporal-polyfill';
import { assertTimeZone, toDate, zoned } from './timeZone.js';

/** A parsed duration (a Temporal.Duration; only the smallest unit may be fractional when written). */
export type IsoDuration = Temporal.Duration;

const LIMIT = 100_000_000;
const FIELDS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds', 'nanoseconds'] as const;

/** Parses an ISO 8601 duration; throws naming the text when it is not one (or is negative). */
export function parseDuration(text: string): IsoDuration {
  const trimmed = text.trim();
  if (trimmed.startsWith('-')) throw new Error(`'${text}' is a negative duration; a timer needs a positive one such as PT1H`);
  let duration: Temporal.Duration;
  try {
    duration = Temporal.Duration.from(trimmed.toUpperCase());
  } catch {
    throw new Error(`'${text}' is not an ISO 8601 duration such as PT15M, P1D or P1M`);
  }
  if (FIELDS.some((field) => duration[field] > LIMIT)) throw new Error(`'${text}' is too long a duration`);
  return duration;
}

/** Whether a duration is zero in every field. */
export function isZero(d: IsoDuration): boolean {
  return d.blank;
}

/** The duration `times` times over (for the n-th occurrence of a repeating interval). */
export function scaleDuration(d: IsoDuration, times: number): IsoDuration {
  const fields: Record<string, number> = {};
  for (const field of FIELDS) fields[field] = d[field] * times;
  return Temporal.Duration.from(fields);
}

/** The time part (hours down to nanoseconds) as elapsed milliseconds. */
export function timePartMs(d: IsoDuration): number {
  return Temporal.Duration.from({ hours: d.hours, minutes: d.minutes, seconds: d.seconds, milliseconds: d.milliseconds, microseconds: d.microseconds, nanoseconds: d.nanoseconds }).total('milliseconds');
}

/** The date part (years, months, weeks, days) alone. */
export function datePart(d: IsoDuration): IsoDuration {
  return Temporal.Duration.from({ years: d.years, months: d.months, weeks: d.weeks, days: d.days });
}

/**
 * Adds a duration to an instant: the date part on the calendar of
 * `timeZone` (UTC when omitted), then the time part as elapsed time.
 * Throws when the result is beyond what a Date can hold.
 */
export function addDuration(start: Date, d: IsoDuration, timeZone = 'UTC'): Date {
  if (Number.isNaN(start.getTime())) throw new Error('cannot add a duration to an invalid date');
  assertTimeZone(timeZone);
  let result: Date;
  try {
    result = toDate(zoned(start, timeZone).add(datePart(d)).add({ milliseconds: Math.round(timePartMs(d)) }));
  } catch {
    throw new Error(`${start.toISOString()} plus the duration is beyond the supported range of dates`);
  }
  if (Number.isNaN(result.getTime())) throw new Error(`${start.toISOString()} plus the duration is beyond the supported range of dates`);
  return result;
}
