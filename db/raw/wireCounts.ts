/**
 * What a piece of work costs on the wire to PostgreSQL, for the bench and
 * the round-trip budget tests: statements sent (BEGIN/COMMIT/ROLLBACK
 * counted apart) and round trips, i.e. how often a connection sends while
 * it has nothing unanswered, so pipelined statements sent together count
 * once. Counted per connection for every pg connection of this process
 * (knex's, the Store's, the bench's reference driver) once `countWire()`
 * hooked pg's client and protocol connection; nothing is counted before.
 * Totals are for the whole process, or for the connections of one knex.
 */
import type { Knex } from 'knex';
import pg from 'pg';

/** Running totals since the hook was installed. */
export interface WireCounts {
  statements: number;
  control: number;
  roundTrips: number;
}

const zero = (): WireCounts => ({ statements: 0, control: 0, roundTrips: 0 });
const totals = zero();
const CONTROL = /^\s*(begin|commit|rollback|savepoint|release|start transaction)\b/i;
let installed = false;

type Counted = { __wire?: WireCounts; __outstanding?: number; __rtHooked?: boolean };

function add(connection: Counted, key: keyof WireCounts): void {
  totals[key] += 1;
  (connection.__wire ??= zero())[key] += 1;
}

/** Installs the counters (idempotent). */
export function countWire(): void {
  if (installed) return;
  installed = true;
  const Client = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = Client.query;
  Client.query = function (this: { connection: Counted }, config: unknown, ...rest: unknown[]) {
    const text = typeof config === 'string' ? config : (config as { text?: string } | null)?.text;
    if (typeof text === 'string') add(this.connection, CONTROL.test(text) ? 'control' : 'statements');
    return query.call(this, config, ...rest);
  };
  const Connection = (pg as unknown as { Connection: { prototype: Record<string, (...args: unknown[]) => unknown> } }).Connection.prototype;
  const request = (name: 'sync' | 'query') => {
    const original = Connection[name];
    Connection[name] = function (this: Counted & { prependListener(event: string, fn: () => void): void }, ...args: unknown[]) {
      if (!this.__rtHooked) {
        this.__rtHooked = true;
        // before the client's own handler, which may send the next queued query at once
        this.prependListener('readyForQuery', () => {
          this.__outstanding = Math.max(0, (this.__outstanding ?? 0) - 1);
        });
      }
      if ((this.__outstanding ?? 0) === 0) add(this, 'roundTrips');
      this.__outstanding = (this.__outstanding ?? 0) + 1;
      return original.apply(this, args);
    };
  };
  request('sync');
  request('query');
}

/** The connections of a knex's pool, in use or idle. */
function poolConnections(knex: Knex): Counted[] {
  const pool = (knex.client as { pool?: { used: { resource: { connection: Counted } }[]; free: { resource: { connection: Counted } }[] } }).pool;
  if (!pool) return [];
  return [...pool.used, ...pool.free].map((r) => r.resource.connection);
}

/** The totals now, of the whole process or of `knex`'s connections (subtract two readings to measure a phase). */
export function wireCounts(knex?: Knex): WireCounts {
  if (!knex) return { ...totals };
  const sum = zero();
  for (const connection of poolConnections(knex)) {
    const counts = connection.__wire;
    if (!counts) continue;
    sum.statements += counts.statements;
    sum.control += counts.control;
    sum.roundTrips += counts.roundTrips;
  }
  return sum;
}

/** The difference between now and an earlier reading (of the same scope). */
export function wireSince(before: WireCounts, knex?: Knex): WireCounts {
  const now = wireCounts(knex);
  return { statements: now.statements - before.statements, control: now.control - before.control, roundTrips: now.roundTrips - before.roundTrips };
}
