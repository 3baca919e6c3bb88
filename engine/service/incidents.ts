/**
 * Incidents of tokens stopped in the tree (a FEEL error, a gateway with no
 * way out, a spent step budget; runtime/failures.ts): retrying one sends
 * the failed event again, with the variables as they are now, so setting a
 * variable and retrying continues the instance. A failure on retry is a new
 * incident on the same element.
 */
import { ConflictError } from '../errors/LifelineError.js';
import type { IncidentRecord } from '../store/records.js';
import { emptyEffects } from '../store/Store.js';
import type { EngineContext, TxScope } from './EngineContext.js';
import { stepInTx, writeEffects } from './steps.js';

const PARKED: ReadonlySet<IncidentRecord['type']> = new Set(['expression_failed', 'no_outgoing_flow', 'step_budget_exceeded']);

/** Whether the incident holds a token in the tree (rather than a job, a timer or a missing process). */
export function isParkedIncident(incident: IncidentRecord): boolean {
  return PARKED.has(incident.type) && !incident.timerId && !incident.jobId;
}

/** Resolves `incident` and sends the event of its stopped tokens again, in one step of its instance. */
export async function retryParkedIncident(ctx: EngineContext, scope: TxScope, incident: IncidentRecord, actor: string | null): Promise<void> {
  const stepped = await stepInTx(ctx, scope, incident.instanceId, actor, (rt) => {
    rt.history('incident.resolved', rt.index.get(incident.activityInstanceId ?? '') ?? null, { incidentId: incident.id, type: incident.type, retried: true });
    rt.env.effects.resolveIncidents.push(incident.id);
    if (!rt.retryParked(incident.id)) throw new ConflictError(`incident ${incident.id}: no token waits on it any more`);
  }, undefined, { skipEnded: true });
  // An instance that ended meanwhile (cancelled) left nothing to retry: the incident is simply resolved.
  if (!stepped) await writeEffects(scope, { ...emptyEffects(), resolveIncidents: [incident.id] });
}

/** Resolving without retrying would leave the token stopped for good: refused, with what to do instead. */
export function refuseResolve(incident: IncidentRecord): never {
  throw new ConflictError(`incident ${incident.id} holds a token at ${incident.elementId}: retry it (after fixing the variables), or modify the instance to cancel or move that token`);
}

