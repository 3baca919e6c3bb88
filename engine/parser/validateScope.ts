/**
 * Structural rules a scope must satisfy before it can run exactly as drawn:
 * reachable nodes, gateways with a way out, start and end events used as
 * events, boundaries on activities, resolvable links, and every element
 * carrying what it needs (job types, scripts, called processes, keys).
 */
import type { NodeIR, Problem, ScopeIR } from '../ir/types.js';
import type { ScopeKind } from './buildScope.js';

const ACTIVITIES = new Set(['task', 'userTask', 'serviceTask', 'scriptTask', 'sendTask', 'receiveTask', 'manualTask', 'subProcess', 'callActivity']);

function requirements(node: NodeIR, inProcessInstance: boolean, problems: Problem[]): void {
  const at = (message: string) => problems.push({ elementId: node.id, message: `${node.id}: ${message}` });
  if (node.kind === 'serviceTask' && !node.job?.type.source) at('a service task needs a job type (zeebe:taskDefinition type)');
  if (node.job && !node.job.type.source) at('zeebe:taskDefinition has no type');
  if (node.kind === 'scriptTask' && !node.job) {
    if (!node.script) at('a script task needs zeebe:script (expression and resultVariable) or a zeebe:taskDefinition');
    else {
      if (!node.script.expression.source) at('zeebe:script has no expression');
      if (!node.script.resultVariable) at('zeebe:script has no resultVariable');
      if (node.script.expression.source && !node.script.expression.isFeel) at('zeebe:script expression must be FEEL (start it with =)');
    }
  }
  if (node.kind === 'callActivity' && !node.calledElement) at('a call activity needs zeebe:calledElement with a processId');
  if (node.kind === 'userTask' && node.userTask?.formKey && node.userTask.formKey.startsWith('camunda-forms:bpmn:') && !node.userTask.formJson) {
    at(`form ${node.userTask.formKey} is not embedded in the process (zeebe:userTaskForm)`);
  }
  for (const mapping of [...(node.inputs ?? []), ...(node.outputs ?? [])]) {
    if (!mapping.target) at('an input/output mapping has no target');
    if (!mapping.source.source) at(`the mapping to '${mapping.target}' has no source`);
  }
  const waitsForMessage = node.event?.type === 'message' && (node.kind === 'intermediateCatchEvent' || node.kind === 'boundaryEvent' || node.kind === 'receiveTask' || (node.kind === 'startEvent' && inProcessInstance));
  if (waitsForMessage && node.event?.type === 'message' && !node.event.correlationKey) at('a message catch inside an instance needs a correlation key (zeebe:subscription correlationKey on the message)');
  const mi = node.multiInstance;
  if (mi) {
    if (!mi.inputCollection && !mi.loopCardinality) at('multi-instance needs an input collection (zeebe:loopCharacteristics) or a loop cardinality');
    if (mi.outputCollection && !mi.outputElement) at('multi-instance output collection needs an output element');
  }
  if (node.standardLoop && node.standardLoop.loopMaximum !== undefined && !(node.standardLoop.loopMaximum >= 0)) at('loopMaximum must be a whole number');
  if (node.boundaryEvents?.length && !ACTIVITIES.has(node.kind)) at('only activities can have boundary events');
}

