/**
 * Per process (all versions of a key, or one version) over a period: per
 * bucket and in total, instances started, completed, cancelled and
 * terminated, the duration of those completed (median, p90), and how many
 * completed within their SLA; and the instances open now by age. ONE
 * statement, aggregated by PostgreSQL.
 *
 * Within SLA: none of the instance's tasks with a deadline (SLA target, else
 * due date) was still open at it, whether it was completed late or cancelled
 * (an escalation) after it. Instances with no such task are not judged.
 */
import type { Knex } from 'knex';
import { PERIOD_CTES, bucketOf, periodBindings, type ReportPeriod } from './period.js';
import { pct, percentiles, rate } from './taskFigures.js';

/** Which instances: a process key, optionally one version of it. */
export interface ProcessScope {
  definitionKey: string;
  definitionId?: string;
}

/** The figures of a bucket or of the whole period. */
export interface ProcessFigures {
  started: number;
  completed: number;
  cancelled: number;
  terminated: number;
  durationMedianMs: number | null;
  durationP90Ms: number | null;
  /** Completed instances with at least one task that had a deadline. */
  slaJudged: number;
  withinSla: number;
  withinSlaRate: number | null;
}

/** One bucket: its first local day and its absolute bounds (clipped to the period). */
export interface ProcessBucket extends ProcessFigures {
  start: string;
  from: Date;
  to: Date;
}

/** Open instances of an age band: started in [startedAfter, startedBefore). */
export interface AgeBand {
  label: string;
  count: number;
  startedAfter: Date | null;
  startedBefore: Date;
}

export interface ProcessReport {
  from: Date;
  to: Date;
  totals: ProcessFigures;
  buckets: ProcessBucket[];
  openByAge: AgeBand[];
}

const DAY = 86_400_000;
/** Age bands of open instances: under a day, 1–3 days, 3–7 days, 1–4 weeks, older. */
export const AGE_BANDS: { label: string; minMs: number; maxMs: number | null }[] = [
  { label: 'under 1 day', minMs: 0, maxMs: DAY },
  { label: '1–3 days', minMs: DAY, maxMs: 3 * DAY },
  { label: '3–7 days', minMs: 3 * DAY, maxMs: 7 * DAY },
  { label: '1–4 weeks', minMs: 7 * DAY, maxMs: 28 * DAY },
  { label: 'over 4 weeks', minMs: 28 * DAY, maxMs: null },
];

/** The instances of a scope as SQL (alias i), with bindings :key and :definitionId. */
export const SCOPED_INSTANCES = "i.definition_key = :key and (:definitionId::uuid is null or i.definition_id = :definitionId::uuid)";

/** An instance (alias i) judged against deadlines and within them: its row in instance_sla, kept when its tasks left their elements. */
export const WITHIN_SLA = 'exists (select 1 from instance_sla x where x.instance_id = i.id and not x.late)';
/** A judged instance with a task still open at its deadline. */
export const BREACHED_SLA = 'exists (select 1 from instance_sla x where x.instance_id = i.id and x.late)';
/** The instances of a period with their SLA judgement (alias i; needs the \`period\` CTE as p). */
export const ENDED_WITH_SLA = (where: string) => `
  select i.definition_key, i.state, i.started_at, i.ended_at, x.instance_id is not null as judged, coalesce(x.late, false) as late
    from process_instances i cross join period p left join instance_sla x on x.instance_id = i.id and i.state = 'completed'
   where ${where} and i.ended_at >= p.starts and i.ended_at < p.ends`;

/** Aggregates of ended instances (alias i, with judged and late). */
export const FIGURES = `
  count(*) filter (where i.state = 'completed')::int as completed,
  count(*) filter (where i.state = 'cancelled')::int as cancelled,
  count(*) filter (where i.state = 'terminated')::int as terminated,
  ${percentiles('extract(epoch from (i.ended_at - i.started_at)) * 1000', 'duration', "i.state = 'completed'")},
  count(*) filter (where i.judged)::int as sla_judged,
  count(*) filter (where i.judged and not i.late)::int as within_sla`;

