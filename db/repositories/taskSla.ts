/**
 * A task's SLA state in SQL, written once for every query of db/ that
 * judges it (the task list's filter and order, /metrics, the monitor's
 * counts and instance filter), by the rule of `engine/service/slaState.ts`:
 * breached once past the SLA breach moment (else the due date), at risk once
 * past the at-risk moment and not breached, on time otherwise. An open task
 * is judged at `now`, a finished one at its completion.
 */
import type { Knex } from 'knex';
import type { SlaState } from '../../engine/index.js';
import type { Db } from './rows.js';

/** The SQL text of each judgement over `user_tasks` columns prefixed by `p` (`'t.'` or `''`); null-free, so `not` and `filter` read them as written. */
function judgements(p: string) {
  const judgedAt = `(case when ${p}state = 'created' then :now::timestamptz else coalesce(${p}completed_at, :now::timestamptz) end)`;
  const pastBreach = `coalesce(coalesce(${p}sla_breach_at, ${p}due_at) <= ${judgedAt}, false)`;
  const pastAtRisk = `coalesce(${p}sla_at_risk_at <= ${judgedAt}, false)`;
  return {
    breached: `(${pastBreach})`,
    at_risk: `(${pastAtRisk} and not ${pastBreach})`,
    on_time: `(not ${pastAtRisk} and not ${pastBreach})`,
    urgency: `(case when ${pastBreach} then 0 when ${pastAtRisk} then 1 else 2 end)`,
  };
}

/**
 * The condition "this task's SLA is in `state` at `now`", as a raw SQL
 * expression to put in a `where`, a `filter (where …)` or an `exists`.
 * `alias` qualifies the columns when the task table has one.
 */
export function slaCondition(db: Db, state: SlaState, now: Date, alias?: string): Knex.Raw {
  return db.raw(judgements(alias ? `${alias}.` : '')[state], { now });
}

/** 0 breached, 1 at risk, 2 on time: the task list's "most urgent first". */
export function slaUrgency(db: Db, now: Date, alias?: string): Knex.Raw {
  return db.raw(judgements(alias ? `${alias}.` : '').urgency, { now });
}
