/** Figures as managers read them: durations in days, hours and minutes, shares in percent, days and times. */

const MINUTE = 60_000;

/** "2 h 30 min", "3 d 4 h", "45 s", "—" for nothing measured. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  if (ms < MINUTE) return `${Math.round(ms / 1000)} s`;
  const minutes = Math.round(ms / MINUTE);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days) return hours ? `${days} d ${hours} h` : `${days} d`;
  if (hours) return rest ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}

/** A duration as decimal hours for spreadsheets ("2.5"), empty for nothing measured. */
export const hours = (ms: number | null | undefined): string => (ms === null || ms === undefined ? '' : (ms / 3_600_000).toFixed(2));

/** "70 %", "—" when nothing was judged. */
export const formatShare = (share: number | null | undefined): string => (share === null || share === undefined ? '—' : `${Math.round(share * 1000) / 10} %`);

const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** A local day (YYYY-MM-DD) as "9 Mar 2026". */
export const formatDay = (isoDay: string): string => day.format(new Date(`${isoDay}T00:00:00Z`));

/** A moment in the browser's zone, "9 Mar, 14:30". */
export const formatDateTime = (iso: string | null | undefined): string => (iso ? dateTime.format(new Date(iso)) : '—');

/** How a bucket is named: "9 Mar 2026", "Week of 9 Mar 2026", "March 2026". */
export function bucketLabel(start: string, bucket: 'day' | 'week' | 'month'): string {
  if (bucket === 'week') return `Week of ${formatDay(start)}`;
  if (bucket === 'month') return new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${start}T00:00:00Z`));
  return formatDay(start);
}