/** The figures of one bucket, of the period, or of a process key, from a row of FIGURES. */
export function figures(row: Record<string, unknown>, started: number): ProcessFigures {
  const slaJudged = Number(row.sla_judged ?? 0);
  const withinSla = Number(row.within_sla ?? 0);
  const [durationMedianMs, durationP90Ms] = pct(row, 'duration');
  return {
    started, completed: Number(row.completed ?? 0), cancelled: Number(row.cancelled ?? 0), terminated: Number(row.terminated ?? 0),
    durationMedianMs, durationP90Ms, slaJudged, withinSla, withinSlaRate: rate(withinSla, slaJudged),
  };
}

/** The report of one process (or version) over `period`; open instances are aged at `now`. */
export async function processReport(db: Knex, scope: ProcessScope, period: ReportPeriod, now: Date): Promise<ProcessReport> {
  const bindings = { ...periodBindings(period), key: scope.definitionKey, definitionId: scope.definitionId ?? null, now };
  const { rows } = await db.raw(
    `with ${PERIOD_CTES},
     ended as (select e.*, ${bucketOf('e.ended_at')} as bucket from (${ENDED_WITH_SLA(SCOPED_INSTANCES)}) e),
     started as (
       select ${bucketOf('i.started_at')} as bucket, count(*)::int as started
         from process_instances i, period p
        where ${SCOPED_INSTANCES} and i.started_at >= p.starts and i.started_at < p.ends
        group by 1),
     per_bucket as (select i.bucket, ${FIGURES} from ended i group by i.bucket),
     total as (select ${FIGURES} from ended i)
     select 'bucket' as kind, to_char(b.local_start, 'YYYY-MM-DD') as start, b.starts_at, b.ends_at, coalesce(s.started, 0) as started, e.*
       from buckets b left join started s on s.bucket = b.local_start left join per_bucket e on e.bucket = b.local_start
     union all
     select 'total', null, p.starts, p.ends, (select coalesce(sum(started), 0)::int from started), null, t.*
       from period p, total t
     order by kind, start`,
    bindings,
  );
  const total = rows.find((r: Record<string, unknown>) => r.kind === 'total');
  const openByAge = await ageBands(db, scope, now);
  return {
    from: total.starts_at,
    to: total.ends_at,
    totals: figures(total, Number(total.started)),
    buckets: rows.filter((r: Record<string, unknown>) => r.kind === 'bucket').map((r: Record<string, unknown>) => ({ start: r.start as string, from: r.starts_at as Date, to: r.ends_at as Date, ...figures(r, Number(r.started)) })),
    openByAge,
  };
}

/** Age band `n` at `now`: open instances started in (startedAfter, startedBefore]. */
export function ageBand(n: number, now: Date): AgeBand {
  const band = AGE_BANDS[n];
  return { label: band.label, count: 0, startedBefore: new Date(now.getTime() - band.minMs), startedAfter: band.maxMs === null ? null : new Date(now.getTime() - band.maxMs) };
}

/** An open instance in an age band (bindings :before and :after of ageBand's bounds). */
export const IN_AGE_BAND = (before = ':before', after = ':after') => `i.state = 'active' and i.started_at <= ${before}::timestamptz and (${after}::timestamptz is null or i.started_at > ${after}::timestamptz)`;

/** Open instances counted by how long ago they started. */
async function ageBands(db: Knex, scope: ProcessScope, now: Date): Promise<AgeBand[]> {
  const bands = AGE_BANDS.map((_, n) => ageBand(n, now));
  const { rows } = await db.raw(
    `select ${bands.map((_, n) => `count(*) filter (where ${IN_AGE_BAND(`:before${n}`, `:after${n}`)})::int as band${n}`).join(', ')}
       from process_instances i where ${SCOPED_INSTANCES} and i.state = 'active'`,
    Object.assign({ key: scope.definitionKey, definitionId: scope.definitionId ?? null }, ...bands.map((b, n) => ({ [`before${n}`]: b.startedBefore, [`after${n}`]: b.startedAfter }))),
  );
  return bands.map((band, n) => ({ ...band, count: rows[0][`band${n}`] }));
}
