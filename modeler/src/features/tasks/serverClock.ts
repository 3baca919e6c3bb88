/**
 * The server's clock as the browser last saw it: "overdue", "due today" and
 * "due in 2 hours" must agree with what the server's filters find, even when
 * the two clocks differ. Every task page carries the server's `now`.
 */
let offsetMs = 0;

/** Remembers the server's time (ISO 8601) as of this moment. */
export function noteServerNow(iso: string): void {
  const server = Date.parse(iso);
  if (!Number.isNaN(server)) offsetMs = server - Date.now();
}

/** Now, by the server's clock. */
export function serverNow(): Date {
  return new Date(Date.now() + offsetMs);
}
