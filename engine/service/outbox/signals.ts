/**
 * A signal's fan-out: who catches it (instance subscriptions) and which
 * signal start events it triggers, read across all instances, written as
 * one outbox row per target on the sender's side. Each row is then
 * delivered in a transaction of its own that changes its target only; a
 * started instance's id is derived from the signal and the start event, so
 * a second delivery of the same row starts nothing twice.
 */
import type { JsonObject } from '../../store/records.js';
import { emptyEffects } from '../../store/Store.js';
import type { EngineContext, TxScope } from '../EngineContext.js';
import { writeEffects } from '../steps.js';
import { outboxRow } from './outboxRows.js';
import { derivedId } from './deliverRow.js';

export interface SignalFanOut {
  name: string;
  variables: JsonObject;
  actor: string | null;
  /** The throwing instance (it caught its own signal within the step that threw it), or null for a broadcast through the API. */
  sender: string | null;
  elementId: string | null;
  hops: number;
  /** Unique per signal thrown (the signal row's id): started instances' ids derive from it. */
  key: string;
}

/** Writes one outbox row per catching or starting instance; returns the instances they reach (started ones by their future id). */
export async function fanOutSignal(ctx: EngineContext, scope: TxScope, signal: SignalFanOut): Promise<string[]> {
  const rows = [];
  const reached: string[] = [];
  const { name, variables, actor } = signal;
  for (const s of await scope.tx.findSubscriptions('signal', name, null)) {
    if (!s.instanceId || s.instanceId === signal.sender) continue;
    // an API broadcast has no sender: its rows are keyed by their targets
    rows.push(outboxRow(ctx, scope, signal.sender ?? s.instanceId, signal.elementId, {
      kind: 'signal-catch', name, instanceId: s.instanceId, subscriptionId: s.id, activityInstanceId: s.activityInstanceId!, elementId: s.elementId, variables, actor,
    }, signal.hops));
    reached.push(s.instanceId);
  }
  for (const start of await scope.tx.findStartSubscriptions('signal', name)) {
    const startedId = derivedId(signal.key, start.id);
    rows.push(outboxRow(ctx, scope, signal.sender ?? startedId, signal.elementId, {
      kind: 'signal-start', name, definitionId: start.definitionId!, elementId: start.elementId, startedId, variables, actor,
    }, signal.hops));
    reached.push(startedId);
  }
  if (rows.length) await writeEffects(scope, { ...emptyEffects(), outbox: rows });
  return reached;
}
