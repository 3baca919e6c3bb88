/**
 * Time counted on a business calendar, on Temporal's zoned date-times.
 * Semantics of `addBusinessDuration`:
 * - hours, minutes and seconds are working time, counted from the next
 *   working moment: Mon 16:00 + PT2H = Tue 10:00 with 09:00–17:00 hours.
 *   Work that ends exactly at closing time ends then (Mon 09:00 + PT8H =
 *   Mon 17:00), not at the next opening;
 * - days are working days and weeks are working weeks (as many working days
 *   as the calendar has per week). A day keeps the time of day within
 *   working hours (Fri 10:00 + P1D = Mon 10:00, skipping holidays); a start
 *   outside working hours counts from the last closing before it, so one
 *   working day after Friday 17:00, Friday evening or Saturday is Monday at
 *   closing time (17:00), and one after Monday 07:00 is Monday 17:00;
 * - years and months move the calendar date (in the calendar's zone, Jan 31
 *   + P1M = Feb 28), then shift to the next working moment.
 */
import { Temporal } from 'temporal-polyfill';
import { BusinessCalendar, type BusinessCalendarDefinition } from './BusinessCalendar.js';
import { addDuration, parseDuration, timePartMs, type IsoDuration } from './isoDuration.js';
import { toDate, zoned } from './timeZone.js';

/** Either a validated calendar or its JSON definition (validated on the way in). */
export type CalendarLike = BusinessCalendar | BusinessCalendarDefinition;

const SEARCH_DAYS = 3660;
const DAY_MINUTES = 24 * 60;

const minuteOfDay = (z: Temporal.ZonedDateTime) => z.hour * 60 + z.minute + z.second / 60 + z.millisecond / 60_000;

/** The instant of `minutes` after local midnight of `date` (1440: midnight at the end of the day). */
function at(cal: BusinessCalendar, date: Temporal.PlainDate, minutes: number): Date {
  if (minutes >= DAY_MINUTES) return toDate(date.add({ days: 1 }).toZonedDateTime({ timeZone: cal.timeZone }));
  const plainTime = new Temporal.PlainTime(Math.floor(minutes / 60), minutes % 60);
  return toDate(date.toZonedDateTime({ timeZone: cal.timeZone, plainTime }));
}

/** Whether `instant` falls within working hours on a working day. */
export function isBusinessTime(calendar: CalendarLike, instant: Date): boolean {
  const cal = BusinessCalendar.from(calendar);
  const z = zoned(instant, cal.timeZone);
  const minute = minuteOfDay(z);
  return cal.isWorkingDate(z) && minute >= cal.opensAt && minute < cal.closesAt;
}

/** `instant` itself when it is business time, else the next opening. */
export function nextBusinessInstant(calendar: CalendarLike, instant: Date): Date {
  const cal = BusinessCalendar.from(calendar);
  const z = zoned(instant, cal.timeZone);
  const minute = minuteOfDay(z);
  if (cal.isWorkingDate(z) && minute < cal.closesAt) return minute >= cal.opensAt ? instant : at(cal, z.toPlainDate(), cal.opensAt);
  let day = z.toPlainDate();
  for (let i = 1; i <= SEARCH_DAYS; i++) {
    day = day.add({ days: 1 });
    if (cal.isWorkingDate(day)) return at(cal, day, cal.opensAt);
  }
  throw new Error(`the business calendar has no working day within ${SEARCH_DAYS} days of ${instant.toISOString()}`);
}

/** Where working days are counted from: a working date and a wall-clock time on it (closing time when outside hours). */
function dayAnchor(cal: BusinessCalendar, instant: Date): { date: Temporal.PlainDate; time: Temporal.PlainTime | 'closing' } {
  const z = zoned(instant, cal.timeZone);
  const minute = minuteOfDay(z);
  if (cal.isWorkingDate(z) && minute >= cal.opensAt) {
    return minute < cal.closesAt ? { date: z.toPlainDate(), time: z.toPlainTime() } : { date: z.toPlainDate(), time: 'closing' };
  }
  let day = z.toPlainDate();
  for (let i = 1; i <= SEARCH_DAYS; i++) {
    day = day.subtract({ days: 1 });
    if (cal.isWorkingDate(day)) return { date: day, time: 'closing' };
  }
  throw new Error(`the business calendar has no working day within ${SEARCH_DAYS} days before ${instant.toISOString()}`);
}

function plusWorkingDays(cal: BusinessCalendar, from: Date, days: number): Date {
  if (days > SEARCH_DAYS) throw new Error(`${days} working days is too long for a business calendar; use years or months`);
  const anchor = dayAnchor(cal, from);
  let day = anchor.date;
  for (let counted = 0; counted < days; ) {
    day = day.add({ days: 1 });
    if (cal.isWorkingDate(day)) counted++;
  }
  if (anchor.time === 'closing') return at(cal, day, cal.closesAt);
  return toDate(day.toZonedDateTime({ timeZone: cal.timeZone, plainTime: anchor.time }));
}

function plusWorkingTime(cal: BusinessCalendar, from: Date, ms: number): Date {
  if (ms > SEARCH_DAYS * cal.dayMinutes * 60_000) throw new Error('the duration is too long to count in working hours; use days, months or years');
  let current = from;
  for (let left = ms; left > 0; ) {
    if (!isBusinessTime(cal, current)) current = nextBusinessInstant(cal, current);
    const closing = at(cal, zoned(current, cal.timeZone).toPlainDate(), cal.closesAt).getTime();
    if (left <= closing - current.getTime()) return new Date(current.getTime() + left);
    left -= closing - current.getTime();
    current = new Date(closing);
  }
  return current;
}

/** Adds a duration counted in working time (see the file comment for what each field means). */
export function addBusinessDuration(calendar: CalendarLike, start: Date, duration: IsoDuration | string): Date {
  const cal = BusinessCalendar.from(calendar);
  const d = typeof duration === 'string' ? parseDuration(duration) : duration;
  let current = start;
  if (d.years || d.months) {
    const months = Temporal.Duration.from({ years: d.years, months: d.months });
    current = nextBusinessInstant(cal, addDuration(nextBusinessInstant(cal, start), months, cal.timeZone));
  }
  const days = d.days + d.weeks * cal.workingDays.size;
  current = days > 0 ? plusWorkingDays(cal, current, days) : nextBusinessInstant(cal, current);
  return plusWorkingTime(cal, current, timePartMs(d));
}

/** Adds `ms` of working time, counted from the next working moment (SLA thresholds given as a share of a target). */
export function addWorkingMillis(calendar: CalendarLike, start: Date, ms: number): Date {
  const cal = BusinessCalendar.from(calendar);
  return plusWorkingTime(cal, nextBusinessInstant(cal, start), Math.max(0, Math.round(ms)));
}

/** Working time between two instants, in milliseconds (0 when `to` is not after `from`). */
export function workingMillisBetween(calendar: CalendarLike, from: Date, to: Date): number {
  const cal = BusinessCalendar.from(calendar);
  let total = 0;
  let current = nextBusinessInstant(cal, from);
  for (let i = 0; current.getTime() < to.getTime() && i <= SEARCH_DAYS; i++) {
    const closing = at(cal, zoned(current, cal.timeZone).toPlainDate(), cal.closesAt).getTime();
    total += Math.min(closing, to.getTime()) - current.getTime();
    current = nextBusinessInstant(cal, new Date(closing));
  }
  return Math.max(0, total);
}
