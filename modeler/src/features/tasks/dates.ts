/**
 * Dates as people read them in a task list: "Overdue by 2 days", "Due
 * today, 14:00", "Due tomorrow, 09:00", "Due in 3 days", or the date.
 * Local time zone and language of the browser.
 */
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const date = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const formatDateTime = (iso: string) => dateTime.format(new Date(iso));

/** The day (local midnight to midnight) that holds `at`. */
export function dayOf(at: Date): { start: Date; end: Date } {
  const start = new Date(at.getFullYear(), at.getMonth(), at.getDate());
  const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
  return { start, end };
}

/** "3 days", "1 hour", "20 minutes": a rough length of time. */
export function roughly(ms: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (ms >= 2 * DAY) return plural(Math.floor(ms / DAY), 'day');
  if (ms >= DAY) return '1 day';
  if (ms >= HOUR) return plural(Math.floor(ms / HOUR), 'hour');
  return plural(Math.max(1, Math.floor(ms / MINUTE)), 'minute');
}

export type DueTone = 'overdue' | 'today' | 'soon' | 'later';

/** How to say a due date, and how urgent it looks. `overdue` is the server's judgement. */
export function describeDue(dueAt: string, overdue: boolean, now: Date): { text: string; tone: DueTone } {
  const due = new Date(dueAt);
  const left = due.getTime() - now.getTime();
  if (overdue || left < 0) return { text: `Overdue by ${roughly(Math.max(0, -left))}`, tone: 'overdue' };
  const today = dayOf(now);
  if (due < today.end) return { text: `Due today, ${time.format(due)}`, tone: 'today' };
  const tomorrowEnd = new Date(today.end.getTime() + DAY);
  if (due < tomorrowEnd) return { text: `Due tomorrow, ${time.format(due)}`, tone: 'soon' };
  if (left < 7 * DAY) return { text: `Due in ${roughly(left)}`, tone: 'soon' };
  return { text: `Due ${date.format(due)}`, tone: 'later' };
}
