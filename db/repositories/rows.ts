/**
 * Row ↔ record mapping shared by the repositories: snake_case columns,
 * camelCase fields; jsonb columns are written as JSON text (pg would turn a
 * JS array into a PostgreSQL array) and come back parsed.
 */
import type { Knex } from 'knex';

/** What repository functions take first: the knex, or a transaction of it. */
export type Db = Knex | Knex.Transaction;

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** A mapping for one table: which fields are stored as jsonb. */
export function rowMapper<T extends object>(jsonFields: (keyof T & string)[]) {
  const json = new Set<string>(jsonFields);
  return {
    toRow(record: Partial<T>): Record<string, unknown> {
      const row: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(record)) {
        if (value === undefined) continue;
        row[snake(key)] = json.has(key) && value !== null ? JSON.stringify(value) : value;
      }
      return row;
    },
    fromRow(row: Record<string, unknown>): T {
      const record: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(row)) record[camel(key)] = value;
      return record as T;
    },
  };
}

/** `{ items, total }` for a filtered, ordered query: the count runs on the same filter. */
export async function page<T>(query: Knex.QueryBuilder, map: (row: Record<string, unknown>) => T, order: [string, 'asc' | 'desc'][], limit = 50, offset = 0): Promise<{ items: T[]; total: number }> {
  const [{ count }] = await query.clone().clearSelect().clearOrder().count<{ count: number }[]>('* as count');
  let ordered = query.clone();
  for (const [column, direction] of order) ordered = ordered.orderBy(column, direction);
  const rows = await ordered.limit(Math.min(Math.max(limit, 1), 1000)).offset(Math.max(offset, 0));
  return { items: rows.map(map), total: Number(count) };
}

/** PostgreSQL takes at most 65535 bind parameters per statement; big batches go in several statements. */
const MAX_PARAMETERS = 60_000;

/**
 * Inserts records in as few multi-row statements as the parameter limit
 * allows, at most 1,000 rows each: turning rows into SQL is synchronous
 * work, so a batch of thousands is mapped and built a chunk at a time,
 * letting other requests in between.
 */
export async function insertAll<T>(db: Db, table: string, records: T[], toRow: (record: T) => Record<string, unknown> = (r) => r as Record<string, unknown>): Promise<void> {
  if (records.length === 0) return;
  const perRow = Math.max(1, Object.keys(toRow(records[0])).length);
  const size = Math.max(1, Math.min(1_000, Math.floor(MAX_PARAMETERS / perRow)));
  for (let i = 0; i < records.length; i += size) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    await db(table).insert(records.slice(i, i + size).map(toRow));
  }
}

/** `id = any(?)`: a list of ids of any length as one bind parameter. */
export function idIn(ids: string[]): [string, [string[]]] {
  return ['id = any(?::uuid[])', [ids]];
}
