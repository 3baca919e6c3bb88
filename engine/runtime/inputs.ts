/**
 * The inputs a step can apply to an instance's tree: start, an activity's
 * work done, an awaited event, a BPMN error from a worker, cancellation and
 * repair. Each mutates the tree through the statecharts and then runs the
 * runtime until nothing moves.
 */
import type { Runtime } from './Runtime.js';
import type { Execution, Waits } from './tree.js';
import { propagateVariables, setLocalVariables } from './variables.js';
import { throwError } from './behaviours/propagation.js';
import { emitTokens, enterNode } from './behaviours/flow.js';
import { openEventWait, openSubscription } from './behaviours/waits.js';
import { allPartsOccurred } from './behaviours/multipleEvents.js';
import { attempt } from './stalls.js';
import { NotFoundError, ConflictError } from '../errors/LifelineError.js';
import type { TimerRecord } from '../store/records.js';
import { nextTimer } from '../time/timerExpression.js';

/** Starts the root scope through `startEventId` (a none start event when omitted). */
export function startInstance(rt: Runtime, variables: Record<string, unknown>, startEventId?: string): void {
  Object.assign(rt.tree.root.variables, variables);
  if (startEventId) rt.pendingStarts.set(rt.tree.root.id, startEventId);
  rt.history('process.started', null, { startEventId: startEventId ?? null });
  rt.send(rt.tree.root, { type: 'ACTIVATE' });
  rt.run();
}

function execution(rt: Runtime, id: string): Execution {
  const found = rt.index.get(id);
  if (!found) throw new ConflictError(`activity instance ${id} is no longer active in instance ${rt.env.instance.id}`);
  return found;
}

function forget(waits: Waits | undefined, kind: keyof Omit<Waits, 'childInstanceId'>, id: string | undefined): void {
  if (waits && id) waits[kind] = waits[kind].filter((x) => x !== id);
}

/**
 * An activity's work is done (task completed, job completed, called
 * instance ended). With output mappings the variables are local and the
 * mappings decide what goes out; without, they propagate outwards.
 */
export function completeActivity(
  rt: Runtime,
  activityInstanceId: string,
  variables: Record<string, unknown>,
  done: { task?: string; job?: string; propagate?: boolean } = {},
): void {
  const target = execution(rt, activityInstanceId);
  forget(target.waits, 'tasks', done.task);
  forget(target.waits, 'jobs', done.job);
  if (target.waits) delete target.waits.childInstanceId;
  const node = rt.model.node(target.nodeId);
  if (node.outputs?.length) setLocalVariables(target, variables);
  else if (done.propagate !== false) propagateVariables(rt.index, target, variables);
  if (!rt.send(target, { type: 'COMPLETE' })) throw new ConflictError(`${target.nodeId} is not waiting to complete`);
  rt.run();
}

/**
 * An awaited event happened for `elementId`, waited on by execution
 * `ownerId`: a catch event or receive task itself, one of its boundary
 * events, an event-gateway branch, or an event subprocess start. False when
 * the owner no longer waits for it.
 */
export function triggerEvent(rt: Runtime, ownerId: string, elementId: string, variables: Record<string, unknown>, done: { timer?: string; subscription?: string } = {}): boolean {
  const owner = rt.index.get(ownerId);
  if (!owner) return false;
  forget(owner.waits, 'timers', done.timer);
  forget(owner.waits, 'subscriptions', done.subscription);
  const row = done.timer ?? done.subscription;
  const part = row !== undefined ? owner.eventParts?.[row] : undefined;
  if (row !== undefined && owner.eventParts) delete owner.eventParts[row];
  if (Object.keys(variables).length) propagateVariables(rt.index, owner, variables, owner.kind === 'scope');
  if (!allPartsOccurred(rt, owner, elementId, part)) {
    rt.run();
    return true;
  }
  const handled = owner.kind === 'activity' && elementId === owner.nodeId ? rt.send(owner, { type: 'COMPLETE' }) : rt.send(owner, { type: `TRIGGER.${elementId}` });
  // A subscription that cannot be opened again (its correlation key evaluates to nothing now) is an incident on the event, not a refused message.
  if (handled && done.subscription) attempt(rt, owner, elementId, 'listen', () => listenAgain(rt, owner, elementId, part), part);
  rt.run();
  return handled;
}

