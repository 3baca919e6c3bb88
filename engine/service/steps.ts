/**
 * One step of one instance inside a transaction: lock, restore the tree,
 * apply an input through the runtime, save the tree with everything it
 * produced, then deliver its outbox (messages, signals, called and calling
 * instances) in the same transaction.
 */
import type { DefinitionRecord, InstanceRecord, JsonObject } from '../store/records.js';
import { emptyEffects, type Effects } from '../store/Store.js';
import { Runtime, type StepEnv } from '../runtime/Runtime.js';
import { emptyOutbox, type Outbox } from '../runtime/Outbox.js';
import type { ExecutionTree } from '../runtime/tree.js';
import { completeActivity, startInstance, terminateInstance, throwErrorAt } from '../runtime/inputs.js';
import { ConflictError, LifelineError, NotFoundError } from '../errors/LifelineError.js';
import type { EngineContext, TxScope } from './EngineContext.js';
import type { ProcessModel } from '../runtime/ProcessModel.js';
import { deliverMessage, deliverMessages, deliverSignal } from './correlation.js';
import { assignNewTasks } from './assignment.js';
import { historyNote } from './history.js';
import { resolveIncidentsOfEndedTokens } from './endedTokens.js';

const MAX_DEPTH = 32;

interface StartOptions {
  businessKey?: string | null;
  variables?: JsonObject;
  actor?: string | null;
  startEventId?: string;
  parent?: { instanceId: string; activityInstanceId: string };
  instanceId?: string;
}

async function env(ctx: EngineContext, scope: TxScope, instance: InstanceRecord, model: ProcessModel, actor: string | null): Promise<StepEnv> {
  return {
    calendars: await ctx.calendarBook(scope),
    now: scope.now,
    newId: () => ctx.newId(),
    instance: {
      id: instance.id,
      definitionId: instance.definitionId,
      definitionKey: instance.definitionKey,
      businessKey: instance.businessKey,
      parentInstanceId: instance.parentInstanceId,
    },
    model,
    effects: emptyEffects(),
    outbox: emptyOutbox(),
    actor,
    limits: ctx.stepLimits,
  };
}

/** Lets the event loop serve other requests between slices of a long step. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs what the input left queued, a slice at a time, yielding in between. */
async function settle(rt: Runtime): Promise<void> {
  while (rt.pending) {
    await yieldToEventLoop();
    rt.run();
  }
}

/** Starts an instance of `definition` and runs it to its first wait states. */
export async function startInTx(ctx: EngineContext, scope: TxScope, definition: DefinitionRecord, options: StartOptions): Promise<InstanceRecord> {
  const { model } = ctx.models.cached(definition);
  const instance: InstanceRecord = {
    id: options.instanceId ?? ctx.newId(),
    definitionId: definition.id,
    definitionKey: definition.key,
    definitionVersion: definition.version,
    businessKey: options.businessKey ?? null,
    state: 'active',
    snapshot: null,
    variables: {},
    activeElements: [],
    revision: 0,
    parentInstanceId: options.parent?.instanceId ?? null,
    parentActivityInstanceId: options.parent?.activityInstanceId ?? null,
    startedAt: scope.now,
    endedAt: null,
    updatedAt: scope.now,
    startedBy: options.actor ?? null,
  };
  const stepEnv = await env(ctx, scope, instance, model, options.actor ?? null);
  const rt = new Runtime(stepEnv, Runtime.newTree(stepEnv));
  startInstance(rt, options.variables ?? {}, options.startEventId);
  await settle(rt);
  recordVariableChanges(rt, options.variables ?? {}, rt.tree.root.variables);
  return finish(ctx, scope, instance, rt, true);
}

/**
 * Applies `input` to instance `id` under a row lock. `prepare` runs first
 * (under the lock) and may veto the step by returning false. An instance
 * that has ended is a conflict, or with `skipEnded` no step (undefined), as
 * is one that never started (a called process that was not deployed).
 */
