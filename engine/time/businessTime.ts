/**
 * Time counted on a business calendar. Semantics of `addBusinessDuration`:
 * - counting starts at the next working moment (a start outside working
 *   hours starts at the next opening);
 * - years and months move the calendar date (in the calendar's zone, Jan 31
 *   + P1M = Feb 28), then shift to the next working moment;
 * - days are working days and weeks are working weeks (as many working days
 *   as the calendar has per week): Mon 10:00 + P1D = Tue 10:00, Fri 10:00 +
 *   P1D = Mon 10:00, skipping holidays; the time of day is kept;
 * - hours, minutes and seconds are working time: Mon 16:00 + PT2H = Tue
 *   10:00 with 09:00–17:00 hours. Work that ends exactly at closing time
 *   ends then (Mon 09:00 + PT8H = Mon 17:00), not at the next opening.
 */
import { BusinessCalendar, type BusinessCalendarDefinition } from './BusinessCalendar.js';
import { addDuration, parseDuration, timePartMs, type IsoDuration } from './isoDuration.js';
import { fromLocal, plusDays, toLocal, type LocalDateTime } from './timeZone.js';

/** Either a validated calendar or its JSON definition (validated on the way in). */
export type CalendarLike = BusinessCalendar | BusinessCalendarDefinition;

const SEARCH_DAYS = 3660;

const minuteOfDay = (local: LocalDateTime) => local.hour * 60 + local.minute + local.second / 60 + local.millisecond / 60_000;

function at(local: LocalDateTime, minutes: number, timeZone: string): Date {
  const day = minutes === 24 * 60 ? plusDays(local, 1) : local;
  const m = minutes % (24 * 60);
  return fromLocal({ ...day, hour: Math.floor(m / 60), minute: m % 60, second: 0, millisecond: 0 }, timeZone);
}

/** Whether `instant` falls within working hours on a working day. */
export function isBusinessTime(calendar: CalendarLike, instant: Date): boolean {
  const cal = BusinessCalendar.from(calendar);
  const local = toLocal(instant, cal.timeZone);
  const minute = minuteOfDay(local);
  return cal.isWorkingDate(local) && minute >= cal.opensAt && minute < cal.closesAt;
}

/** `instant` itself when it is business time, else the next opening. */
export function nextBusinessInstant(calendar: CalendarLike, instant: Date): Date {
  const cal = BusinessCalendar.from(calendar);
  const local = toLocal(instant, cal.timeZone);
  const minute = minuteOfDay(local);
  if (cal.isWorkingDate(local) && minute < cal.closesAt) return minute >= cal.opensAt ? instant : at(local, cal.opensAt, cal.timeZone);
  for (let i = 1; i <= SEARCH_DAYS; i++) {
    const day = plusDays(local, i);
    if (cal.isWorkingDate(day)) return at(day, cal.opensAt, cal.timeZone);
  }
  throw new Error(`the business calendar has no working day within ${SEARCH_DAYS} days of ${instant.toISOString()}`);
}

function plusWorkingDays(cal: BusinessCalendar, from: Date, days: number): Date {
  if (days > SEARCH_DAYS) throw new Error(`${days} working days is too long for a business calendar; use years or months`);
  let day = toLocal(from, cal.timeZone);
  for (let counted = 0; counted < days; ) {
    day = plusDays(day, 1);
    if (cal.isWorkingDate(day)) counted++;
  }
  return nextBusinessInstant(cal, fromLocal(day, cal.timeZone));
}

function plusWorkingTime(cal: BusinessCalendar, from: Date, ms: number): Date {
  if (ms > SEARCH_DAYS * (cal.closesAt - cal.opensAt) * 60_000) {
    throw new Error('the duration is too long to count in working hours; use days, months or years');
  }
  let current = from;
  for (let left = ms; left > 0; ) {
    const closing = at(toLocal(current, cal.timeZone), cal.closesAt, cal.timeZone).getTime();
    if (left <= closing - current.getTime()) return new Date(current.getTime() + left);
    left -= closing - current.getTime();
    current = nextBusinessInstant(cal, new Date(closing));
  }
  return current;
}

/** Adds a duration counted in working time (see the file comment for what each field means). */
export function addBusinessDuration(calendar: CalendarLike, start: Date, duration: IsoDuration | string): Date {
  const cal = BusinessCalendar.from(calendar);
  const d = typeof duration === 'string' ? parseDuration(duration) : duration;
  let current = nextBusinessInstant(cal, start);
  if (d.years || d.months) {
    const months = { years: d.years, months: d.months, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
    current = nextBusinessInstant(cal, addDuration(current, months, cal.timeZone));
  }
  const days = d.days + d.weeks * cal.workingDays.size;
  if (days > 0) current = plusWorkingDays(cal, current, days);
  return plusWorkingTime(cal, current, timePartMs(d));
}
