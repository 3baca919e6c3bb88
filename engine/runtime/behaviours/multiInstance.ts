/**
 * Multi-instance and standard-loop bodies. The body execution carries the
 * boundary events; its children are inner instances of the same element
 * (statechart `inner:<id>`, no boundaries) with local `loopCounter` and,
 * for collections, the input element.
 */
import type { EventDefinition, NodeIR } from '../../ir/types.js';
import { preparePublication, sendPublication, type Publication } from './enter.js';
import { throwError } from './propagation.js';
import { evaluateCondition, evaluateExpr, ExpressionError } from '../../expressions/feel.js';
import type { Runtime } from '../Runtime.js';
import type { Execution } from '../tree.js';

/** Whether `execution` is the body of a multi-instance or loop element (not one of its inner instances). */
export function isBody(rt: Runtime, execution: Execution, node: NodeIR = rt.model.node(execution.nodeId)): boolean {
  return execution.kind === 'activity' && execution.machine.startsWith('activity:') && Boolean(node.multiInstance || node.standardLoop);
}

/** Starts a body: counts or reads the collection, then starts the first inner instance(s). */
export function enterBody(rt: Runtime, body: Execution, node: NodeIR): void {
  const variables = rt.context(body);
  if (node.standardLoop) {
    body.loopCounter = 0;
    const loop = node.standardLoop;
    if (loop.testBefore && loop.loopCondition && !evaluateCondition(loop.loopCondition, { ...variables, loopCounter: 0 })) {
      completeBody(rt, body);
      return;
    }
    startInner(rt, body, node, 0);
    return;
  }
  const mi = node.multiInstance!;
  let items: unknown[] | null = null;
  let total: number;
  if (mi.inputCollection) {
    const value = evaluateExpr(mi.inputCollection, variables);
    if (!Array.isArray(value)) throw new ExpressionError(`${node.id}: input collection '=${mi.inputCollection.source}' is ${JSON.stringify(value)}, not a list`, mi.inputCollection.source);
    items = value;
    total = value.length;
  } else {
    const value = Number(evaluateExpr(mi.loopCardinality!, variables));
    if (!Number.isInteger(value) || value < 0) throw new ExpressionError(`${node.id}: loop cardinality must be a whole number, got ${JSON.stringify(value)}`, mi.loopCardinality!.source);
    total = value;
  }
  body.mi = { total, started: 0, completed: 0, items, outputs: new Array(total).fill(null) };
  if (mi.outputCollection) body.variables[mi.outputCollection] = body.mi.outputs;
  if (total === 0) {
    completeBody(rt, body);
    return;
  }
  const first = mi.sequential ? 1 : total;
  for (let i = 0; i < first; i++) startInner(rt, body, node, i);
}

function startInner(rt: Runtime, body: Execution, node: NodeIR, index: number): void {
  const inner = rt.newActivity(body, node, `inner:${node.id}`);
  inner.index = index;
  inner.loopCounter = index + 1;
  inner.variables.loopCounter = index + 1;
  const mi = node.multiInstance;
  if (mi && body.mi) {
    body.mi.started += 1;
    if (mi.inputElement) inner.variables[mi.inputElement] = body.mi.items ? body.mi.items[index] : null;
  }
  if (node.standardLoop) body.loopCounter = index + 1;
  rt.send(inner, { type: 'ACTIVATE' });
}

/** A behaviour event the body throws, with what it publishes (messages, signals) already evaluated. */
interface BehaviorEvent {
  event: EventDefinition;
  publication?: Publication;
}

/**
 * The events a multi-instance body throws as an instance completes (BPMN
 * 13.3.7): None, for each; One, for the first; Complex, each whose condition
 * holds. Evaluated before anything changes, so that a condition or message
 * name that fails leaves the inner instance where it was (an incident).
 */
function planBehaviorEvents(rt: Runtime, body: Execution, node: NodeIR, variables: Record<string, unknown>, bodyContext: Record<string, unknown>): BehaviorEvent[] {
  const mi = node.multiInstance!;
  const events: EventDefinition[] = [];
  if (mi.behavior === 'None' && mi.noneBehaviorEvent) events.push(mi.noneBehaviorEvent);
  if (mi.behavior === 'One' && mi.oneBehaviorEvent && variables.numberOfCompletedInstances === 1) events.push(mi.oneBehaviorEvent);
  if (mi.behavior === 'Complex') for (const c of mi.complexBehavior ?? []) if (evaluateCondition(c.condition, variables)) events.push(c.event);
  return events.map((event) => ({ event, publication: preparePublication(rt, body, node, event, bodyContext) }));
}

