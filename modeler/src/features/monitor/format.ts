/** Times as managers read them: a date and time in their locale, and "3 h ago". */

const dateTime = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const day = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'long', year: 'numeric' });

export const formatDateTime = (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '—');
export const formatTime = (iso: string) => time.format(new Date(iso));
export const formatDay = (iso: string) => day.format(new Date(iso));

const UNITS: [number, string, string][] = [[60, 's', 's'], [60, 'min', 'min'], [24, 'h', 'h'], [30, 'day', 'days'], [12, 'month', 'months'], [Infinity, 'year', 'years']];

/** How far the server's clock is ahead of this browser's (the server judges what is overdue; relative times follow it). */
let serverOffset = 0;

/** Takes the server's "now" from an answer. */
export function syncServerClock(now: string): void {
  const offset = new Date(now).getTime() - Date.now();
  if (Number.isFinite(offset)) serverOffset = offset;
}

/** Now, by the server's clock. */
export const serverNow = () => Date.now() + serverOffset;

/** "just now", "5 min ago", "3 h ago", "in 2 days" (by the server's clock; a few seconds ahead count as now). */
export function formatRelative(iso: string | null | undefined, now = serverNow()): string {
  if (!iso) return '—';
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const future = seconds > 60;
  let value = Math.abs(seconds);
  if (!future && value < 45) return 'just now';
  for (const [size, one, many] of UNITS) {
    const unit = value === 1 ? one : many;
    if (value < size) return future ? `in ${value} ${unit}` : `${value} ${unit} ago`;
    value = Math.round(value / size);
  }
  return formatDateTime(iso);
}

/** A JSON value in one line, shortened to `max` characters. */
export function formatValue(value: unknown, max = 120): string {
  const text = JSON.stringify(value) ?? 'null';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