/**
 * Non-interrupting message and signal events (boundaries, event subprocess
 * starts) keep listening while their owner is active: each occurrence adds a token.
 */
export function listenAgain(rt: Runtime, owner: Execution, elementId: string, part?: number): void {
  if (rt.index.get(owner.id) !== owner || owner.state !== 'active' || owner.nodeId === elementId) return;
  const node = rt.model.node(elementId);
  const repeating = (node.kind === 'boundaryEvent' && node.cancelActivity === false) || (node.kind === 'startEvent' && node.isInterrupting === false);
  if (!repeating || !node.event) return;
  if (node.event.type === 'multiple' && part !== undefined) openEventWait(rt, owner, elementId, node.event.definitions[part], part);
  else openSubscription(rt, owner, elementId, node.event);
}

/**
 * A repeating timer fired: open its next occurrence on the same owner
 * (non-interrupting boundaries and event subprocess starts keep repeating).
 * An intermediate catch event with a cycle fires once per occurrence
 * (BPMN 10.5.4, timeCycle): each but the last sends a token on and keeps
 * it waiting; true when so (the caller must not complete it).
 */
export function rearmCycle(rt: Runtime, timer: TimerRecord): boolean {
  if (!timer.cycle || !timer.activityInstanceId) return false;
  const owner = rt.index.get(timer.activityInstanceId);
  if (!owner || owner.state !== 'active') return false;
  const next = nextTimer(timer.cycle, timer.dueAt, rt.timeContext(timer.elementId));
  if (!next) return false;
  const id = rt.env.newId();
  rt.env.effects.timers.push({ ...timer, id, dueAt: next.dueAt, cycle: next.cycle, state: 'scheduled', createdAt: rt.env.now, firedAt: null });
  owner.waits!.timers.push(id);
  if (owner.nodeId !== timer.elementId) return false;
  forget(owner.waits, 'timers', timer.id);
  rt.history('event.occurred', owner, { timerId: timer.id });
  emitTokens(rt, owner);
  rt.run();
  return true;
}

/** A worker threw a BPMN error for the job of `activityInstanceId`. */
export function throwErrorAt(rt: Runtime, activityInstanceId: string, code: string, message: string | undefined, variables: Record<string, unknown>, job?: string): void {
  const target = execution(rt, activityInstanceId);
  forget(target.waits, 'jobs', job);
  if (Object.keys(variables).length) setLocalVariables(target, variables);
  throwError(rt, target, code, message);
  rt.run();
}

/** Throws again the error an execution threw that nothing caught (retrying its incident); false when it is gone. */
export function rethrowUncaught(rt: Runtime, activityInstanceId: string): boolean {
  const target = rt.index.get(activityInstanceId);
  if (!target?.uncaughtError) return false;
  throwError(rt, target, target.uncaughtError.code, target.uncaughtError.message);
  rt.run();
  return true;
}

/** Cancels the whole instance: every token ends, every open row is cancelled. */
export function terminateInstance(rt: Runtime): void {
  rt.ending('process instance cancelled', () => rt.send(rt.tree.root, { type: 'TERMINATE' }));
  rt.run();
}

/** Repairs: end the tokens in `cancel` elements, start new tokens before `activate` elements. */
export function modify(rt: Runtime, activate: string[], cancel: string[]): void {
  for (const elementId of cancel) {
    const targets = [...rt.index.walk()].filter((e) => e.kind === 'activity' && e.nodeId === elementId);
    if (targets.length === 0) throw new ConflictError(`no token is in element ${elementId}`);
    for (const target of targets) {
      const parent = rt.index.parent(target)!;
      rt.ending(`token at ${elementId} cancelled by instance modification`, () => rt.send(target, { type: 'TERMINATE' }));
      rt.index.removeChild(parent, target);
      rt.touch(rt.index.scopeOf(parent));
    }
  }
  for (const elementId of activate) {
    if (!rt.model.hasNode(elementId)) throw new NotFoundError('element', elementId);
    const scopeId = rt.model.scopeOfNode(elementId).id;
    const scope = [...rt.index.walk()].find((e) => e.kind === 'scope' && e.nodeId === scopeId && (e.state === 'active' || e.state === 'interrupted'));
    if (!scope) throw new ConflictError(`element ${elementId} is inside a subprocess that is not active`);
    enterNode(rt, scope, elementId);
  }
  rt.run();
}
