/**
 * What a piece of work costs on the wire to PostgreSQL: statements sent
 * (BEGIN/COMMIT/ROLLBACK counted apart) and round trips, i.e. how often a
 * connection sends while it has nothing unanswered, so pipelined statements
 * sent together count once. Counted for every pg connection of this process
 * (knex's, ours, the reference driver's) by hooking pg's client and
 * protocol connection once.
 */
import pg from 'pg';

/** Running totals since the hook was installed. */
export interface WireCounts {
  statements: number;
  control: number;
  roundTrips: number;
}

const counts: WireCounts = { statements: 0, control: 0, roundTrips: 0 };
const CONTROL = /^\s*(begin|commit|rollback|savepoint|release|start transaction)\b/i;
let installed = false;

type Outstanding = { __outstanding?: number; __rtHooked?: boolean };

/** Installs the counters (idempotent). */
export function countWire(): void {
  if (installed) return;
  installed = true;
  const Client = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = Client.query;
  Client.query = function (this: unknown, config: unknown, ...rest: unknown[]) {
    const text = typeof config === 'string' ? config : (config as { text?: string } | null)?.text;
    if (typeof text === 'string') {
      if (CONTROL.test(text)) counts.control += 1;
      else counts.statements += 1;
    }
    return query.call(this, config, ...rest);
  };
  const Connection = (pg as unknown as { Connection: { prototype: Record<string, (...args: unknown[]) => unknown> } }).Connection.prototype;
  const request = (name: 'sync' | 'query') => {
    const original = Connection[name];
    Connection[name] = function (this: Outstanding & { prependListener(event: string, fn: () => void): void }, ...args: unknown[]) {
      if (!this.__rtHooked) {
        this.__rtHooked = true;
        // before the client's own handler, which may send the next queued query at once
        this.prependListener('readyForQuery', () => {
          this.__outstanding = Math.max(0, (this.__outstanding ?? 0) - 1);
        });
      }
      if ((this.__outstanding ?? 0) === 0) counts.roundTrips += 1;
      this.__outstanding = (this.__outstanding ?? 0) + 1;
      return original.apply(this, args);
    };
  };
  request('sync');
  request('query');
}

/** The totals now (subtract two readings to measure a phase). */
export function wireCounts(): WireCounts {
  return { ...counts };
}

/** The difference of two readings. */
export function wireSince(before: WireCounts): WireCounts {
  return { statements: counts.statements - before.statements, control: counts.control - before.control, roundTrips: counts.roundTrips - before.roundTrips };
}
