/**
 * ISO 8601 date-times for timers. A value with `Z` or an offset
 * (`+01:00`, `+0100`, `+01`) is that instant; one with an IANA zone as FEEL
 * writes it (`2026-03-01T09:00:00@Europe/Berlin`, or `[Europe/Berlin]`) is
 * the wall-clock time there (with both, as java.time writes
 * `+01:00[Europe/Berlin]`, the offset decides). A value without any zone is read as UTC:
 * timers have no implicit local time zone, so a model means the same thing
 * on every server. A plain date (`2026-03-01`) means midnight UTC that day.
 */
import { assertTimeZone, fromLocal } from './timeZone.js';

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?(?:@([\w/+-]+)|\[([\w/+-]+)\])?)?$/i;

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

function offsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return sign * minutes;
}

/** Parses an ISO 8601 date or date-time; throws naming the text and what is wrong with it. */
export function parseDateTime(text: string): Date {
  const match = DATE_TIME.exec(text.trim());
  if (!match) throw new Error(`'${text}' is not an ISO 8601 date-time such as 2026-03-01T09:00:00Z`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', offset, zoneA, zoneB] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  const millisecond = Number(frac.slice(0, 3).padEnd(3, '0'));
  if (month < 1 || month > 12) throw new Error(`'${text}' is not a valid date-time: there is no month ${month}`);
  if (day < 1 || day > daysInMonth(year, month)) throw new Error(`'${text}' is not a valid date-time: ${y}-${mo} has no day ${day}`);
  if (hour > 23 || minute > 59 || second > 59) throw new Error(`'${text}' is not a valid date-time: ${h}:${mi}:${s} is not a time of day`);
  if (offset && Math.abs(offsetMinutes(offset)) > 18 * 60) throw new Error(`'${text}' is not a valid date-time: offset ${offset} is out of range`);
  const zone = zoneA ?? zoneB;
  if (zone) assertTimeZone(zone);
  if (zone && !offset) {
    return fromLocal({ year, month, day, hour, minute, second, millisecond }, zone);
  }
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, millisecond);
  return new Date(wall.getTime() - (offset ? offsetMinutes(offset) : 0) * 60_000);
}
