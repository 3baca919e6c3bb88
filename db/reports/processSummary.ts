/**
 * The reports' first table: every deployed process (by key, all versions)
 * with its period figures (started, completed, cancelled, median and p90
 * duration, share within SLA) and the instances open now. ONE statement.
 */
import type { Knex } from 'knex';
import { periodBindings, type ReportPeriod } from './period.js';
import { JUDGED_INSTANCE, LATE_INSTANCE, type ProcessFigures } from './processReport.js';
import { num, percentiles, rate } from './taskFigures.js';

export interface ProcessSummaryRow extends ProcessFigures {
  definitionKey: string;
  /** The latest version's name. */
  name: string | null;
  versions: { id: string; version: number }[];
  /** Running now. */
  open: number;
}

/** One row per process key, by name. */
export async function processSummary(db: Knex, period: ReportPeriod): Promise<ProcessSummaryRow[]> {
  const { rows } = await db.raw(
    `with period as (select (:from::date)::timestamp at time zone :zone as starts, (:to::date + 1)::timestamp at time zone :zone as ends),
     keys as (
       select d.key, (array_agg(d.name order by d.version desc))[1] as name,
              jsonb_agg(jsonb_build_object('id', d.id, 'version', d.version) order by d.version desc) as versions
         from process_definitions d group by d.key),
     ended as (
       select i.definition_key, i.state, i.started_at, i.ended_at,
              case when i.state = 'completed' then ${JUDGED_INSTANCE} else false end as judged,
              case when i.state = 'completed' then ${LATE_INSTANCE} else false end as late
         from process_instances i, period p where i.ended_at >= p.starts and i.ended_at < p.ends),
     figures as (
       select i.definition_key,
              count(*) filter (where i.state = 'completed')::int as completed,
              count(*) filter (where i.state = 'cancelled')::int as cancelled,
              count(*) filter (where i.state = 'terminated')::int as terminated,
              ${percentiles('extract(epoch from (i.ended_at - i.started_at)) * 1000', 'duration', "i.state = 'completed'")},
              count(*) filter (where i.judged)::int as sla_judged,
              count(*) filter (where i.judged and not i.late)::int as within_sla
         from ended i group by 1),
     started as (select i.definition_key, count(*)::int as started from process_instances i, period p where i.started_at >= p.starts and i.started_at < p.ends group by 1),
     open as (select i.definition_key, count(*)::int as open from process_instances i where i.state = 'active' group by 1)
     select k.key, k.name, k.versions, coalesce(s.started, 0) as started, coalesce(o.open, 0) as open, f.*
       from keys k left join figures f on f.definition_key = k.key left join started s on s.definition_key = k.key left join open o on o.definition_key = k.key
      order by coalesce(k.name, k.key), k.key`,
    periodBindings(period),
  );
  return rows.map((row: Record<string, any>) => {
    const slaJudged = Number(row.sla_judged ?? 0);
    const withinSla = Number(row.within_sla ?? 0);
    return {
      definitionKey: row.key, name: row.name, versions: row.versions, open: row.open,
      started: row.started, completed: row.completed ?? 0, cancelled: row.cancelled ?? 0, terminated: row.terminated ?? 0,
      durationMedianMs: num(row.duration_median), durationP90Ms: num(row.duration_p90), slaJudged, withinSla, withinSlaRate: rate(withinSla, slaJudged),
    };
  });
}
