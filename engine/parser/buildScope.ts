/**
 * Walks the flow elements of a process or subprocess into a ScopeIR:
 * nodes with their element-specific details, sequence flows wired from
 * sourceRef/targetRef, boundary events attached, link throws resolved.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { FlowIR, NodeIR, NodeKind, Problem, ScopeIR } from '../ir/types.js';
import { toExpr } from '../expressions/feel.js';
import { readEvent, readMessage, type EventPosition } from './events.js';
import { ext, readAssignmentStrategy, readCalledElement, readJob, readMappings, readMultiInstance, readUserTask, unsupportedExtensions } from './extensions.js';

const KINDS: Record<string, NodeKind> = {
  'bpmn:StartEvent': 'startEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:IntermediateCatchEvent': 'intermediateCatchEvent',
  'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent',
  'bpmn:BoundaryEvent': 'boundaryEvent',
  'bpmn:Task': 'task',
  'bpmn:UserTask': 'userTask',
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:ScriptTask': 'scriptTask',
  'bpmn:SendTask': 'sendTask',
  'bpmn:ReceiveTask': 'receiveTask',
  'bpmn:ManualTask': 'manualTask',
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
  'bpmn:EventBasedGateway': 'eventBasedGateway',
  'bpmn:SubProcess': 'subProcess',
  'bpmn:CallActivity': 'callActivity',
};

/** Elements with no execution semantics: documentation and data artifacts. */
const ARTIFACTS = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

export type ScopeKind = 'process' | 'subprocess' | 'eventSubprocess';

export interface BuildContext {
  problems: Problem[];
  /** Embedded `zeebe:userTaskForm` bodies of the process, by id. */
  forms: Map<string, string>;
}

function startPosition(kind: ScopeKind): EventPosition {
  return kind === 'process' ? 'start' : kind === 'subprocess' ? 'subprocessStart' : 'eventSubprocessStart';
}

function condition(flow: ModdleElement): FlowIR['condition'] {
  const body = flow.conditionExpression?.body;
  if (body === undefined || String(body).trim() === '') return undefined;
  const text = String(body).trim();
  return toExpr(text.startsWith('=') ? text : `=${text}`);
}

function readNode(element: ModdleElement, kind: NodeKind, scopeKind: ScopeKind, ctx: BuildContext): NodeIR {
  const id: string = element.id;
  const node: NodeIR = { id, kind, incoming: [], outgoing: [], ...(element.name ? { name: element.name } : {}) };
  const problems = ctx.problems;
  problems.push(...unsupportedExtensions(element));
  if (element.default?.id) node.defaultFlow = element.default.id;
  Object.assign(node, readMappings(element));
  switch (kind) {
    case 'startEvent':
      node.event = readEvent(element, startPosition(scopeKind), problems);
      if (scopeKind === 'eventSubprocess') node.isInterrupting = element.isInterrupting !== false;
      break;
    case 'endEvent':
      node.event = readEvent(element, 'end', problems);
      break;
    case 'intermediateCatchEvent':
      node.event = readEvent(element, 'catch', problems);
      break;
    case 'intermediateThrowEvent':
      node.event = readEvent(element, 'throw', problems);
      break;
    case 'boundaryEvent':
      node.event = readEvent(element, 'boundary', problems);
      node.cancelActivity = element.cancelActivity !== false;
      if (element.attachedToRef?.id) node.attachedTo = element.attachedToRef.id;
      break;
    case 'userTask':
      node.userTask = readUserTask(element, ctx.forms);
      {
        const strategy = readAssignmentStrategy(element, problems);
        if (strategy) node.lifeline = { assignmentStrategy: strategy };
      }
      break;
    case 'serviceTask':
      node.job = readJob(element);
      break;
    case 'scriptTask': {
      node.job = readJob(element);
      const script = ext(element, 'zeebe:Script');
      if (script) node.script = { expression: toExpr(script.expression ?? ''), resultVariable: script.resultVariable ?? '' };
      break;
    }
    case 'sendTask':
      node.job = readJob(element);
      if (!node.job) node.event = readMessage(id, element.messageRef, problems);
      break;
    case 'receiveTask':
      node.event = readMessage(id, element.messageRef, problems);
      break;
    case 'callActivity':
      node.calledElement = readCalledElement(element);
      break;
    default:
      break;
  }
  if ((kind === 'endEvent' || kind === 'intermediateThrowEvent') && node.event?.type === 'message') node.job = readJob(element);
  const loop = element.loopCharacteristics;
  if (loop?.$type === 'bpmn:MultiInstanceLoopCharacteristics') node.multiInstance = readMultiInstance(loop);
  else if (loop?.$type === 'bpmn:StandardLoopCharacteristics') {
    const body = loop.loopCondition?.body;
    node.standardLoop = {
      testBefore: loop.testBefore === true,
      ...(body ? { loopCondition: toExpr(String(body).trim().startsWith('=') ? String(body).trim() : `=${String(body).trim()}`) } : {}),
      ...(loop.loopMaximum !== undefined ? { loopMaximum: Number(loop.loopMaximum) } : {}),
    };
  }
  return node;
}

