/**
 * A report's period: whole local days `from`–`to` (inclusive) in a time
 * zone, cut into day, week (ISO, Monday first) or month buckets of that
 * zone. Everything is computed by PostgreSQL from the local dates, so a
 * bucket boundary is local midnight whatever the server's zone, and a day of
 * a clock change is 23 or 25 hours long, as the manager's calendar says.
 */

/** Bucket sizes of a period. */
export type Bucket = 'day' | 'week' | 'month';

/** The period a report covers, as a manager picks it. */
export interface ReportPeriod {
  /** First local day, YYYY-MM-DD. */
  from: string;
  /** Last local day (included), YYYY-MM-DD. */
  to: string;
  bucket: Bucket;
  /** IANA time zone the days and buckets are counted in. */
  timeZone: string;
}

/** The named bindings every period CTE uses. */
export function periodBindings(period: ReportPeriod): Record<string, string> {
  return { from: period.from, to: period.to, zone: period.timeZone, bucket: period.bucket, step: `1 ${period.bucket}` };
}

/**
 * `period` (local and absolute bounds) and `buckets` (each bucket's local
 * start and its absolute bounds, clipped to the period) as CTEs, to start a
 * `with` list.
 */
export const PERIOD_CTES = `
  period as (
    select (:from::date)::timestamp as local_from, (:to::date + 1)::timestamp as local_to,
           (:from::date)::timestamp at time zone :zone as starts, (:to::date + 1)::timestamp at time zone :zone as ends),
  buckets as (
    select b as local_start,
           greatest(b, p.local_from) at time zone :zone as starts_at,
           least(b + (:step)::interval, p.local_to) at time zone :zone as ends_at
      from period p, generate_series(date_trunc(:bucket, p.local_from), p.local_to - interval '1 microsecond', (:step)::interval) as b)`;

/** The bucket (its local start) a moment falls in. */
export const bucketOf = (column: string) => `date_trunc(:bucket, ${column} at time zone :zone)`;

/** The period just before (same number of days), for trends. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  const day = 86_400_000;
  const from = Date.parse(`${period.from}T00:00:00Z`);
  const days = Math.round((Date.parse(`${period.to}T00:00:00Z`) - from) / day) + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { ...period, from: iso(from - days * day), to: iso(from - day) };
}
