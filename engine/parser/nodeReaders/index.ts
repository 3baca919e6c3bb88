/**
 * One flow node element → NodeIR: the fields every node has (id, name,
 * default flow, io mappings, loops), then the reader registered for its
 * kind. Incoming and outgoing flows are wired later, from the sequence flows.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { NodeIR, NodeKind } from '../../ir/types.js';
import { checkExtensions } from '../checkExtensions.js';
import { isActivity, isGateway } from '../elementKinds.js';
import { readMappings } from '../extensions.js';
import { readCallActivity } from './callActivity.js';
import { readBoundaryEvent, readEndEvent, readIntermediateCatchEvent, readIntermediateThrowEvent, readStartEvent } from './events.js';
import { readScriptTask, readServiceTask } from './jobTasks.js';
import { readLoop } from './loops.js';
import { readReceiveTask, readSendTask } from './messageTasks.js';
import type { NodeReader, ReadContext } from './NodeReader.js';
import { readUserTask } from './userTask.js';
import { readCalendar } from '../readLifeline.js';
import { readAdHoc } from './adHoc.js';
import { readFormalExpression } from '../formalExpressions.js';

export type { ReadContext, ScopeKind } from './NodeReader.js';

/** The reader of each node kind; kinds without one need nothing beyond the common fields. */
const READERS: Partial<Record<NodeKind, NodeReader>> = {
  startEvent: readStartEvent,
  endEvent: readEndEvent,
  intermediateCatchEvent: readIntermediateCatchEvent,
  intermediateThrowEvent: readIntermediateThrowEvent,
  boundaryEvent: readBoundaryEvent,
  userTask: readUserTask,
  serviceTask: readServiceTask,
  scriptTask: readScriptTask,
  sendTask: readSendTask,
  receiveTask: readReceiveTask,
  callActivity: readCallActivity,
};

/** Reads a flow node of a kind Lifeline supports (the caller has looked the kind up). */
export function readNode(element: ModdleElement, kind: NodeKind, ctx: ReadContext): NodeIR {
  const id = element.id ?? '';
  const node: NodeIR = { id, kind, incoming: [], outgoing: [], ...(element.name ? { name: String(element.name) } : {}) };
  checkExtensions(element, kind, ctx.problems);
  if (element.default?.id) node.defaultFlow = element.default.id;
  Object.assign(node, readMappings(element));
  if (isActivity(kind)) {
    readLoop(element, node, ctx.problems);
  }
  if (kind === 'subProcess') node.triggeredByEvent = element.triggeredByEvent === true;
  const calendar = readCalendar(element);
  if (calendar) node.lifeline = { calendar };
  if (element.$type === 'bpmn:Transaction') node.transaction = true;
  if (element.$type === 'bpmn:AdHocSubProcess') readAdHoc(element, node, ctx);
  if (isGateway(kind) && element.gatewayDirection !== undefined && element.gatewayDirection !== 'Unspecified') {
    if (['Converging', 'Diverging', 'Mixed'].includes(element.gatewayDirection)) node.gatewayDirection = element.gatewayDirection;
    else ctx.problems.at(id, `gatewayDirection '${element.gatewayDirection}' is not Unspecified, Converging, Diverging or Mixed (BPMN XSD tGatewayDirection)`);
  }
  if (kind === 'eventBasedGateway' && (element.instantiate === true || element.eventGatewayType === 'Parallel')) {
    ctx.problems.at(id, 'event-based gateways that instantiate the process (instantiate="true", eventGatewayType) are not supported: use a multiple start event or one start event per trigger');
  }
  if (kind === 'complexGateway') {
    const condition = readFormalExpression(element.activationCondition, id, 'the activation condition', ctx.problems);
    if (condition) node.activationCondition = condition;
  }
  if (isActivity(kind) && element.isForCompensation === true) node.isForCompensation = true;
  READERS[kind]?.(element, node, ctx);
  return node;
}
