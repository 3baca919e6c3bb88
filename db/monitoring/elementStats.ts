/**
 * Per-element token counts for diagram overlays, derived from history in
 * ONE statement: how many tokens passed an element (completed), how many
 * wait there now (activated and not yet left, plus tokens waiting at a
 * joining gateway in the snapshot), and how many failed (open incidents;
 * a token held by an incident counts as failed, not as waiting).
 * Multi-instance and loop bodies are skipped: their inner instances are the
 * tokens.
 */
import type { Knex } from 'knex';

/** Tokens of one element: passed it, wait there now, held there by an open incident. */
export interface ElementStats {
  passed: number;
  waiting: number;
  failed: number;
}

/** One instance, or every running instance of a definition version. */
export type StatsScope = { instanceId: string } | { definitionId: string };

/** Per element id, the token counts of one instance or of every running instance of a definition version. */
export async function elementStats(db: Knex, scope: StatsScope): Promise<Record<string, ElementStats>> {
  const instances = 'instanceId' in scope
    ? { sql: 'select id, snapshot from process_instances where id = :id', id: scope.instanceId }
    : { sql: "select id, snapshot from process_instances where definition_id = :id and state = 'active'", id: scope.definitionId };
  const { rows } = await db.raw(
    `with inst as (${instances.sql}),
     flow as (
       select h.element_id,
              count(*) filter (where h.type = 'element.completed') as passed,
              count(*) filter (where h.type = 'element.activated')
                - count(*) filter (where h.type in ('element.completed', 'element.terminated', 'element.failed')) as waiting
         from history_events h join inst on inst.id = h.instance_id
        where h.element_id is not null and h.type like 'element.%' and h.element_type is distinct from 'multiInstanceBody'
        group by h.element_id),
     joins as (
       select g.key as element_id, sum(f.value::int) as waiting
         from inst, jsonb_path_query(inst.snapshot, 'strict $.**.joins') as j(v), jsonb_each(j.v) as g, jsonb_each_text(g.value) as f
        group by g.key),
     failed as (
       select x.element_id, count(*) as failed
         from incidents x join inst on inst.id = x.instance_id
        where x.state = 'open' and x.element_id is not null
        group by x.element_id)
     select element_id, coalesce(flow.passed, 0)::int as passed,
            greatest(greatest(coalesce(flow.waiting, 0), 0) + coalesce(joins.waiting, 0) - coalesce(failed.failed, 0), 0)::int as waiting,
            coalesce(failed.failed, 0)::int as failed
       from flow full join joins using (element_id) full join failed using (element_id)`,
    { id: instances.id },
  );
  const stats: Record<string, ElementStats> = {};
  for (const row of rows) stats[row.element_id] = { passed: row.passed, waiting: row.waiting, failed: row.failed };
  return stats;
}
