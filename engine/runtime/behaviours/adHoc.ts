/**
 * Ad-hoc subprocesses (BPMN 10.3.5.3). On entry the body starts the
 * activities named by `activeElements` (or every activity no sequence flow
 * leads to): all at once with Parallel ordering, one after another with
 * Sequential ordering. After each inner completion the completion condition
 * is checked: when it holds, what still runs is cancelled (unless
 * cancelRemainingInstances is false) and nothing new starts. Without a
 * condition the body is done when nothing runs any more; with one it waits
 * (more activities may be started on demand) until the condition holds. A
 * completion condition that cannot be evaluated is an incident on the
 * subprocess: nothing more starts and nothing is cancelled until the
 * incident is retried.
 */
import type { AdHocDefinition } from '../../ir/types.js';
import { evaluateCondition, evaluateExpr, ExpressionError } from '../../expressions/feel.js';
import type { Runtime } from '../Runtime.js';
import type { Execution } from '../tree.js';
import { attempt, isStalled } from '../stalls.js';

/** The ad-hoc definition of the subprocess whose body `scope` is, if it is one. */
export function adHocOf(rt: Runtime, scope: Execution): AdHocDefinition | undefined {
  return scope.kind === 'scope' && rt.model.hasNode(scope.nodeId) ? rt.model.node(scope.nodeId).adHoc : undefined;
}

/** The activities an ad-hoc body starts with, in the order it starts them. */
export function adHocStarts(rt: Runtime, scope: Execution, adHoc: AdHocDefinition, fallback: string[]): string[] {
  if (!adHoc.activeElements) return fallback;
  const value = evaluateExpr(adHoc.activeElements, rt.context(scope));
  const ir = rt.model.scope(scope.nodeId);
  if (!Array.isArray(value) || value.some((id) => typeof id !== 'string' || !ir.nodes[id])) {
    throw new ExpressionError(`${scope.nodeId}: active elements '=${adHoc.activeElements.source}' gave ${JSON.stringify(value)}, not a list of ids of its activities`, adHoc.activeElements.source);
  }
  return value as string[];
}

/** Enters an ad-hoc body: its first activity (Sequential) or all of them (Parallel). */
export function enterAdHoc(rt: Runtime, scope: Execution, adHoc: AdHocDefinition, starts: string[], start: (id: string) => void): void {
  if (adHoc.ordering === 'Sequential') {
    const [first, ...rest] = starts;
    if (rest.length) scope.adHocQueue = rest;
    if (first) start(first);
  } else {
    for (const id of starts) start(id);
  }
}

/** Whether the completion condition holds: undefined when it cannot be evaluated (an incident on the subprocess) or waits for that incident. */
function isDone(rt: Runtime, scope: Execution, adHoc: AdHocDefinition): boolean | undefined {
  const condition = adHoc.completionCondition;
  if (condition === undefined) return false;
  return attempt(rt, scope, scope.nodeId, 'completion', () => evaluateCondition(condition, rt.context(scope)))?.value;
}

/** An inner activity completed: when the completion condition holds, stop starting and (by default) cancel the rest. */
export function adHocChildCompleted(rt: Runtime, scope: Execution, adHoc: AdHocDefinition): void {
  if (!isDone(rt, scope, adHoc)) return;
  delete scope.adHocQueue;
  if (!adHoc.cancelRemainingInstances) return;
  rt.ending(`completion condition of ${scope.nodeId} met`, () => {
    for (const child of [...scope.children]) {
      rt.send(child, { type: 'TERMINATE' });
      rt.index.removeChild(scope, child);
    }
  });
  scope.joins = {};
}

/**
 * When nothing runs in the body: start the next queued activity, or keep
 * waiting for the completion condition. False when the body may end.
 */
export function adHocIdle(rt: Runtime, scope: Execution, adHoc: AdHocDefinition, start: (id: string) => void): boolean {
  if (isStalled(scope, scope.nodeId, 'completion')) return true;
  const next = scope.adHocQueue?.shift();
  if (scope.adHocQueue?.length === 0) delete scope.adHocQueue;
  if (next) {
    start(next);
    return true;
  }
  return adHoc.completionCondition !== undefined && isDone(rt, scope, adHoc) !== true;
}

/** Evaluates the completion condition of ad-hoc body `scope` again (retrying its incident), then lets the body go on. */
export function retryAdHocCompletion(rt: Runtime, scope: Execution): void {
  const adHoc = adHocOf(rt, scope);
  if (!adHoc) return;
  adHocChildCompleted(rt, scope, adHoc);
  rt.touch(scope);
}
