/**
 * Incidents belong to tokens. When a step ends tokens without completing
 * them (the instance cancelled or terminated, a terminate end event, an
 * interrupting boundary event, instance modification), the incidents they
 * held are resolved in the same step, each with a history line saying why:
 * a failed job's, an uncaught BPMN error's, a missing called process's, an
 * unknown assignee's, a failed timer's. The runtime resolves those it keeps
 * in the tree itself (parked tokens, stalled evaluations); these live only
 * in the incidents table, so one statement resolves them, and only in steps
 * that ended something.
 */
import type { InstanceRecord } from '../store/records.js';
import type { Runtime } from '../runtime/Runtime.js';
import type { TxScope } from './EngineContext.js';
import { historyNote } from './history.js';

/** Resolves the incidents of the tokens `rt` ended (all of the instance's when it ended without completing), adding the history lines to the step's effects. */
export async function resolveIncidentsOfEndedTokens(scope: TxScope, instance: InstanceRecord, rt: Runtime): Promise<void> {
  const ended = instance.state === 'cancelled' || instance.state === 'terminated';
  if (!ended && rt.endedTokens.size === 0) return;
  const { effects } = rt.env;
  const resolved = await scope.tx.resolveIncidentsOf(instance.id, ended ? null : [...rt.endedTokens.keys()], effects.resolveIncidents, scope.now);
  const instanceReason = `process instance ${instance.state}`;
  for (const incident of resolved) {
    const reason = (incident.activityInstanceId && rt.endedTokens.get(incident.activityInstanceId)) || instanceReason;
    effects.history.push(historyNote(instance.id, scope.now, 'incident.resolved', incident.elementId, { incidentId: incident.id, type: incident.type, reason }, rt.env.actor));
  }
}
