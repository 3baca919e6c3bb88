/**
 * The monitor's overview: per process definition version, how many
 * instances run, ended, have open incidents, are stuck, have overdue tasks,
 * or hold an open task whose SLA is at risk or breached. ONE statement for every version, so the page costs the same with
 * ten definitions or a thousand.
 */
import type { Knex } from 'knex';
import { slaCondition } from '../repositories/taskSla.js';

/** Counts of one definition version. Every count but the four states counts running instances only. */
export interface DefinitionCounts {
  definitionId: string;
  key: string;
  version: number;
  name: string | null;
  deployedAt: Date;
  running: number;
  completed: number;
  cancelled: number;
  terminated: number;
  withIncidents: number;
  stuck: number;
  withOverdueTasks: number;
  /** Holding an open task whose SLA is at risk (judged as the task list judges it). */
  slaAtRisk: number;
  /** Holding an open task whose SLA is breached (past its SLA target, else its due date). */
  slaBreached: number;
}

/** What the counts are judged by: the clock's now, the stuck threshold as a moment, optionally one key. */
export interface OverviewOptions {
  /** Tasks due before this are overdue. */
  now: Date;
  /** Running instances with no step since this moment are stuck. */
  stuckBefore: Date;
  /** Only the versions of this process key. */
  key?: string;
}

/** Every deployed version (newest first within a key, keys in order), with its counts; versions without instances count zero. */
export async function definitionCounts(db: Knex, options: OverviewOptions): Promise<DefinitionCounts[]> {
  const { rows } = await db.raw(
    `with open_incidents as (select distinct instance_id from incidents where state = 'open'),
          overdue as (select distinct instance_id from user_tasks where state = 'created' and due_at < :now),
          sla as (select instance_id, bool_or(:atRisk) as at_risk, bool_or(:breached) as breached
                    from user_tasks where state = 'created' group by instance_id)
     select d.id as definition_id, d.key, d.version, d.name, d.deployed_at,
            count(i.id) filter (where i.state = 'active')::int as running,
            count(i.id) filter (where i.state = 'completed')::int as completed,
            count(i.id) filter (where i.state = 'cancelled')::int as cancelled,
            count(i.id) filter (where i.state = 'terminated')::int as terminated,
            count(i.id) filter (where i.state = 'active' and oi.instance_id is not null)::int as with_incidents,
            count(i.id) filter (where i.state = 'active' and i.updated_at < :stuckBefore)::int as stuck,
            count(i.id) filter (where i.state = 'active' and o.instance_id is not null)::int as with_overdue_tasks,
            count(i.id) filter (where i.state = 'active' and s.at_risk)::int as sla_at_risk,
            count(i.id) filter (where i.state = 'active' and s.breached)::int as sla_breached
       from process_definitions d
       left join process_instances i on i.definition_id = d.id
       left join open_incidents oi on oi.instance_id = i.id
       left join overdue o on o.instance_id = i.id
       left join sla s on s.instance_id = i.id
      where (:key::text is null or d.key = :key::text)
      group by d.id
      order by d.key, d.version desc`,
    {
      now: options.now, stuckBefore: options.stuckBefore, key: options.key ?? null,
      atRisk: slaCondition(db, 'at_risk', options.now), breached: slaCondition(db, 'breached', options.now),
    },
  );
  return rows.map((row: Record<string, unknown>) => ({
    definitionId: row.definition_id, key: row.key, version: row.version, name: row.name, deployedAt: row.deployed_at,
    running: row.running, completed: row.completed, cancelled: row.cancelled, terminated: row.terminated,
    withIncidents: row.with_incidents, stuck: row.stuck, withOverdueTasks: row.with_overdue_tasks,
    slaAtRisk: row.sla_at_risk, slaBreached: row.sla_breached,
  }) as DefinitionCounts);
}
