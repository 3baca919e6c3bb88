/**
 * ISO 8601 date-times, read by Temporal. A value with `Z` or an offset
 * (`+01:00`, `+0100`, `+01`) is that instant; one with an IANA zone as FEEL
 * writes it (`2026-03-01T09:00:00@Europe/Berlin`, or `[Europe/Berlin]`) is
 * the wall-clock time there (with both, as java.time writes
 * `+01:00[Europe/Berlin]`, the offset decides). A value without any zone is
 * wall-clock time in `defaultZone`: UTC for a model without a business
 * calendar, the calendar's zone otherwise, never the server's. A plain date
 * (`2026-03-01`) means midnight that day.
 */
import { Temporal } from 'temporal-polyfill';
import { assertTimeZone, fromLocal, toDate } from './timeZone.js';

const SHAPE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)(Z|[+-]\d{2}(?::?\d{2})?)?(?:@([\w/+-]+)|\[([\w/+-]+)\])?)?$/i;

/** Parses an ISO 8601 date or date-time; throws naming the text and what is wrong with it. */
export function parseDateTime(text: string, defaultZone = 'UTC'): Date {
  const match = SHAPE.exec(text.trim());
  if (!match) throw new Error(`'${text}' is not an ISO 8601 date-time such as 2026-03-01T09:00:00Z`);
  const [, date, time = '00:00', offset, zoneA, zoneB] = match;
  const zone = zoneA ?? zoneB;
  if (zone) assertTimeZone(zone);
  try {
    const local = Temporal.PlainDateTime.from(`${date}T${time.replace(',', '.')}`, { overflow: 'reject' });
    if (offset) {
      const instant = Temporal.Instant.from(`${local.toString()}${offset.toUpperCase() === 'Z' ? 'Z' : normaliseOffset(offset)}`);
      return toDate(instant);
    }
    return fromLocal(local, zone ?? defaultZone);
  } catch (e) {
    const reason = (e as Error).message.startsWith('Cannot parse') ? 'its month, day or time of day is out of range' : (e as Error).message;
    throw new Error(`'${text}' is not a valid date-time: ${reason}`);
  }
}

function normaliseOffset(offset: string): string {
  const digits = offset.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  if (minutes > 18 * 60) throw new Error(`offset ${offset} is out of range`);
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2) || '00'}`;
}
