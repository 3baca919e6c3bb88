/**
 * Delivering outbox rows, each in a transaction of its own that changes
 * its one target instance only and records the row in that target's inbox
 * (deliverRow.ts); the row, on the sender's side, is deleted by a statement
 * of its own once that committed (on one database sent behind the COMMIT,
 * not waited for). A crash in between leaves the row: its redelivery meets
 * the inbox and only deletes it. After that commit, the rows the delivery wrote are delivered the same way (the
 * cascade: a child's own calls and messages, the parent it completes...),
 * so a command returns once everything its step set off has happened.
 *
 * A delivery that fails is rolled back and recorded on the row: tried again
 * with backoff by the pump (the sweep), and after MAX_ATTEMPTS parked behind
 * an incident on the sender's element, whose retry puts the row back.
 */
import type { IncidentRecord, InstanceRecord, OutboxPayload, OutboxRecord, SubscriptionRecord } from '../../store/records.js';
import { emptyEffects } from '../../store/Store.js';
import type { EngineContext, OutboxRef, TxScope } from '../EngineContext.js';
import { historyNote } from '../history.js';
import { startInTx, writeEffects } from '../steps.js';
import { ConflictError } from '../../errors/LifelineError.js';
import { CalledProcessMissing, DeliveredAlready, deliverRow, derivedId } from './deliverRow.js';
import { messageStarts } from './messageStarts.js';

/** Attempts before a failing delivery becomes an incident, and the wait after each failed one. */
export const MAX_ATTEMPTS = 3;
const BACKOFF_MS = [1_000, 10_000];

/** Runs of messages go this many at a time (a campaign's thousands of invitations): connections of the pool, each with a batch of back-to-back transactions; other rows one by one, in order. */
const PARALLEL = 8;

/** What happened to a row: delivered, failed (recorded for a retry or an incident), or left alone (gone, or another process holds it). */
export type DeliveryOutcome = 'delivered' | 'failed' | 'skipped';

/** The row a ref names: from memory on the eager path, else read (not locked) before its delivery. */
async function rowOf(ctx: EngineContext, ref: OutboxRef): Promise<OutboxRecord | undefined> {
  if (ref.payload && ref.hops !== undefined && ref.sender) {
    const p = ref.payload;
    return { id: ref.id, instanceId: ref.sender, elementId: ref.elementId ?? null, payload: p, hops: ref.hops, attempts: 0, nextAttemptAt: new Date(0), lastError: null, incidentId: null, createdAt: new Date(0) };
  }
  return ctx.transaction((scope) => scope.tx.readOutboxRow(ref.id));
}

/**
 * Delivers row `ref` in a transaction of its own on its target's side (then
 * its cascade): the row is recorded in the target's inbox and deleted on the
 * sender's side once that committed, by a statement sent behind the COMMIT
 * (not waited for). A row delivered before (found in the inbox) is only
 * deleted. A failure is recorded, never thrown.
 */
export async function deliverOne(ctx: EngineContext, ref: OutboxRef, watch?: Map<string, InstanceRecord>): Promise<DeliveryOutcome> {
  const id = ref.id;
  try {
    const row = await rowOf(ctx, ref);
    if (!row) return 'skipped';
    try {
      await ctx.transaction(async (scope) => {
        scope.hops = row.hops;
        await deliverRow(ctx, scope, row);
        await scope.tx.deleteOutboxRowsAfterCommit(row.instanceId, [row.id]);
      }, { watch });
      return 'delivered';
    } catch (error) {
      if (error instanceof DeliveredAlready) {
        await ctx.transaction((scope) => scope.tx.deleteOutboxRowsAfterCommit(row.instanceId, [row.id]));
        return 'skipped';
      }
      if (error instanceof CalledProcessMissing) {
        await calledProcessMissing(ctx, error.row);
        return 'delivered';
      }
      throw error;
    }
  } catch (error) {
    await recordFailure(ctx, id, error as Error);
    return 'failed';
  }
}

/** A call whose process is not deployed: the incident is the sender's (its call activity waits), written with the row's deletion on the sender's side. */
async function calledProcessMissing(ctx: EngineContext, row: OutboxRecord): Promise<void> {
  const p = row.payload;
  if (p.kind !== 'call') return;
  await ctx.transaction(async (scope) => {
    await writeEffects(scope, {
      ...emptyEffects(),
      incidents: [{
        id: ctx.newId(), instanceId: p.parentId, activityInstanceId: p.executionId, elementId: p.elementId, definitionKey: p.definitionKey,
        type: 'called_process_missing', message: `${p.elementId}: no process with id '${p.processId}' is deployed`, jobId: null, state: 'open', createdAt: scope.now, resolvedAt: null,
      }],
    });
    await scope.tx.deleteOutboxRow(row.id);
  });
}

