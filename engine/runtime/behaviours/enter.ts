/**
 * What each kind of element does when a token enters it: one behaviour per
 * BPMN element type. Instant elements complete at once; wait states open
 * rows (tasks, jobs, timers, subscriptions) and stay active.
 */
import type { NodeIR, ScopeIR } from '../../ir/types.js';
import { evaluateExpr, evaluateStrict, evaluateString } from '../../expressions/feel.js';
import type { Runtime } from '../Runtime.js';
import type { Execution } from '../tree.js';
import type { Outbox } from '../Outbox.js';
import { propagateVariables, setLocalVariables, visibleVariables } from '../variables.js';
import { openEventWait, openJob, openSubscription, openUserTask } from './waits.js';
import { enterBody, isBody } from './multiInstance.js';
import { throwError, throwEscalation } from './propagation.js';
import { broadcastLocally } from './signals.js';
import { cancelTransaction, startCompensation } from './compensation.js';
import { adHocOf, adHocStarts, enterAdHoc } from './adHoc.js';

type Behaviour = (rt: Runtime, execution: Execution, node: NodeIR, triggered: boolean) => void;

/** Completes an execution once the current behaviour has returned. */
export function completeSoon(rt: Runtime, execution: Execution): void {
  rt.later(() => {
    if (rt.index.get(execution.id) === execution) rt.send(execution, { type: 'COMPLETE' });
  });
}

/** A message or signal to publish, its name and key evaluated. */
export type Publication =
  | { type: 'message'; message: Outbox['messages'][number] }
  | { type: 'signal'; signal: Outbox['signals'][number] };

/**
 * Evaluates what a message or signal throw publishes (name, correlation
 * key) without publishing it: behaviours that must not fail once they have
 * changed the tree evaluate first. Undefined for other events.
 */
export function preparePublication(rt: Runtime, execution: Execution, node: NodeIR, event = node.event, variables = rt.context(execution)): Publication | undefined {
  const carried = node.inputs?.length ? { ...execution.variables } : {};
  if (event?.type === 'message') {
    return {
      type: 'message',
      message: {
        name: evaluateString(event.messageName, variables, `${node.id} message name`),
        correlationKey: event.correlationKey ? evaluateString(event.correlationKey, variables, `${node.id} correlation key`) : null,
        variables: carried,
        elementId: node.id,
      },
    };
  }
  if (event?.type === 'signal') return { type: 'signal', signal: { name: evaluateString(event.signalName, variables, `${node.id} signal name`), variables: carried, elementId: node.id } };
  return undefined;
}

/** Publishes what `preparePublication` evaluated: to other instances after this step, a signal also to this instance at once. */
export function sendPublication(rt: Runtime, publication: Publication): void {
  if (publication.type === 'message') {
    rt.env.outbox.messages.push(publication.message);
    return;
  }
  rt.env.outbox.signals.push(publication.signal);
  broadcastLocally(rt, publication.signal.name, publication.signal.variables);
}

/** Publishes a message (or signal) to whoever waits for it in this engine, after this step. */
export function publish(rt: Runtime, execution: Execution, node: NodeIR, event = node.event): void {
  const publication = preparePublication(rt, execution, node, event);
  if (publication) sendPublication(rt, publication);
}

/** Throw events and end events: what their event definition does, then on. */
const throwing: Behaviour = (rt, execution, node) => {
  const event = node.event ?? { type: 'none' };
  if ((event.type === 'message' || node.kind === 'sendTask') && node.job) {
    openJob(rt, execution, node);
    return;
  }
  switch (event.type) {
    case 'terminate':
      terminateScope(rt, execution);
      break;
    case 'error':
      throwError(rt, execution, event.errorCode ?? '', event.errorMessage);
      return;
    case 'escalation':
      throwEscalation(rt, execution, event.escalationCode ?? '');
      break;
    case 'compensate':
      startCompensation(rt, execution, event.activityRef, false, event.waitForCompletion || node.kind === 'endEvent');
      return;
    case 'cancel':
      cancelTransaction(rt, execution);
      return;
    case 'multiple':
      // A multiple throw event sends every one of its results (BPMN 10.5.1).
      for (const part of event.definitions) {
        if (part.type === 'escalation') throwEscalation(rt, execution, part.escalationCode ?? '');
        else publish(rt, execution, node, part);
        if (rt.index.get(execution.id) !== execution) return;
      }
      break;
    case 'message':
    case 'signal':
      publish(rt, execution, node);
      break;
    default:
      break;
  }
  completeSoon(rt, execution);
};

/** Ends every other token of the enclosing scope (terminate end event). */
function terminateScope(rt: Runtime, execution: Execution): void {
  const scope = rt.index.parent(execution)!;
  rt.ending(`terminate end event ${execution.nodeId}`, () => {
    for (const sibling of [...scope.children]) {
      if (sibling === execution) continue;
      rt.send(sibling, { type: 'TERMINATE' });
      rt.index.removeChild(scope, sibling);
    }
  });
  scope.joins = {};
}

const catching: Behaviour = (rt, execution, node, triggered) => {
  if (triggered || node.event?.type === 'link' || node.event?.type === 'none' || !node.event) completeSoon(rt, execution);
  else openEventWait(rt, execution, node.id, node.event);
};

const instant: Behaviour = (rt, execution) => completeSoon(rt, execution);

