/**
 * IANA time zones without a dependency: `Intl.DateTimeFormat` tells the
 * wall-clock time of an instant in a zone, and local times are turned back
 * into instants the way java.time does it (a time in a DST gap moves
 * forward by the gap; a time in an overlap takes the earlier instant).
 */

/** A wall-clock date and time, in no particular zone (month 1–12). */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();
const DAY_MS = 86_400_000;

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** Whether `timeZone` is an IANA zone (or `UTC`) this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Throws naming the zone when it is unknown; used before any zoned arithmetic. */
export function assertTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) throw new Error(`'${timeZone}' is not a known IANA time zone such as Europe/Berlin`);
}

/** The wall-clock time of `instant` in `timeZone`. */
export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const millisecond = ((instant.getTime() % 1000) + 1000) % 1000;
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second, millisecond };
}

/** A local date-time as if it were UTC, in milliseconds: the currency of wall-clock arithmetic. */
export function localMs(local: LocalDateTime): number {
  const date = new Date(Date.UTC(2000, 0, 1, local.hour, local.minute, local.second, local.millisecond));
  date.setUTCFullYear(local.year, local.month - 1, local.day);
  return date.getTime();
}

/** The zone's offset from UTC at `instant`, in milliseconds (east positive). */
export function offsetAt(instant: number, timeZone: string): number {
  const floored = Math.floor(instant / 1000) * 1000;
  return localMs(toLocal(new Date(floored), timeZone)) - floored;
}

/** The instant at which the wall clock in `timeZone` shows `local` (gaps move forward, overlaps take the earlier). */
export function fromLocal(local: LocalDateTime, timeZone: string): Date {
  const wall = localMs(local);
  const before = offsetAt(wall - DAY_MS, timeZone);
  const after = offsetAt(wall + DAY_MS, timeZone);
  const valid = [before, after].map((offset) => wall - offset).filter((instant) => offsetAt(instant, timeZone) === wall - instant);
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(wall - before);
}

/** The ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCDay() === 0 ? 7 : date.getUTCDay();
}

/** The calendar date `days` after the given one (negative goes back). */
export function plusDays(local: LocalDateTime, days: number): LocalDateTime {
  const date = new Date(localMs(local));
  date.setUTCDate(date.getUTCDate() + days);
  return { ...local, year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
