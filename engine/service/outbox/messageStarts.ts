/**
 * Many messages thrown by one step (a campaign inviting each invitee) are
 * mostly for nobody waiting yet: they start instances through a message
 * start event. One look per message name, before the deliveries, finds
 * which of them nobody waits for (no instance subscription of their key,
 * none of their name alone) and the start event they trigger, so that each
 * of those deliveries is a start and nothing else: the row's lock, then one
 * write with COMMIT. A subscription opened in between is the race of any
 * asynchronous message (the message started an instance instead); the
 * others take the full correlation path at delivery.
 */
import type { OutboxPayload, SubscriptionRecord } from '../../store/records.js';
import type { EngineContext } from '../EngineContext.js';

type MessagePayload = Extract<OutboxPayload, { kind: 'message' }>;

/** Of message rows (with their payloads), those that can only start an instance: row id → the start event it triggers. */
export async function messageStarts(ctx: EngineContext, rows: { id: string; payload: MessagePayload }[]): Promise<Map<string, SubscriptionRecord>> {
  return ctx.transaction(async (scope) => {
    const starts = new Map<string, SubscriptionRecord>();
    for (const name of new Set(rows.map((r) => r.payload.name))) {
      const named = rows.filter((r) => r.payload.name === name && r.payload.correlationKey !== null);
      if (!named.length) continue;
      const [start] = await scope.tx.findStartSubscriptions('message', name);
      // catches without a correlation key take any message of their name
      if (!start || (await scope.tx.findSubscriptions('message', name, null)).length) continue;
      const awaited = new Set(await scope.tx.keysAwaited(name, [...new Set(named.map((r) => r.payload.correlationKey!))]));
      for (const r of named) if (!awaited.has(r.payload.correlationKey!)) starts.set(r.id, start);
    }
    return starts;
  });
}