type StartRef = OutboxRef & { payload: Extract<OutboxPayload, { kind: 'message' }>; hops: number; sender: string };

/**
 * A message nobody waits for, delivered in one statement that is its whole
 * transaction (it reads nothing): the instance its start event starts and
 * the row in that instance's inbox; the row's deletion follows as a
 * statement of its own on the sender's side. The instance id derives from
 * the row, as on the full path: should that instance exist already (another
 * process delivered the row meanwhile), the insert fails, and the retry on
 * the full path finds it and only deletes the row.
 */
function startByMessage(ctx: EngineContext, ref: StartRef, start: SubscriptionRecord): (scope: TxScope) => Promise<void> {
  const p = ref.payload;
  return async (scope) => {
    scope.hops = ref.hops;
    const { definition } = await ctx.models.get(scope.tx, start.definitionId!);
    const startedId = derivedId(ref.id, 'message');
    await startInTx(ctx, scope, definition, { instanceId: startedId, businessKey: p.correlationKey, variables: p.variables, startEventId: start.elementId });
    await writeEffects(scope, { ...emptyEffects(), history: [historyNote(startedId, scope.now, 'message.correlated', start.elementId, { name: p.name, correlationKey: p.correlationKey })] });
    // the started instance's inbox holds the row (its id guards the start itself); the batch's rows go afterwards, on the sender's side
    await scope.tx.receiveOutboxRowWithWrites(startedId, ref.id, scope.now);
  };
}

/** Deletes a batch's delivered rows on their senders' side: one statement per sender, not waited for (a row left behind is redelivered, meets its inbox row and goes then). */
async function deleteDelivered(ctx: EngineContext, refs: StartRef[]): Promise<void> {
  if (!refs.length) return;
  const bySender = new Map<string, string[]>();
  for (const ref of refs) {
    const ids = bySender.get(ref.sender) ?? [];
    ids.push(ref.id);
    bySender.set(ref.sender, ids);
  }
  await ctx.transaction(async (scope) => {
    for (const [sender, ids] of bySender) await scope.tx.deleteOutboxRowsAfterCommit(sender, ids);
  });
}

/** Message starts per batch of transactions on one connection (Store.transactionBatch). */
const START_BATCH = 50;

/** Delivers message starts in batches of back-to-back transactions, a few batches at a time; a conflict means another process delivered the row. */
async function startAll(ctx: EngineContext, refs: { ref: StartRef; start: SubscriptionRecord }[], watch?: Map<string, InstanceRecord>): Promise<DeliveryOutcome[]> {
  const outcomes = new Array<DeliveryOutcome>(refs.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(PARALLEL, Math.ceil(refs.length / START_BATCH)) }, async () => {
    while (next < refs.length) {
      const from = next;
      next = Math.min(refs.length, next + START_BATCH);
      const batch = refs.slice(from, next);
      const results = await ctx.transactionBatch(batch.map(({ ref, start }) => startByMessage(ctx, ref, start)), { watch });
      await deleteDelivered(ctx, batch.filter((_, i) => results[i].ok).map(({ ref }) => ref));
      for (let i = 0; i < batch.length; i++) {
        const result = results[i];
        if (result.ok) outcomes[from + i] = 'delivered';
        else if (result.error instanceof ConflictError) outcomes[from + i] = 'skipped';
        else {
          await recordFailure(ctx, batch[i].ref.id, result.error as Error);
          outcomes[from + i] = 'failed';
        }
      }
    }
  }));
  return outcomes;
}

