/**
 * IANA time zones through Temporal (temporal-polyfill, the implementation
 * feelin already uses for FEEL dates): instants seen on a zone's wall clock,
 * and wall-clock times turned back into instants the way java.time and
 * Temporal's `compatible` disambiguation do it (a time in a DST gap moves
 * forward by the gap; a time in an overlap takes the earlier instant).
 */
import { Temporal } from 'temporal-polyfill';

/** Whether `timeZone` is an IANA zone (or `UTC`) this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Temporal.ZonedDateTime(0n, timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Throws naming the zone when it is unknown; used before any zoned arithmetic. */
export function assertTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) throw new Error(`'${timeZone}' is not a known IANA time zone such as Europe/Berlin`);
}

/** `instant` on the wall clock of `timeZone`. */
export function zoned(instant: Date, timeZone: string): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone);
}

/** The instant of a zoned date-time, as the Date the engine stores. */
export function toDate(value: Temporal.ZonedDateTime | Temporal.Instant): Date {
  return new Date(value.epochMilliseconds);
}

/** The instant at which the wall clock in `timeZone` shows `local` (gaps move forward, overlaps take the earlier). */
export function fromLocal(local: Temporal.PlainDateTime, timeZone: string): Date {
  return toDate(local.toZonedDateTime(timeZone, { disambiguation: 'compatible' }));
}
