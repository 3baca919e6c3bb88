/**
 * One step of one instance inside a transaction: lock, restore the tree,
 * apply an input through the runtime, save the tree with everything it
 * produced, its outbox (messages, signals, called and calling instances)
 * included as rows of `instance_outbox`: they are delivered after commit,
 * each in a transaction of its own (outbox/), never in this one.
 */
import type { DefinitionRecord, InstanceRecord, JsonObject } from '../store/records.js';
import { emptyEffects, type Effects } from '../store/Store.js';
import { Runtime, type StepEnv } from '../runtime/Runtime.js';
import { emptyOutbox } from '../runtime/Outbox.js';
import type { ExecutionTree } from '../runtime/tree.js';
import { startInstance } from '../runtime/inputs.js';
import { ConflictError, NotFoundError } from '../errors/LifelineError.js';
import type { EngineContext, TxScope } from './EngineContext.js';
import type { ProcessModel } from '../runtime/ProcessModel.js';
import { outboxRows } from './outbox/outboxRows.js';
import { assignNewTasks } from './assignment.js';
import { historyNote } from './history.js';
import { resolveIncidentsOfEndedTokens } from './endedTokens.js';

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
  // callers read back the instances they stepped themselves (and the outbox cascade refreshes them, EngineContext.transaction)
  scope.latest.set(instance.id, instance);
  await resolveIncidentsOfEndedTokens(scope, instance, rt);
  outboxRows(ctx, scope, instance, outbox, effects);
  await writeEffects(scope, effects);
  return instance;
}

/** Writes a step's effects and remembers timers for the scheduler. */
export async function writeEffects(scope: TxScope, effects: Effects): Promise<void> {
  await scope.tx.applyEffects(effects);
  for (const timer of effects.timers) scope.scheduled.push({ id: timer.id, dueAt: timer.dueAt });
  for (const row of effects.outbox) scope.outbox.push({ id: row.id, kind: row.payload.kind, payload: row.payload, hops: row.hops, sender: row.instanceId, elementId: row.elementId });
  scope.cancelled.push(...effects.cancelTimers);
}

export { historyNote };