/** Delivers the rows one transaction wrote: in order, except that runs of messages go a few at a time. */
export async function deliverRows(ctx: EngineContext, rows: OutboxRef[], watch?: Map<string, InstanceRecord>): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = [];
  for (let i = 0; i < rows.length; ) {
    let end = i + 1;
    if (rows[i].kind === 'message') while (end < rows.length && rows[end].kind === 'message') end += 1;
    if (end - i === 1) {
      outcomes.push(await deliverOne(ctx, rows[i], watch));
    } else {
      const run = rows.slice(i, end);
      const known = run.filter((r) => r.payload?.kind === 'message' && r.hops !== undefined && r.sender) as StartRef[];
      const starts = known.length === run.length ? await messageStarts(ctx, known) : new Map<string, SubscriptionRecord>();
      const quick = run.flatMap((ref) => (starts.has(ref.id) ? [{ ref: ref as StartRef, start: starts.get(ref.id)! }] : []));
      const rest = run.filter((ref) => !starts.has(ref.id));
      const results = await startAll(ctx, quick, watch);
      let next = 0;
      await Promise.all(Array.from({ length: Math.min(PARALLEL, rest.length) }, async () => {
        while (next < rest.length) {
          const at = next++;
          results.push(await deliverOne(ctx, rest[at], watch));
        }
      }));
      outcomes.push(...results);
    }
    i = end;
  }
  return outcomes;
}

/** What a row asked, in words (for incidents and logs). */
function describe(row: OutboxRecord): string {
  const p = row.payload;
  switch (p.kind) {
    case 'call': return `starting process '${p.processId}'`;
    case 'cancel': return `cancelling instance ${p.childId}`;
    case 'parent': return `${p.completed ? 'completing' : 'notifying'} the calling instance ${p.parentId}`;
    case 'message': return `message '${p.name}'${p.correlationKey !== null ? ` (correlation key '${p.correlationKey}')` : ''}`;
    case 'signal': return `signal '${p.name}'`;
    case 'signal-catch': return `signal '${p.name}' to instance ${p.instanceId}`;
    case 'signal-start': return `signal '${p.name}' starting an instance`;
  }
}

/** Records a failed attempt: retry after a backoff, or (attempts used up) an incident on the sender's element. */
async function recordFailure(ctx: EngineContext, id: string, error: Error): Promise<void> {
  const message = error.message || String(error);
  try {
    await ctx.transaction(async (scope) => {
      const row = await scope.tx.lockOutboxRow(id);
      if (!row) return;
      const attempts = row.attempts + 1;
      ctx.log('outbox.delivery.failed', { id, instanceId: row.instanceId, kind: row.payload.kind, attempts, error: message });
      // an incident needs an instance: a broadcast's row for an instance it would start keeps being retried
      const sender = attempts < MAX_ATTEMPTS ? undefined : await scope.tx.lockInstance(row.instanceId);
      if (!sender) {
        const wait = BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)];
        await scope.tx.recordOutboxFailure(id, { attempts, lastError: message, nextAttemptAt: new Date(scope.now.getTime() + wait), incidentId: null });
        return;
      }
      const incident: IncidentRecord = {
        id: ctx.newId(), instanceId: row.instanceId, activityInstanceId: row.payload.kind === 'call' ? row.payload.executionId : null, elementId: row.elementId,
        definitionKey: sender.definitionKey, type: 'delivery_failed',
        message: `${row.elementId ?? 'instance'}: ${describe(row)} failed ${attempts} times: ${message}`,
        jobId: null, state: 'open', createdAt: scope.now, resolvedAt: null,
      };
      await writeEffects(scope, { ...emptyEffects(), incidents: [incident], history: [historyNote(row.instanceId, scope.now, 'incident.created', row.elementId, { type: incident.type, outboxId: id })] });
      await scope.tx.recordOutboxFailure(id, { attempts, lastError: message, nextAttemptAt: scope.now, incidentId: incident.id });
    });
  } catch (failure) {
    // the row stays as it was: the pump tries it again
    ctx.log('outbox.failure.unrecorded', { id, error: (failure as Error).message });
  }
}

/** Rows the pump lists per round. */
const PUMP_BATCH = 200;

/**
 * The pump every engine process runs in its sweep: delivers due rows left
 * behind (a crash between commit and delivery, a failure waiting for its
 * retry, a row another process gave up). Returns how many it delivered.
 */
export async function pumpOutbox(ctx: EngineContext): Promise<number> {
  let delivered = 0;
  for (;;) {
    const ids = await ctx.transaction((scope) => scope.tx.dueOutboxRows(scope.now, PUMP_BATCH));
    if (!ids.length) return delivered;
    let progress = 0;
    // one by one, oldest first: rows of one sender keep their order (a child started before it is cancelled)
    for (const id of ids) if ((await deliverOne(ctx, { id, kind: 'due' })) === 'delivered') progress += 1;
    delivered += progress;
    // rows held by another process, or failing again, are listed again only next sweep
    if (progress === 0 || ids.length < PUMP_BATCH) return delivered;
  }
}
