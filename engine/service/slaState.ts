/** Where a task stands against its SLA, judged the same way the Store's task filters judge it. */
import type { UserTaskRecord } from '../store/records.js';
import type { SlaState } from '../store/Store.js';

/** A task's SLA at `now`: the state, and the moments it turns at risk and breaches (the due date when it has no SLA). */
export interface TaskSla {
  state: SlaState;
  atRiskAt: Date | null;
  breachAt: Date | null;
}

/**
 * Breached once past the SLA breach moment (else the due date); at risk once
 * past the at-risk moment; on time otherwise. An open task is judged at
 * `now`, a finished one at its completion.
 */
export function slaOf(task: UserTaskRecord, now: Date): TaskSla {
  const at = (task.state === 'created' ? now : (task.completedAt ?? now)).getTime();
  const breachAt = task.slaBreachAt ?? task.dueAt;
  const atRiskAt = task.slaAtRiskAt ?? null;
  const state: SlaState = breachAt && breachAt.getTime() <= at ? 'breached' : atRiskAt && atRiskAt.getTime() <= at ? 'at_risk' : 'on_time';
  return { state, atRiskAt, breachAt };
}
