/**
 * ISO 8601 date-times for timers. A value with `Z` or an offset is that
 * instant; a value without one is read as UTC (timers have no implicit
 * local time zone); a plain date means midnight UTC of that day.
 */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parses an ISO 8601 date or date-time; throws naming the text when it is not one. */
export function parseDateTime(text: string): Date {
  const trimmed = text.trim();
  const match = DATE_TIME.exec(trimmed);
  if (!match) throw new Error(`'${text}' is not an ISO 8601 date-time such as 2026-03-01T09:00:00Z`);
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone] = match;
  const base = `${y}-${mo}-${d}T${h}:${mi}:${s}${frac ? `.${frac.slice(0, 3).padEnd(3, '0')}` : ''}`;
  const offset = !zone || zone === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const date = new Date(base + offset);
  if (Number.isNaN(date.getTime()) || Number(mo) > 12 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    throw new Error(`'${text}' is not a valid date-time`);
  }
  return date;
}