/** Throws the planned behaviour events from the body itself, so its own boundary events can catch escalations and errors. */
function throwBehaviorEvents(rt: Runtime, body: Execution, events: BehaviorEvent[]): void {
  for (const { event, publication } of events) {
    if (rt.index.get(body.id) !== body || body.state !== 'active') return;
    rt.history('multiInstance.eventThrown', body, { type: event.type });
    if (event.type === 'escalation') rt.send(body, { type: 'ESCALATION', code: event.escalationCode ?? '' });
    else if (event.type === 'error') throwError(rt, body, event.errorCode ?? '', event.errorMessage);
    else if (publication) sendPublication(rt, publication);
  }
}

function completeBody(rt: Runtime, body: Execution): void {
  rt.later(() => {
    if (rt.index.get(body.id) === body) rt.send(body, { type: 'COMPLETE' });
  });
}

/** What an inner instance's completion decides, evaluated before anything changes (a failure leaves the inner instance where it is). */
export interface InnerCompletion {
  /** Standard loops: run the body again. */
  more?: boolean;
  /** Multi-instance: the inner instance's output element, when there is one. */
  output?: { value: unknown };
  /** Multi-instance: the completion condition holds (the other inner instances end). */
  done?: boolean;
  /** What the inner instance saw when it completed. */
  variables: Record<string, unknown>;
  /** Multi-instance: the behaviour events to throw. */
  events?: BehaviorEvent[];
}

/**
 * Evaluates the loop condition, or the output element, completion
 * condition and behaviour events, for an inner instance that finished
 * (`outputs`: what it hands outwards, which the body will see).
 */
export function planInnerCompletion(rt: Runtime, body: Execution, inner: Execution, node: NodeIR, variables: Record<string, unknown>, outputs: Record<string, unknown> = {}): InnerCompletion {
  if (node.standardLoop) {
    const loop = node.standardLoop;
    const counter = body.loopCounter ?? 1;
    const more = (loop.loopMaximum === undefined || counter < loop.loopMaximum) && (loop.loopCondition ? evaluateCondition(loop.loopCondition, { ...variables, loopCounter: counter }) : false);
    return { more, variables };
  }
  const mi = node.multiInstance!;
  const state = body.mi!;
  const output = mi.outputElement && inner.index !== undefined ? { value: evaluateExpr(mi.outputElement, variables) } : undefined;
  const throwsEvents = mi.behavior !== undefined && mi.behavior !== 'All';
  if (!mi.completionCondition && !throwsEvents) return { output, done: false, variables };
  // counted only when something reads them: a body of thousands of instances completes each in constant time
  const counts = { numberOfInstances: state.total, numberOfActiveInstances: body.children.length - 1, numberOfCompletedInstances: state.completed + 1 };
  const done = mi.completionCondition ? evaluateCondition(mi.completionCondition, { ...variables, ...counts, loopCounter: inner.loopCounter }) : false;
  const events = throwsEvents ? planBehaviorEvents(rt, body, node, { ...variables, ...counts }, { ...rt.context(body), ...outputs }) : [];
  return { output, done, variables, events };
}

/**
 * An inner instance finished: collect its output, then decide between the
 * next instance, waiting for the others, and completing the body, as
 * `plan` (from planInnerCompletion) says.
 */
export function innerCompleted(rt: Runtime, body: Execution, inner: Execution, node: NodeIR, plan: InnerCompletion): void {
  rt.index.removeChild(body, inner);
  if (node.standardLoop) {
    if (plan.more) startInner(rt, body, node, body.loopCounter ?? 1);
    else completeBody(rt, body);
    return;
  }
  const mi = node.multiInstance!;
  const state = body.mi!;
  state.completed += 1;
  if (plan.output && inner.index !== undefined) {
    state.outputs[inner.index] = plan.output.value;
    if (mi.outputCollection) body.variables[mi.outputCollection] = state.outputs;
  }
  throwBehaviorEvents(rt, body, plan.events ?? []);
  if (rt.index.get(body.id) !== body || body.state !== 'active') return;
  if (plan.done) {
    rt.ending(`completion condition of ${node.id} met`, () => {
      for (const other of [...body.children]) {
        rt.send(other, { type: 'TERMINATE' });
        rt.index.removeChild(body, other);
      }
    });
    completeBody(rt, body);
    return;
  }
  if (state.completed >= state.total) completeBody(rt, body);
  else if (mi.sequential && state.started < state.total) startInner(rt, body, node, state.started);
}