/** Builds the scope of a process or subprocess element, recursing into subprocesses. */
export function buildScope(container: ModdleElement, kind: ScopeKind, ctx: BuildContext): ScopeIR {
  const scope: ScopeIR = { id: container.id, nodes: {}, flows: {}, startEvents: [], eventSubprocesses: [] };
  const elements: ModdleElement[] = container.flowElements ?? [];
  const flows: ModdleElement[] = [];
  for (const element of elements) {
    if (element.$type === 'bpmn:SequenceFlow') {
      flows.push(element);
      continue;
    }
    if (ARTIFACTS.has(element.$type)) continue;
    const nodeKind = KINDS[element.$type];
    if (!nodeKind) {
      ctx.problems.push({ elementId: element.id, message: `${element.id}: unsupported element type ${element.$type}` });
      continue;
    }
    const node = readNode(element, nodeKind, kind, ctx);
    scope.nodes[node.id] = node;
    if (nodeKind === 'subProcess') {
      node.triggeredByEvent = element.triggeredByEvent === true;
      node.scope = buildScope(element, node.triggeredByEvent ? 'eventSubprocess' : 'subprocess', ctx);
      if (node.triggeredByEvent) scope.eventSubprocesses.push(node.id);
    }
    if (nodeKind === 'startEvent') scope.startEvents.push(node.id);
  }
  for (const flow of flows) {
    const source = flow.sourceRef?.id;
    const target = flow.targetRef?.id;
    if (!source || !target) {
      ctx.problems.push({ elementId: flow.id, message: `${flow.id}: sequence flow has no ${source ? 'target' : 'source'} (or it refers to an element that does not exist)` });
      continue;
    }
    const outside = [source, target].find((ref) => !scope.nodes[ref]);
    if (outside) {
      ctx.problems.push({ elementId: flow.id, message: `${flow.id}: sequence flow connects ${source} to ${target}, but ${outside} is not an executable element of the same scope` });
      continue;
    }
    scope.flows[flow.id] = { id: flow.id, source, target, ...(flow.name ? { name: flow.name } : {}), ...(condition(flow) ? { condition: condition(flow) } : {}) };
    scope.nodes[source].outgoing.push(flow.id);
    scope.nodes[target].incoming.push(flow.id);
  }
  for (const node of Object.values(scope.nodes)) {
    if (node.kind !== 'boundaryEvent') continue;
    const host = node.attachedTo ? scope.nodes[node.attachedTo] : undefined;
    if (!host) ctx.problems.push({ elementId: node.id, message: `${node.id}: boundary event is attached to ${node.attachedTo ?? 'nothing'}, which is not an activity in the same scope` });
    else (host.boundaryEvents ??= []).push(node.id);
  }
  return scope;
}
