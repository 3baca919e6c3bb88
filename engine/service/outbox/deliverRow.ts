/**
 * Delivers one outbox row in the current transaction, which changes one
 * instance only: the child a call activity starts, the child a parent
 * cancels, the parent its child completes (or throws an error or an
 * escalation to), the instance a message correlates to or starts. A signal
 * row is not delivered to anyone directly: it fans out into one row per
 * catching or starting instance (written on the sender's side, like the
 * signal row itself), each delivered in a transaction of its own.
 *
 * Exactly once: the delivery records the row in its target's inbox
 * (`instance_inbox`, keyed by the target) before changing it, and never
 * touches the row, which lives with the sender (on a sharded database, on
 * another shard); a row found there was delivered already (a crash between
 * the delivery and the row's deletion, or two processes racing: the inbox
 * key makes the second wait for the first). Starts keep their own guard
 * too: their instances have ids fixed before the delivery.
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

/** Thrown when the row is in its target's inbox already: delivered before, nothing to do but delete it on the sender's side. */
export class DeliveredAlready extends Error {
  constructor(readonly outboxId: string) {
    super(`outbox row ${outboxId} was delivered already`);
  }
}

/** Thrown for a call whose process is not deployed: the incident is the sender's, written in a transaction on its side (delivery.ts). */
export class CalledProcessMissing extends Error {
  constructor(readonly row: OutboxRecord) {
    super(`no process with id '${row.payload.kind === 'call' ? row.payload.processId : ''}' is deployed`);
  }
}

/** Records the row in `target`'s inbox (its delivery transaction's first write); throws DeliveredAlready if it is there. */
function receiver(scope: TxScope, row: OutboxRecord): (target: string) => Promise<void> {
  // a message's target is found only now: a second delivery may find another one, so any inbox holding the row counts
  const anywhere = row.payload.kind === 'message';
  return async (target) => {
    if (!(await scope.tx.receiveOutboxRow(target, row.id, scope.now, anywhere))) throw new DeliveredAlready(row.id);
  };
}

/**
 * Does what `row` asks, in `scope`, whose transaction changes the row's
 * target only: it records the row in the target's inbox first (a row there
 * already throws DeliveredAlready) and never touches the row itself.
 */
export async function deliverRow(ctx: EngineContext, scope: TxScope, row: OutboxRecord): Promise<void> {
  const p = row.payload;
  const receive = receiver(scope, row);
  switch (p.kind) {
    case 'call': {
      const [, started, definition] = await Promise.all([receive(p.childInstanceId), exists(scope, p.childInstanceId), scope.tx.latestDefinition(p.processId)]);
      if (started) return;
      if (!definition) throw new CalledProcessMissing(row);
      await startInTx(ctx, scope, definition, {
        instanceId: p.childInstanceId,
        businessKey: p.businessKey,
        variables: p.variables,
        parent: { instanceId: p.parentId, activityInstanceId: p.executionId },
      });
      return;
    }
    case 'cancel':
      await receive(p.childId);
      await stepInTx(ctx, scope, p.childId, null, (rt) => terminateInstance(rt), undefined, { skipEnded: true });
      return;
    case 'parent': {
      await receive(p.parentId);
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
      // the target is found only now; a row that reached anyone before (started its instance included) meets its inbox row at `receive`
      const startedId = derivedId(row.id, 'message');
      const result = await deliverMessage(ctx, scope, { name: p.name, correlationKey: p.correlationKey ?? undefined, variables: p.variables, startedId, receive });
      if (result.correlated.length === 0 && result.started.length === 0) {
        // nobody: the note is the sender's, which is then this delivery's target
        await receive(row.instanceId);
        ctx.log('message.uncorrelated', { instanceId: row.instanceId, elementId: p.elementId, name: p.name, correlationKey: p.correlationKey });
        await writeEffects(scope, { ...emptyEffects(), history: [historyNote(row.instanceId, scope.now, 'message.uncorrelated', p.elementId, { name: p.name, correlationKey: p.correlationKey })] });
      }
      return;
    }
    case 'signal':
      // the fan-out writes rows on the sender's side only: the sender is the target
      await receive(row.instanceId);
      await fanOutSignal(ctx, scope, { name: p.name, variables: p.variables, actor: p.actor, sender: row.instanceId, elementId: p.elementId, hops: row.hops, key: row.id });
      return;
    case 'signal-catch': {
      const [, marked] = await Promise.all([receive(p.instanceId), scope.tx.markSubscriptionCorrelated(p.subscriptionId)]);
      if (!marked) return;
      await stepInTx(
        ctx, scope, p.instanceId, p.actor,
        (rt) => void triggerEvent(rt, p.activityInstanceId, p.elementId, p.variables, { subscription: p.subscriptionId }),
        undefined, { skipEnded: true },
      );
      return;
    }
    case 'signal-start': {
      const [, started] = await Promise.all([receive(p.startedId), exists(scope, p.startedId)]);
      if (started) return;
      const { definition } = await ctx.models.get(scope.tx, p.definitionId);
      await startInTx(ctx, scope, definition, { instanceId: p.startedId, variables: p.variables, startEventId: p.elementId, actor: p.actor });
      return;
    }
  }
}
