/**
 * Messages inside one transaction: find who waits (instances, then message
 * start events), mark the subscription, and step the waiting instance (or
 * start one). Used by the API and by the outbox delivery of messages thrown
 * by other instances alike (outbox/deliverRow.ts). Signals fan out through
 * the outbox (outbox/signals.ts).
 */
import type { JsonObject } from '../store/records.js';
import type { CorrelateResult } from './EngineApi.js';
import type { EngineContext, TxScope } from './EngineContext.js';
import { triggerEvent } from '../runtime/inputs.js';
import { startInTx, stepInTx, writeEffects } from './steps.js';
import { historyNote } from './history.js';
import { emptyEffects } from '../store/Store.js';

export interface MessageDelivery {
  name: string;
  correlationKey?: string;
  variables: JsonObject;
  all?: boolean;
  actor?: string | null;
  /** The id of the instance a message start event starts (an outbox delivery fixes it, so a second delivery starts nothing). */
  startedId?: string;
  /**
   * An outbox delivery records its row in the inbox of the instance it
   * reaches before changing it (once its subscription is marked); it
   * throws when the row was delivered (there or anywhere) already.
   */
  receive?: (instanceId: string) => Promise<void>;
}

/** Correlates a message: to the oldest waiting subscription (or all with `all`), else to message start events. */
export async function deliverMessage(ctx: EngineContext, scope: TxScope, message: MessageDelivery): Promise<CorrelateResult> {
  const result: CorrelateResult = { correlated: [], started: [] };
  // Catches without a correlation key wait for the message name alone (the standard's correlation by name).
  const key = message.correlationKey ?? null;
  const waiting = [
    ...(await scope.tx.findSubscriptions('message', message.name, key)),
    ...(key === null ? [] : await scope.tx.findSubscriptions('message', message.name, null)),
  ];
  const reached = new Set<string>();
  for (const subscription of waiting) {
    if (!subscription.instanceId || reached.has(subscription.instanceId)) continue;
    const instanceId = subscription.instanceId;
    if (!(await scope.tx.markSubscriptionCorrelated(subscription.id))) continue;
    // after the marking: a subscription taken by someone else meanwhile is passed over without an inbox row of this delivery left on it
    await message.receive?.(instanceId);
    await stepInTx(ctx, scope, instanceId, message.actor ?? null, (rt) => {
      rt.history('message.correlated', rt.index.get(subscription.activityInstanceId!) ?? null, { name: message.name, correlationKey: message.correlationKey ?? null });
      triggerEvent(rt, subscription.activityInstanceId!, subscription.elementId, message.variables, { subscription: subscription.id });
    });
    reached.add(instanceId);
    result.correlated.push({ instanceId, elementId: subscription.elementId });
    if (!message.all) return result;
  }
  if (result.correlated.length > 0) return result;
  for (const start of await scope.tx.findStartSubscriptions('message', message.name)) {
    const [{ definition }] = await Promise.all([ctx.models.get(scope.tx, start.definitionId), message.startedId ? message.receive?.(message.startedId) : undefined]);
    const instance = await startInTx(ctx, scope, definition, {
      ...(message.startedId ? { instanceId: message.startedId } : {}),
      businessKey: message.correlationKey ?? null,
      variables: message.variables,
      startEventId: start.elementId,
      actor: message.actor ?? null,
    });
    await writeEffects(scope, { ...emptyEffects(), history: [historyNote(instance.id, scope.now, 'message.correlated', start.elementId, { name: message.name, correlationKey: message.correlationKey ?? null })] });
    result.started.push({ instanceId: instance.id, elementId: start.elementId });
    if (!message.all) break;
  }
  return result;
}
