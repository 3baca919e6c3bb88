/**
 * Which BPMN element types Lifeline executes, and what family each belongs
 * to. An element type missing here is a deploy problem, never skipped.
 */
import type { NodeKind } from '../ir/types.js';

/** bpmn-moddle `$type` → IR node kind, for every flow node Lifeline runs. */
export const NODE_KINDS: Readonly<Record<string, NodeKind>> = {
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
  'bpmn:ComplexGateway': 'complexGateway',
  'bpmn:SubProcess': 'subProcess',
  'bpmn:Transaction': 'subProcess',
  'bpmn:AdHocSubProcess': 'subProcess',
  'bpmn:CallActivity': 'callActivity',
};

/**
 * Data objects and data stores document what a process reads and writes;
 * they have no execution semantics (Camunda 8 deploys and ignores them too),
 * so a model drawn with them runs unchanged.
 */
export const DATA_ARTIFACTS: ReadonlySet<string> = new Set(['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference']);

const ACTIVITIES: ReadonlySet<NodeKind> = new Set<NodeKind>([
  'task', 'userTask', 'serviceTask', 'scriptTask', 'sendTask', 'receiveTask', 'manualTask', 'subProcess', 'callActivity',
]);

/** Activities: what boundary events attach to, and what may have a default flow and loops. */
export function isActivity(kind: NodeKind): boolean {
  return ACTIVITIES.has(kind);
}

/** Gateways: their outgoing flows decide where tokens go. */
export function isGateway(kind: NodeKind): boolean {
  return kind.endsWith('Gateway');
}
