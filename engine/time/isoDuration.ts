/**
 * ISO 8601 durations (`P1Y2M10DT2H30M`, `PT15M`, `P2W`, `PT0.5S`) and
 * calendar-correct addition: years and months move the calendar date
 * (Jan 31 + P1M = Feb 28/29, clamped like java.time and Luxon), weeks and
 * days are calendar days (in UTC, or in a given time zone, where they keep
 * the wall-clock time across DST), and the time part is exact elapsed time.
 * Nothing is ever converted to milliseconds as a whole, so P100Y or P30D
 * cannot overflow. Negative durations are refused: a timer cannot be due
 * before it was armed.
 */
import { assertTimeZone, fromLocal, localMs, toLocal, type LocalDateTime } from './timeZone.js';

/** A parsed duration; only `seconds` may be fractional. */
export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const PATTERN = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/;
const LIMIT = 100_000_000;

/** Parses an ISO 8601 duration; throws naming the text when it is not one (or is negative). */
export function parseDuration(text: string): IsoDuration {
  const trimmed = text.trim();
  if (trimmed.startsWith('-')) throw new Error(`'${text}' is a negative duration; a timer needs a positive one such as PT1H`);
  const match = PATTERN.exec(trimmed);
  if (!match) throw new Error(`'${text}' is not an ISO 8601 duration such as PT15M, P1D or P1M`);
  const n = (i: number) => (match[i] ? Number(match[i].replace(',', '.')) : 0);
  const duration = { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
  if (Object.values(duration).some((v) => v > LIMIT)) throw new Error(`'${text}' is too long a duration`);
  return duration;
}

/** Whether a duration is zero in every field. */
export function isZero(d: IsoDuration): boolean {
  return Object.values(d).every((v) => v === 0);
}

/** The duration `times` times over (for the n-th occurrence of a repeating interval). */
export function scaleDuration(d: IsoDuration, times: number): IsoDuration {
  return {
    years: d.years * times,
    months: d.months * times,
    weeks: d.weeks * times,
    days: d.days * times,
    hours: d.hours * times,
    minutes: d.minutes * times,
    seconds: d.seconds * times,
  };
}

/** The time part (hours, minutes, seconds) as elapsed milliseconds. */
export function timePartMs(d: IsoDuration): number {
  return Math.round(((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000);
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/** Moves a wall-clock date by whole months, clamping the day to the target month's length. */
export function plusMonths(local: LocalDateTime, months: number): LocalDateTime {
  const total = local.month - 1 + months;
  const year = local.year + Math.floor(total / 12);
  const month = (((total % 12) + 12) % 12) + 1;
  return { ...local, year, month, day: Math.min(local.day, daysInMonth(year, month)) };
}

/**
 * Adds a duration to an instant: years and months, then weeks and days, on
 * the calendar of `timeZone` (UTC when omitted), then the time part as
 * elapsed time. Throws when the result is beyond what a Date can hold.
 */
export function addDuration(start: Date, d: IsoDuration, timeZone = 'UTC'): Date {
  if (Number.isNaN(start.getTime())) throw new Error('cannot add a duration to an invalid date');
  const beyond = () => new Error(`${start.toISOString()} plus the duration is beyond the supported range of dates`);
  let moved: Date;
  if (timeZone === 'UTC') {
    const local = plusMonths(toUtcLocal(start), d.years * 12 + d.months);
    moved = new Date(localMs(local) + (d.weeks * 7 + d.days) * 86_400_000);
  } else {
    assertTimeZone(timeZone);
    const local = plusMonths(toLocal(start, timeZone), d.years * 12 + d.months);
    const date = new Date(localMs(local));
    date.setUTCDate(date.getUTCDate() + d.weeks * 7 + d.days);
    if (Number.isNaN(date.getTime())) throw beyond();
    moved = fromLocal({ ...local, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }, timeZone);
  }
  const result = new Date(moved.getTime() + timePartMs(d));
  if (Number.isNaN(result.getTime())) throw beyond();
  return result;
}

function toUtcLocal(date: Date): LocalDateTime {
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: date.getUTCMilliseconds(),
  };
}
