/**
 * The reports' first table: every deployed process (by key, all versions)
 * with its period figures (started, completed, cancelled, median and p90
 * duration, share within SLA) and the instances open now. ONE statement.
 */
import type { Knex } from 'knex';
import { periodBindings, type ReportPeriod } from './period.js';
import { ENDED_WITH_SLA, FIGURES, figures, type ProcessFigures } from './processReport.js';

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
     ended as (${ENDED_WITH_SLA('true')}),
     figures as (select i.definition_key, ${FIGURES} from ended i group by 1),
     started as (select i.definition_key, count(*)::int as started from process_instances i, period p where i.started_at >= p.starts and i.started_at < p.ends group by 1),
     open as (select i.definition_key, count(*)::int as open from process_instances i where i.state = 'active' group by 1)
     select k.key, k.name, k.versions, coalesce(s.started, 0) as started, coalesce(o.open, 0) as open, f.*
       from keys k left join figures f on f.definition_key = k.key left join started s on s.definition_key = k.key left join open o on o.definition_key = k.key
      order by coalesce(k.name, k.key), k.key`,
    periodBindings(period),
  );
  return rows.map((row: Record<string, any>) => ({ definitionKey: row.key, name: row.name, versions: row.versions, open: row.open, ...figures(row, row.started) }));
}
