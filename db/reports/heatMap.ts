/**
 * The heat map of a process version: per element, how long its tokens
 * stayed (median and p90 of the activity instances that completed in the
 * period) and how many wait there now, from `element_spans` (kept from the
 * engine's history in the step's transaction). Multi-instance bodies are
 * left out: their inner instances are the tokens. ONE statement.
 */
import type { Knex } from 'knex';
import { pct, percentiles } from './taskFigures.js';

export interface ElementHeat {
  elementId: string;
  /** Activity instances that completed in the period. */
  completed: number;
  durationMedianMs: number | null;
  durationP90Ms: number | null;
  /** Tokens at the element now (of running instances). */
  waiting: number;
}

/** Per element of `definitionId` with any figure: completions in [from, to), tokens waiting now. */
export async function heatMap(db: Knex, definitionId: string, from: Date, to: Date): Promise<ElementHeat[]> {
  const { rows } = await db.raw(
    `with done as (
       select s.element_id, count(*)::int as completed,
              ${percentiles('extract(epoch from (s.ended_at - s.started_at)) * 1000', 'duration')}
         from element_spans s
        where s.definition_id = :id and s.outcome = 'completed' and s.ended_at >= :from and s.ended_at < :to
          and s.element_type is distinct from 'multiInstanceBody'
        group by 1),
     waiting as (
       select s.element_id, count(*)::int as waiting
         from element_spans s join process_instances i on i.id = s.instance_id and i.state = 'active'
        where s.definition_id = :id and s.ended_at is null and s.element_type is distinct from 'multiInstanceBody'
        group by 1)
     select element_id, coalesce(d.completed, 0) as completed, d.duration_pct, coalesce(w.waiting, 0) as waiting
       from done d full join waiting w using (element_id)
      order by element_id`,
    { id: definitionId, from, to },
  );
  return rows.map((row: Record<string, any>) => {
    const [durationMedianMs, durationP90Ms] = pct(row, 'duration');
    return { elementId: row.element_id, completed: row.completed, durationMedianMs, durationP90Ms, waiting: row.waiting };
  });
}
