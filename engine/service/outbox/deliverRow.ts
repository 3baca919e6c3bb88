/**
 * Delivers one outbox row in the current transaction, which changes one
 * instance only: the child a call activity starts, the child a parent
 * cancels, the parent its child completes (or throws an error or an
 * escalation to), the instance a message correlates to or starts. A signal
 * row is not delivered to anyone directly: it fans out into one row per
 * catching or starting instance (written on the sender's side, like the
 * signal row itself), each delivered in a transaction of its own.
 *
 * Redelivery is harmless: instances a delivery starts have ids fixed
 * before the delivery (the call's child id, an id derived from the row for
 * message and signal starts), so a start that already happened is skipped;
 * a catch marks its subscription correlated first and skips one that is
 * not open any more; the child and parent steps skip ended instances.
 */
import { createHash } from 'node:crypto';
import type { OutboxRecord } from '../../store/records.js';
import { emptyEffects } from '../../store/Store.js';
import type { EngineContext, TxScope } from '../EngineContext.js';
import { completeActivity, terminateInstance, throwErrorAt, triggerEvent } from '../../runtime/inputs.js';
import { startInTx, stepInTx, writeEffects } from '../steps.js';
import { deliverMessage } from '../correlation.js';
import { historyNote } from '../history.js';
import { fanOutSignal } from './signals.js';

/** A uuid fixed by `parts` (the row and what it starts): the same delivery twice starts the same instance. */
export function derivedId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Whether an instance with this id exists already (a start delivered before). */
async function exists(scope: TxScope, id: string): Promise<boolean> {
  return (await scope.tx.lockInstance(id)) !== undefined;
}

/** What the delivery knows before it begins: whether a message start already happened (read with the row's lock). */
export interface DeliveryHints {
  started?: boolean;
}

/** Does what `row` asks, in `scope` (whose transaction has the row locked and deletes it). */
export async function deliverRow(ctx: EngineContext, scope: TxScope, row: OutboxRecord, hints: DeliveryHints = {}): Promise<void> {
  const p = row.payload;
  switch (p.kind) {
    case 'call': {
      if (await exists(scope, p.childInstanceId)) return;
      const definition = await scope.tx.latestDefinition(p.processId);
      if (!definition) {
        // nothing to start: the incident is the sender's (its call activity waits)
        await writeEffects(scope, {
          ...emptyEffects(),
          incidents: [{
            id: ctx.newId(), instanceId: p.parentId, activityInstanceId: p.executionId, elementId: p.elementId, definitionKey: p.definitionKey,
            type: 'called_process_missing', message: `${p.elementId}: no process with id '${p.processId}' is deployed`, jobId: null, state: 'open', createdAt: scope.now, resolvedAt: null,
          }],
        });
        return;
      }
      await startInTx(ctx, scope, definition, {
        instanceId: p.childInstanceId,
        businessKey: p.businessKey,
        variables: p.variables,
        parent: { instanceId: p.parentId, activityInstanceId: p.executionId },
      });
      return;
    }
    case 'cancel':
      await stepInTx(ctx, scope, p.childId, null, (rt) => terminateInstance(rt), undefined, { skipEnded: true });
      return;
    case 'parent': {
      // What the child threw (an escalation end event) reaches the parent before the child's completion moves the call activity on.
      for (const news of p.news) {
        await stepInTx(ctx, scope, p.parentId, null, (rt) => {
          if (!rt.index.get(p.activityInstanceId)) return;
          if (news.type === 'error') throwErrorAt(rt, p.activityInstanceId, news.code, news.message, {});
          else {
            rt.send(rt.index.get(p.activityInstanceId)!, { type: 'ESCALATION', code: news.code });
            rt.run();
          }
        }, undefined, { skipEnded: true });
      }
      const completed = p.completed;
      if (completed) {
        await stepInTx(ctx, scope, p.parentId, null, (rt) => {
          const waiting = rt.index.get(p.activityInstanceId);
          if (!waiting) return;
          const called = rt.model.node(waiting.nodeId).calledElement;
          completeActivity(rt, p.activityInstanceId, completed, { propagate: called?.propagateAllChildVariables !== false });
        }, undefined, { skipEnded: true });
      }
      return;
    }
    case 'message': {
      const startedId = derivedId(row.id, 'message');
      if (hints.started ?? (await exists(scope, startedId))) return;
      const result = await deliverMessage(ctx, scope, { name: p.name, correlationKey: p.correlationKey ?? undefined, variables: p.variables, startedId });
      if (result.correlated.length === 0 && result.started.length === 0) {
        ctx.log('message.uncorrelated', { instanceId: row.instanceId, elementId: p.elementId, name: p.name, correlationKey: p.correlationKey });
        await writeEffects(scope, { ...emptyEffects(), history: [historyNote(row.instanceId, scope.now, 'message.uncorrelated', p.elementId, { name: p.name, correlationKey: p.correlationKey })] });
      }
      return;
    }
    case 'signal':
      await fanOutSignal(ctx, scope, { name: p.name, variables: p.variables, actor: p.actor, sender: row.instanceId, elementId: p.elementId, hops: row.hops, key: row.id });
      return;
    case 'signal-catch': {
      if (!(await scope.tx.markSubscriptionCorrelated(p.subscriptionId))) return;
      await stepInTx(
        ctx, scope, p.instanceId, p.actor,
        (rt) => void triggerEvent(rt, p.activityInstanceId, p.elementId, p.variables, { subscription: p.subscriptionId }),
        undefined, { skipEnded: true },
      );
      return;
    }
    case 'signal-start': {
      if (await exists(scope, p.startedId)) return;
      const { definition } = await ctx.models.get(scope.tx, p.definitionId);
      await startInTx(ctx, scope, definition, { instanceId: p.startedId, variables: p.variables, startEventId: p.elementId, actor: p.actor });
      return;
    }
  }
}
