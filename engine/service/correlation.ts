/**
 * Messages and signals inside one transaction: find who waits (instances,
 * then message start events), mark the subscription, and step the waiting
 * instance. Used by the API and by throw events of other instances alike.
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
    if (!(await scope.tx.markSubscriptionCorrelated(subscription.id))) continue;
    const instanceId = subscription.instanceId;
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
    const { definition } = await ctx.models.get(scope.tx, start.definitionId);
    const instance = await startInTx(ctx, scope, definition, {
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

/**
 * Delivers the messages one step published, in order, with one lookup per
 * message name instead of two per message: which correlation keys open
 * instance subscriptions wait for, and which start events the name has. A
 * message whose key is awaited, or whose name alone is (a catch without a
 * correlation key), or that was subscribed to earlier in this transaction,
 * takes the exact path of `deliverMessage`; the others start
 * instances through the message start event, as `deliverMessage` would.
 */
export async function deliverMessages(ctx: EngineContext, scope: TxScope, messages: MessageDelivery[]): Promise<CorrelateResult[]> {
  const awaited = new Map<string, Set<string>>();
  const byNameAlone = new Set<string>();
  const starts = new Map<string, Awaited<ReturnType<typeof scope.tx.findStartSubscriptions>>>();
  for (const name of new Set(messages.map((m) => m.name))) {
    const keys = [...new Set(messages.filter((m) => m.name === name && m.correlationKey !== undefined).map((m) => m.correlationKey!))];
    awaited.set(name, new Set(await scope.tx.keysAwaited(name, keys)));
    // catches without a correlation key take any message of their name
    if ((await scope.tx.findSubscriptions('message', name, null)).length) byNameAlone.add(name);
    starts.set(name, await scope.tx.findStartSubscriptions('message', name));
  }
  const results: CorrelateResult[] = [];
  for (const message of messages) {
    const key = message.correlationKey;
    const opened = (k: string) => scope.openedSubscriptions.has(`${message.name}\u0000${k}`);
    const exact = key === undefined || byNameAlone.has(message.name) || awaited.get(message.name)!.has(key) || opened(key) || opened('');
    if (exact) {
      results.push(await deliverMessage(ctx, scope, message));
      continue;
    }
    const result: CorrelateResult = { correlated: [], started: [] };
    const start = starts.get(message.name)![0];
    if (start) {
      const { definition } = await ctx.models.get(scope.tx, start.definitionId);
      const instance = await startInTx(ctx, scope, definition, { businessKey: key ?? null, variables: message.variables, startEventId: start.elementId, actor: message.actor ?? null });
      await writeEffects(scope, { ...emptyEffects(), history: [historyNote(instance.id, scope.now, 'message.correlated', start.elementId, { name: message.name, correlationKey: key ?? null })] });
      result.started.push({ instanceId: instance.id, elementId: start.elementId });
    }
    results.push(result);
  }
  return results;
}

/**
 * Broadcasts a signal to every waiting element and every signal start
 * event. Returns the instances reached. `thrower`, the instance that threw
 * it, is skipped: it caught its own signal within the step that threw it.
 */
export async function deliverSignal(ctx: EngineContext, scope: TxScope, name: string, variables: JsonObject, actor: string | null = null, thrower: string | null = null): Promise<string[]> {
  const reached: string[] = [];
  for (const subscription of await scope.tx.findSubscriptions('signal', name, null)) {
    if (!subscription.instanceId || subscription.instanceId === thrower || !(await scope.tx.markSubscriptionCorrelated(subscription.id))) continue;
    const stepped = await stepInTx(
      ctx, scope, subscription.instanceId, actor,
      (rt) => void triggerEvent(rt, subscription.activityInstanceId!, subscription.elementId, variables, { subscription: subscription.id }),
      undefined, { skipEnded: true },
    );
    if (stepped) reached.push(subscription.instanceId);
  }
  for (const start of await scope.tx.findStartSubscriptions('signal', name)) {
    const { definition } = await ctx.models.get(scope.tx, start.definitionId);
    const instance = await startInTx(ctx, scope, definition, { variables, startEventId: start.elementId, actor });
    reached.push(instance.id);
  }
  return reached;
}
