/**
 * ISO 8601 durations (`P1Y2M10DT2H30M`, `PT15M`, `P2W`, `PT0.5S`) and
 * calendar-correct addition: years and months move the calendar date
 * (Jan 31 + P1M = Feb 28/29, clamped like java.time), days are calendar
 * days in UTC, and the time part is added in milliseconds. Nothing is ever
 * converted to milliseconds as a whole, so P100Y or P30D cannot overflow.
 */
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

/** Parses an ISO 8601 duration; throws naming the text when it is not one (negative durations are refused). */
export function parseDuration(text: string): IsoDuration {
  const match = PATTERN.exec(text.trim());
  if (!match) throw new Error(`'${text}' is not an ISO 8601 duration such as PT15M, P1D or P1M`);
  const n = (i: number) => (match[i] ? Number(match[i].replace(',', '.')) : 0);
  return { years: n(1), months: n(2), weeks: n(3), days: n(4), hours: n(5), minutes: n(6), seconds: n(7) };
}

/** Whether a duration is zero in every field. */
export function isZero(d: IsoDuration): boolean {
  return Object.values(d).every((v) => v === 0);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** Adds a duration to an instant: calendar fields first (years, months, weeks, days), then the time. */
export function addDuration(start: Date, d: IsoDuration): Date {
  const totalMonths = start.getUTCMonth() + d.years * 12 + d.months;
  const year = start.getUTCFullYear() + Math.floor(totalMonths / 12);
  const month = ((totalMonths % 12) + 12) % 12;
  const day = Math.min(start.getUTCDate(), daysInMonth(year, month));
  const date = new Date(start.getTime());
  date.setUTCFullYear(year, month, day);
  date.setUTCDate(date.getUTCDate() + d.weeks * 7 + d.days);
  const timeMs = ((d.hours * 60 + d.minutes) * 60 + d.seconds) * 1000;
  return new Date(date.getTime() + Math.round(timeMs));
}
