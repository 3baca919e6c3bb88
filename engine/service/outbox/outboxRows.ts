/**
 * What a step asks of other instances, as rows of the instance outbox: a
 * called process to start, children to cancel, news for the parent (its
 * error or escalation, its completion), messages and signals. They are
 * written with the step's other effects (one statement with COMMIT) and
 * delivered after commit, one target instance per transaction
 * (deliverRow.ts). A row one hop past MAX_HOPS (a message or call cycle
 * between instances with no outside input in between) is not written: an
 * incident on the sender's element stops the cycle instead.
 */
import type { IncidentRecord, InstanceRecord, JsonObject, OutboxPayload, OutboxRecord } from '../../store/records.js';
import type { Effects } from '../../store/Store.js';
import type { Outbox } from '../../runtime/Outbox.js';
import type { EngineContext, TxScope } from '../EngineContext.js';
import { historyNote } from '../history.js';

/** Deliveries between instances in a row without an outside input, past which a call, message or signal becomes an incident. */
export const MAX_HOPS = 32;

/** A new outbox row of `sender` (the instance whose shard holds it) at `hops`. */
export function outboxRow(ctx: EngineContext, scope: TxScope, sender: string, elementId: string | null, payload: OutboxPayload, hops: number): OutboxRecord {
  return { id: ctx.newId(), instanceId: sender, elementId, payload, hops, attempts: 0, nextAttemptAt: scope.now, lastError: null, incidentId: null, createdAt: scope.now };
}

/** Adds the rows of a step's outbox to its effects (or, past MAX_HOPS, an incident on the sending element). */
export function outboxRows(ctx: EngineContext, scope: TxScope, instance: InstanceRecord, outbox: Outbox, effects: Effects): void {
  const hops = scope.hops + 1;
  const add = (elementId: string | null, payload: OutboxPayload, executionId: string | null = null) => {
    if (hops > MAX_HOPS && payload.kind !== 'cancel' && payload.kind !== 'parent') {
      tooDeep(ctx, scope, instance, effects, elementId, executionId, payload);
      return;
    }
    effects.outbox.push(outboxRow(ctx, scope, instance.id, elementId, payload, hops));
  };
  for (const call of outbox.calls) {
    add(call.elementId, {
      kind: 'call', parentId: instance.id, elementId: call.elementId, executionId: call.executionId, processId: call.processId, childInstanceId: call.childInstanceId,
      variables: call.variables as JsonObject, businessKey: instance.businessKey, definitionKey: instance.definitionKey,
    }, call.executionId);
  }
  for (const childId of outbox.cancelInstances) add(null, { kind: 'cancel', childId });
  const parentId = instance.parentInstanceId;
  const activityInstanceId = instance.parentActivityInstanceId;
  if (parentId && activityInstanceId && (outbox.toParent.length || outbox.ended === 'completed')) {
    add(null, { kind: 'parent', parentId, activityInstanceId, news: outbox.toParent, completed: outbox.ended === 'completed' ? instance.variables : null });
  }
  for (const m of outbox.messages) add(m.elementId, { kind: 'message', name: m.name, correlationKey: m.correlationKey, variables: m.variables as JsonObject, elementId: m.elementId });
  for (const s of outbox.signals) add(s.elementId, { kind: 'signal', name: s.name, variables: s.variables as JsonObject, elementId: s.elementId, actor: null });
}

function tooDeep(ctx: EngineContext, scope: TxScope, instance: InstanceRecord, effects: Effects, elementId: string | null, executionId: string | null, payload: OutboxPayload): void {
  const what = payload.kind === 'call' ? `starting process '${payload.processId}'` : payload.kind === 'message' ? `message '${payload.name}'` : `signal '${'name' in payload ? payload.name : ''}'`;
  const incident: IncidentRecord = {
    id: ctx.newId(), instanceId: instance.id, activityInstanceId: executionId, elementId, definitionKey: instance.definitionKey, type: 'delivery_too_deep',
    message: `${elementId ?? instance.definitionKey}: ${what} not sent: more than ${MAX_HOPS} deliveries between instances in a row without an outside input (a message or call cycle?)`,
    jobId: null, state: 'open', createdAt: scope.now, resolvedAt: null,
  };
  effects.incidents.push(incident);
  effects.history.push(historyNote(instance.id, scope.now, 'incident.created', elementId, { type: incident.type, hops: MAX_HOPS }));
}
