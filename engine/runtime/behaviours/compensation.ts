/**
 * Compensation (BPMN 13.5.5): completed activities with a compensation
 * handler are remembered, with their variables, by the scope they completed
 * in; a compensation throw event runs the handlers of one activity or of
 * all, last completed first, and waits for them. A subprocess without a
 * handler of its own is compensated by compensating what completed inside
 * it; one with a compensation event subprocess runs that. A cancel end event
 * ends what is still running in its transaction, compensates what completed
 * there, and leaves through the transaction's cancel boundary event.
 */
import type { NodeIR } from '../../ir/types.js';
import type { Runtime } from '../Runtime.js';
import type { CompensationRecord, Execution, PendingCompensation } from '../tree.js';

/** The compensation event subprocess inside a subprocess node, with its start event. */
function compensationSubprocess(node: NodeIR): { espId: string; startId: string } | undefined {
  for (const espId of node.scope?.eventSubprocesses ?? []) {
    const inner = node.scope!.nodes[espId].scope!;
    const startId = inner.startEvents.find((id) => inner.nodes[id].event?.type === 'compensate');
    if (startId) return { espId, startId };
  }
  return undefined;
}

/**
 * Remembers a completed activity in its scope when something could compensate
 * it later: its handler, its compensation event subprocess, or compensable
 * activities that completed inside it.
 */
export function rememberCompletion(rt: Runtime, execution: Execution, holder: Execution): void {
  const node = rt.model.node(execution.nodeId);
  const children = execution.body?.compensations ?? [];
  if (!node.compensationHandler && !compensationSubprocess(node) && children.length === 0) return;
  const record: CompensationRecord = { nodeId: node.id };
  if (Object.keys(execution.variables).length) record.variables = { ...execution.variables };
  if (execution.body && Object.keys(execution.body.variables).length) record.bodyVariables = { ...execution.body.variables };
  if (children.length) record.children = children;
  (holder.compensations ??= []).push(record);
}

/** Records → handlers to run, last completed first; subprocesses without a handler unfold into their inner records. */
function unfold(rt: Runtime, records: CompensationRecord[], inherited: Record<string, unknown>): PendingCompensation[] {
  const queue: PendingCompensation[] = [];
  for (const record of [...records].reverse()) {
    const node = rt.model.node(record.nodeId);
    const esp = compensationSubprocess(node);
    if (node.compensationHandler) queue.push({ handler: node.compensationHandler, variables: { ...inherited, ...record.bodyVariables, ...record.variables } });
    else if (esp) queue.push({ handler: esp.espId, start: esp.startId, variables: { ...inherited, ...record.bodyVariables }, children: record.children ?? [] });
    else if (record.children) queue.push(...unfold(rt, record.children, { ...inherited, ...record.bodyVariables }));
  }
  return queue;
}

/**
 * Where the records that `scope` may compensate are kept: the scope itself;
 * for an event subprocess, the scope around it (or, when it runs as a
 * compensation handler, the records it was handed).
 */
function recordHolder(rt: Runtime, scope: Execution): Execution {
  if (!rt.model.hasNode(scope.nodeId) || !rt.model.node(scope.nodeId).triggeredByEvent) return scope;
  const esp = rt.index.parent(scope)!;
  if (esp.compensations) return esp;
  return rt.index.scopeOf(rt.index.parent(esp)!);
}

/**
 * A compensation throw or end event: take the records it names and start
 * their handlers, one after another while the event waits; with
 * waitForCompletion false, all at once while the event goes on.
 */
export function startCompensation(rt: Runtime, thrower: Execution, activityRef: string | undefined, cancel = false, waitForCompletion = true): void {
  const scope = rt.index.parent(thrower)!;
  const holder = recordHolder(rt, scope);
  const records = holder.compensations ?? [];
  const chosen = activityRef ? records.filter((r) => r.nodeId === activityRef) : records;
  const rest = records.filter((r) => !chosen.includes(r));
  if (rest.length) holder.compensations = rest;
  else delete holder.compensations;
  const queue = unfold(rt, chosen, {});
  rt.history('compensation.started', thrower, { handlers: queue.map((q) => q.handler) });
  if (!waitForCompletion && !cancel) {
    for (const item of queue) startHandler(rt, scope, item);
    rt.later(() => rt.index.get(thrower.id) === thrower && rt.send(thrower, { type: 'COMPLETE' }));
    return;
  }
  thrower.compensating = { queue, ...(cancel ? { cancel } : {}) };
  nextCompensation(rt, thrower);
}

function startHandler(rt: Runtime, scope: Execution, item: PendingCompensation, thrower?: Execution): void {
  const handler = rt.newActivity(scope, rt.model.node(item.handler));
  handler.variables = { ...item.variables };
  if (thrower) handler.compensationFor = thrower.id;
  if (item.start) {
    handler.compensations = item.children ?? [];
    rt.pendingStarts.set(handler.id, item.start);
  }
  rt.send(handler, { type: 'ACTIVATE' });
}

/** Runs the next handler of a compensation in progress, or ends it. */
export function nextCompensation(rt: Runtime, thrower: Execution): void {
  if (rt.index.get(thrower.id) !== thrower || thrower.state !== 'active' || !thrower.compensating) return;
  const item = thrower.compensating.queue.shift();
  if (!item) {
    const cancel = thrower.compensating.cancel;
    delete thrower.compensating;
    rt.history('compensation.completed', thrower);
    if (cancel) leaveTransaction(rt, thrower);
    else rt.later(() => rt.index.get(thrower.id) === thrower && rt.send(thrower, { type: 'COMPLETE' }));
    return;
  }
  startHandler(rt, rt.index.parent(thrower)!, item, thrower);
}

/** A handler finished: the event that waits for it goes on with the next one. */
export function compensationHandlerDone(rt: Runtime, handler: Execution): void {
  const thrower = rt.index.get(handler.compensationFor!);
  if (thrower) rt.later(() => nextCompensation(rt, thrower));
}

/** A cancel end event: end every other token of the transaction, then compensate what completed in it. */
export function cancelTransaction(rt: Runtime, thrower: Execution): void {
  const scope = rt.index.parent(thrower)!;
  rt.ending(`cancel end event ${thrower.nodeId}`, () => {
    for (const sibling of [...scope.children]) {
      if (sibling === thrower) continue;
      rt.send(sibling, { type: 'TERMINATE' });
      rt.index.removeChild(scope, sibling);
    }
  });
  scope.joins = {};
  rt.history('transaction.cancelled', rt.index.parent(scope) ?? null);
  startCompensation(rt, thrower, undefined, true);
}

/** After a cancelled transaction is compensated: on through its cancel boundary event. */
function leaveTransaction(rt: Runtime, thrower: Execution): void {
  const transaction = rt.index.parent(rt.index.parent(thrower)!);
  if (!transaction) return;
  const node = rt.model.node(transaction.nodeId);
  const scope = rt.model.scopeOfNode(node.id);
  const boundary = (node.boundaryEvents ?? []).find((id) => scope.nodes[id].event?.type === 'cancel');
  if (boundary) rt.later(() => rt.index.get(transaction.id) === transaction && rt.send(transaction, { type: `TRIGGER.${boundary}` }));
  else rt.later(() => rt.index.get(thrower.id) === thrower && rt.send(thrower, { type: 'COMPLETE' }));
}