/** Checks one scope (not its children) and returns its problems. */
export function validateScope(scope: ScopeIR, kind: ScopeKind): Problem[] {
  const problems: Problem[] = [];
  const at = (id: string, message: string) => problems.push({ elementId: id, message: `${id}: ${message}` });
  const nodes = Object.values(scope.nodes);
  const starts = scope.startEvents.map((id) => scope.nodes[id]);
  if (kind === 'process' && starts.length === 0) at(scope.id, 'the process has no start event');
  if (kind === 'subprocess') {
    if (starts.length !== 1) at(scope.id, `an embedded subprocess needs exactly one none start event, it has ${starts.length}`);
  }
  if (kind === 'eventSubprocess' && starts.length !== 1) at(scope.id, `an event subprocess needs exactly one start event, it has ${starts.length}`);
  const noneStarts = starts.filter((s) => (s.event?.type ?? 'none') === 'none');
  if (kind === 'process' && noneStarts.length > 1) at(scope.id, 'a process may have only one none start event');
  const linkCatches = new Map<string, string>();
  for (const node of nodes) {
    if (node.kind === 'intermediateCatchEvent' && node.event?.type === 'link') {
      if (linkCatches.has(node.event.linkName)) at(node.id, `another link catch event (${linkCatches.get(node.event.linkName)}) has the name '${node.event.linkName}'`);
      linkCatches.set(node.event.linkName, node.id);
    }
  }
  for (const node of nodes) {
    requirements(node, kind !== 'process', problems);
    const event = node.event;
    if (node.kind === 'startEvent' && node.incoming.length) at(node.id, 'a start event cannot have incoming sequence flows');
    if (node.kind === 'endEvent' && node.outgoing.length) at(node.id, 'an end event cannot have outgoing sequence flows');
    if (node.kind === 'boundaryEvent' && node.incoming.length) at(node.id, 'a boundary event cannot have incoming sequence flows');
    if (node.kind === 'boundaryEvent' && event?.type === 'error' && node.cancelActivity === false) at(node.id, 'an error boundary event always interrupts (cancelActivity must not be false)');
    if (node.kind === 'boundaryEvent' && node.attachedTo && scope.nodes[node.attachedTo] && !ACTIVITIES.has(scope.nodes[node.attachedTo].kind)) at(node.id, `is attached to ${node.attachedTo}, which is not an activity`);
    const entry = node.kind === 'startEvent' || node.kind === 'boundaryEvent' || (node.kind === 'subProcess' && node.triggeredByEvent) || (node.kind === 'intermediateCatchEvent' && event?.type === 'link');
    if (!entry && node.incoming.length === 0) at(node.id, 'is never reached: it has no incoming sequence flow');
    if (node.kind === 'subProcess' && node.triggeredByEvent && (node.incoming.length || node.outgoing.length)) at(node.id, 'an event subprocess cannot have sequence flows');
    if (node.kind === 'intermediateThrowEvent' && event?.type === 'link') {
      const target = linkCatches.get(event.linkName);
      if (!target) at(node.id, `no link catch event named '${event.linkName}' in the same scope`);
      else event.target = target;
      if (node.outgoing.length) at(node.id, 'a link throw event cannot have outgoing sequence flows');
    }
    if (node.kind.endsWith('Gateway')) validateGateway(scope, node, at);
    if (node.defaultFlow && !node.kind.endsWith('Gateway') && !node.outgoing.includes(node.defaultFlow)) at(node.id, `default flow ${node.defaultFlow} does not leave this element`);
  }
  return problems;
}

function validateGateway(scope: ScopeIR, node: NodeIR, at: (id: string, message: string) => void): void {
  const outgoing = node.outgoing.map((id) => scope.flows[id]);
  if (outgoing.length === 0) {
    at(node.id, 'gateway has no outgoing sequence flow: no way out');
    return;
  }
  if (node.defaultFlow) {
    if (!node.outgoing.includes(node.defaultFlow)) at(node.id, `default flow ${node.defaultFlow} does not leave this gateway`);
    else if (scope.flows[node.defaultFlow].condition) at(node.defaultFlow, 'a default flow cannot have a condition');
  }
  if (node.kind === 'exclusiveGateway' || node.kind === 'inclusiveGateway') {
    if (outgoing.length > 1) {
      for (const flow of outgoing) {
        if (flow.id !== node.defaultFlow && !flow.condition) at(flow.id, `leaves gateway ${node.id} without a condition and is not its default flow`);
      }
    }
  }
  if (node.kind === 'parallelGateway') {
    for (const flow of outgoing) if (flow.condition) at(flow.id, `a flow leaving parallel gateway ${node.id} cannot have a condition`);
  }
  if (node.kind === 'eventBasedGateway') {
    if (outgoing.length < 2) at(node.id, 'an event-based gateway needs at least two outgoing flows');
    for (const flow of outgoing) {
      const target = scope.nodes[flow.target];
      const ok = (target.kind === 'intermediateCatchEvent' && ['timer', 'message', 'signal'].includes(target.event?.type ?? '')) || target.kind === 'receiveTask';
      if (!ok) at(flow.id, `leads from event-based gateway ${node.id} to ${target.id}, which is not a timer, message or signal catch event`);
      if (target.incoming.length > 1) at(target.id, `follows event-based gateway ${node.id} and must have no other incoming flow`);
    }
  }
}