export async function stepInTx(
  ctx: EngineContext,
  scope: TxScope,
  id: string,
  actor: string | null,
  input: (rt: Runtime, instance: InstanceRecord) => void,
  prepare?: (instance: InstanceRecord) => Promise<boolean | void>,
  options: { skipEnded?: boolean; locked?: InstanceRecord } = {},
): Promise<InstanceRecord | undefined> {
  // `locked`: the caller locked the instance in this transaction already (with what it read alongside)
  const instance = options.locked ?? (await scope.tx.lockInstance(id));
  if (!instance && options.skipEnded) return undefined;
  if (!instance) throw new NotFoundError('process instance', id);
  if (instance.state !== 'active' && options.skipEnded) return undefined;
  if (instance.state !== 'active') throw new ConflictError(`process instance ${id} has ended (${instance.state})`, { instanceId: id, state: instance.state });
  if (prepare && (await prepare(instance)) === false) return undefined;
  const { model } = await ctx.models.get(scope.tx, instance.definitionId);
  const tree = instance.snapshot as ExecutionTree;
  const before = instance.variables;
  tree.root.variables = structuredClone(instance.variables);
  const rt = new Runtime(await env(ctx, scope, instance, model, actor), tree);
  input(rt, instance);
  await settle(rt);
  recordVariableChanges(rt, before, tree.root.variables);
  return finish(ctx, scope, instance, rt, false);
}

/** One history line naming the process variables a step created or changed, with their new values. */
function recordVariableChanges(rt: Runtime, before: JsonObject, after: JsonObject): void {
  const changed: JsonObject = {};
  for (const [name, value] of Object.entries(after)) {
    if (!(name in before) || JSON.stringify(before[name]) !== JSON.stringify(value)) changed[name] = value;
  }
  if (Object.keys(changed).length) rt.history('variables.changed', null, { variables: changed });
}

async function finish(ctx: EngineContext, scope: TxScope, instance: InstanceRecord, rt: Runtime, isNew: boolean): Promise<InstanceRecord> {
  const { effects, outbox } = rt.env;
  const root = rt.tree.root;
  instance.variables = root.variables;
  instance.snapshot = { version: 1, root: { ...root, variables: {} } };
  instance.activeElements = rt.activeElements();
  instance.updatedAt = scope.now;
  if (outbox.ended || ['completed', 'terminated', 'failed'].includes(root.state)) {
    instance.state = root.state === 'terminated' ? 'cancelled' : outbox.ended === 'terminated' || root.state === 'failed' ? 'terminated' : 'completed';
    instance.endedAt = scope.now;
  }
  for (const error of outbox.unhandledErrors) {
    effects.history.push(historyNote(instance.id, scope.now, 'incident.created', error.elementId, { type: 'unhandled_error', code: error.code }));
    effects.incidents.push({
      id: ctx.newId(),
      instanceId: instance.id,
      activityInstanceId: error.executionId,
      elementId: error.elementId,
      definitionKey: instance.definitionKey,
      type: 'unhandled_error',
      message: `BPMN error '${error.code}'${error.message ? ` (${error.message})` : ''} thrown at ${error.elementId} is caught by no boundary or event subprocess`,
      jobId: null,
      state: 'open',
      createdAt: scope.now,
      resolvedAt: null,
    });
  }
  if (effects.tasks.length) await assignNewTasks(ctx, scope, instance, rt.model, effects);
  if (isNew) await scope.tx.insertInstance(instance);
  else await scope.tx.updateInstance(instance);
  instance.revision += isNew ? 0 : 1;
  // callers read back the instances they stepped themselves; instances started by deliveries (thousands, for a campaign) need not be kept
  if (scope.depth === 0 || scope.latest.has(instance.id)) scope.latest.set(instance.id, instance);
  await resolveIncidentsOfEndedTokens(scope, instance, rt);
  await writeEffects(scope, effects);
  await deliverOutbox(ctx, scope, instance, outbox);
  return instance;
}

/** Writes a step's effects and remembers timers for the scheduler. */
export async function writeEffects(scope: TxScope, effects: Effects): Promise<void> {
  await scope.tx.applyEffects(effects);
  for (const s of effects.subscriptions) if (s.kind === 'message' && s.instanceId) scope.openedSubscriptions.add(`${s.name}\u0000${s.correlationKey ?? ''}`);
  for (const timer of effects.timers) scope.scheduled.push({ id: timer.id, dueAt: timer.dueAt });
  scope.cancelled.push(...effects.cancelTimers);
}