const behaviours: Record<NodeIR['kind'], Behaviour> = {
  startEvent: instant,
  boundaryEvent: instant,
  task: instant,
  manualTask: instant,
  exclusiveGateway: instant,
  parallelGateway: instant,
  inclusiveGateway: instant,
  complexGateway: instant,
  endEvent: throwing,
  intermediateThrowEvent: throwing,
  sendTask: throwing,
  intermediateCatchEvent: catching,
  receiveTask: (rt, execution, node, triggered) => {
    if (triggered) completeSoon(rt, execution);
    else if (node.event) openSubscription(rt, execution, node.id, node.event);
  },
  userTask: (rt, execution, node) => openUserTask(rt, execution, node),
  serviceTask: (rt, execution, node) => openJob(rt, execution, node),
  scriptTask: (rt, execution, node) => {
    if (node.job) return openJob(rt, execution, node);
    const script = node.script!;
    const result = evaluateStrict(script.expression, rt.context(execution), `${node.id} script`);
    if (node.outputs?.length) setLocalVariables(execution, { [script.resultVariable]: result });
    else propagateVariables(rt.index, execution, { [script.resultVariable]: result });
    completeSoon(rt, execution);
  },
  eventBasedGateway: (rt, execution, node) => {
    const scope = rt.model.scopeOfNode(node.id);
    for (const flowId of node.outgoing) {
      const target = scope.nodes[scope.flows[flowId].target];
      openEventWait(rt, execution, target.id, target.event);
    }
  },
  subProcess: (rt, execution, node) => {
    const inner = rt.newScope(execution, node.id);
    const start = rt.pendingStarts.get(execution.id);
    if (start) {
      rt.pendingStarts.delete(execution.id);
      rt.pendingStarts.set(inner.id, start);
    }
    rt.send(inner, { type: 'ACTIVATE' });
  },
  callActivity: (rt, execution, node) => {
    const called = node.calledElement!;
    const variables = visibleVariables(rt.index, execution);
    const processId = evaluateString(called.processId, rt.context(execution), `${node.id} called process id`);
    const childId = rt.env.newId();
    execution.waits!.childInstanceId = childId;
    rt.env.outbox.calls.push({
      executionId: execution.id,
      elementId: node.id,
      processId,
      childInstanceId: childId,
      variables: called.propagateAllParentVariables ? variables : { ...execution.variables },
    });
  },
};

/** The `enter` action of an activity: boundary waits, input mappings, then the element's behaviour. */
export function enterActivity(rt: Runtime, execution: Execution): void {
  const node = rt.model.node(execution.nodeId);
  const triggered = rt.triggered.delete(execution.id);
  rt.touch(rt.index.scopeOf(execution));
  if (execution.machine.startsWith('activity:')) {
    const scope = rt.model.scopeOfNode(node.id);
    for (const boundaryId of node.boundaryEvents ?? []) openEventWait(rt, execution, boundaryId, scope.nodes[boundaryId].event);
  }
  if (isBody(rt, execution, node)) {
    enterBody(rt, execution, node);
    return;
  }
  if (node.inputs?.length) {
    const variables = rt.context(execution);
    const locals: Record<string, unknown> = {};
    for (const mapping of node.inputs) locals[mapping.target] = evaluateExpr(mapping.source, { ...variables, ...locals });
    setLocalVariables(execution, locals);
  }
  behaviours[node.kind](rt, execution, node, triggered);
}

/**
 * A level without start events starts at every node that no sequence flow
 * leads to (BPMN 10.5.2), except what only an event enters: boundary
 * events, event subprocesses, link catches and compensation handlers.
 */
export function implicitStarts(ir: ScopeIR): string[] {
  return Object.values(ir.nodes)
    .filter((n) => n.incoming.length === 0 && n.kind !== 'boundaryEvent' && !n.triggeredByEvent && n.event?.type !== 'link' && !n.isForCompensation)
    .map((n) => n.id);
}

/** The `enter` action of a scope: event subprocess triggers, then its start event(s). */
export function enterScope(rt: Runtime, scope: Execution): void {
  const ir = rt.model.scope(scope.nodeId);
  for (const espId of ir.eventSubprocesses) {
    const esp = ir.nodes[espId].scope!;
    for (const startId of esp.startEvents) openEventWait(rt, scope, startId, esp.nodes[startId].event);
  }
  const chosen = rt.pendingStarts.get(scope.id);
  rt.pendingStarts.delete(scope.id);
  const starts = chosen ? [chosen] : ir.startEvents.length ? ir.startEvents.filter((id) => (ir.nodes[id].event?.type ?? 'none') === 'none') : implicitStarts(ir);
  rt.touch(scope);
  const adHoc = adHocOf(rt, scope);
  if (adHoc) {
    enterAdHoc(rt, scope, adHoc, adHocStarts(rt, scope, adHoc, starts), (id) => rt.send(rt.newActivity(scope, ir.nodes[id]), { type: 'ACTIVATE' }));
    return;
  }
  for (const startId of starts) {
    const execution = rt.newActivity(scope, ir.nodes[startId]);
    // An instantiating receive task has received the message that started the instance.
    if (chosen && ir.nodes[startId].kind === 'receiveTask') rt.triggered.add(execution.id);
    rt.send(execution, { type: 'ACTIVATE' });
  }
}
