/**
 * The virtual clock in people's terms: on the wall clock of the default
 * business calendar's zone (where "one working day" is counted), and the
 * value a datetime-local input needs for a moment there.
 */

/** "Fri, 9 Jan 2026, 16:30" in `zone`. */
export function formatMoment(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: zone }).format(new Date(iso));
}

/** "16:30" in `zone`, for lines of the same day. */
export function formatTime(iso: string, zone: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'short', hour: '2-digit', minute: '2-digit', timeZone: zone }).format(new Date(iso));
}

/** `YYYY-MM-DDTHH:mm` of `date` on the wall clock of `zone` (a datetime-local input's value). */
export function wallClockInput(date: Date, zone: string): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: zone }).formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