async function nested<T>(scope: TxScope, work: () => Promise<T>): Promise<T> {
  if (scope.depth >= MAX_DEPTH) throw new LifelineError('DELIVERY_TOO_DEEP', `more than ${MAX_DEPTH} nested deliveries between instances in one step: a message or call cycle?`);
  scope.depth += 1;
  try {
    return await work();
  } finally {
    scope.depth -= 1;
  }
}

async function deliverOutbox(ctx: EngineContext, scope: TxScope, instance: InstanceRecord, outbox: Outbox): Promise<void> {
  for (const call of outbox.calls) {
    await nested(scope, () => startCalled(ctx, scope, instance, call));
  }
  for (const childId of outbox.cancelInstances) {
    await nested(scope, async () => {
      await stepInTx(ctx, scope, childId, null, (rt) => terminateInstance(rt), undefined, { skipEnded: true });
    });
  }
  const parent = instance.parentInstanceId && instance.parentActivityInstanceId ? { id: instance.parentInstanceId, activity: instance.parentActivityInstanceId } : null;
  // What the child threw (an escalation end event) reaches the parent before the child's completion moves the call activity on.
  for (const news of outbox.toParent) {
    if (!parent) break;
    await nested(scope, () =>
      stepInTx(ctx, scope, parent.id, null, (rt) => {
        if (!rt.index.get(parent.activity)) return;
        if (news.type === 'error') throwErrorAt(rt, parent.activity, news.code, news.message, {});
        else {
          rt.send(rt.index.get(parent.activity)!, { type: 'ESCALATION', code: news.code });
          rt.run();
        }
      }),
    );
  }
  if (parent && outbox.ended === 'completed') {
    const childVariables = instance.variables;
    await nested(scope, () =>
      stepInTx(ctx, scope, parent.id, null, (rt) => {
        const waiting = rt.index.get(parent.activity);
        if (!waiting) return;
        const called = rt.model.node(waiting.nodeId).calledElement;
        completeActivity(rt, parent.activity, childVariables, { propagate: called?.propagateAllChildVariables !== false });
      }),
    );
  }
  if (outbox.messages.length) {
    await nested(scope, async () => {
      const deliveries = outbox.messages.map((m) => ({ name: m.name, correlationKey: m.correlationKey ?? undefined, variables: m.variables }));
      const results = outbox.messages.length === 1 ? [await deliverMessage(ctx, scope, deliveries[0])] : await deliverMessages(ctx, scope, deliveries);
      const lost = outbox.messages.filter((_, i) => results[i].correlated.length === 0 && results[i].started.length === 0);
      for (const message of lost) ctx.log('message.uncorrelated', { instanceId: instance.id, elementId: message.elementId, name: message.name, correlationKey: message.correlationKey });
      if (lost.length) {
        await writeEffects(scope, { ...emptyEffects(), history: lost.map((message) => historyNote(instance.id, scope.now, 'message.uncorrelated', message.elementId, { name: message.name, correlationKey: message.correlationKey })) });
      }
    });
  }
  for (const signal of outbox.signals) {
    // The throwing instance caught its own signal during the step (behaviours/signals.ts).
    await nested(scope, () => deliverSignal(ctx, scope, signal.name, signal.variables, null, instance.id));
  }
}

async function startCalled(ctx: EngineContext, scope: TxScope, parent: InstanceRecord, call: Outbox['calls'][number]): Promise<void> {
  const definition = await scope.tx.latestDefinition(call.processId);
  if (!definition) {
    await writeEffects(scope, {
      ...emptyEffects(),
      incidents: [{
        id: ctx.newId(), instanceId: parent.id, activityInstanceId: call.executionId, elementId: call.elementId, definitionKey: parent.definitionKey,
        type: 'called_process_missing', message: `${call.elementId}: no process with id '${call.processId}' is deployed`, jobId: null, state: 'open', createdAt: scope.now, resolvedAt: null,
      }],
    });
    return;
  }
  await startInTx(ctx, scope, definition, {
    instanceId: call.childInstanceId,
    businessKey: parent.businessKey,
    variables: call.variables,
    parent: { instanceId: parent.id, activityInstanceId: call.executionId },
  });
}

export { historyNote };
