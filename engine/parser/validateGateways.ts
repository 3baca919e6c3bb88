/**
 * Where tokens can go: gateways have a way out, diverging exclusive and
 * inclusive gateways say when each flow is taken, parallel and event-based
 * gateways are used as BPMN defines them, and default flows are real,
 * unconditional outgoing flows.
 */
import type { NodeIR, ScopeIR } from '../ir/types.js';
import { isActivity, isGateway } from './elementKinds.js';
import type { Problems } from './Problems.js';

function validateDefaultFlow(scope: ScopeIR, node: NodeIR, problems: Problems): void {
  if (!node.defaultFlow) return;
  if (!node.outgoing.includes(node.defaultFlow)) {
    problems.at(node.id, `the default flow '${node.defaultFlow}' is not one of its outgoing sequence flows`);
  } else if (scope.flows[node.defaultFlow].condition) {
    problems.at(node.defaultFlow, `is the default flow of '${node.id}' and cannot have a condition`);
  }
}

function validateEventBased(scope: ScopeIR, node: NodeIR, problems: Problems): void {
  if (node.outgoing.length < 2) problems.at(node.id, 'an event-based gateway needs at least two outgoing sequence flows');
  const targets = node.outgoing.map((id) => scope.nodes[scope.flows[id].target]);
  const receives = targets.filter((t) => t.kind === 'receiveTask');
  if (receives.length && targets.some((t) => t.kind === 'intermediateCatchEvent' && t.event?.type === 'message')) {
    problems.at(node.id, 'an event-based gateway may lead to message catch events or to receive tasks, not to both (BPMN 10.6.6)');
  }
  for (const task of receives) {
    if (task.boundaryEvents?.length) problems.at(task.id, `follows event-based gateway '${node.id}' and cannot have boundary events (BPMN 10.6.6)`);
  }
  for (const flowId of node.outgoing) {
    const flow = scope.flows[flowId];
    const target = scope.nodes[flow.target];
    if (flow.condition) problems.at(flow.id, `leaves event-based gateway '${node.id}' and cannot have a condition`);
    const waits = (target.kind === 'intermediateCatchEvent' && ['timer', 'message', 'signal', 'conditional', 'multiple'].includes(target.event?.type ?? '')) || target.kind === 'receiveTask';
    if (!waits) problems.at(flow.id, `leads from event-based gateway '${node.id}' to '${target.id}', which is not a timer, message, signal or conditional catch event or a receive task (BPMN 10.6.6)`);
    else if (target.incoming.length > 1) problems.at(target.id, `follows event-based gateway '${node.id}' and cannot have other incoming sequence flows`);
  }
}

/**
 * BPMN 10.6: a gateway merges or splits (more than one incoming or more
 * than one outgoing flow); a stated gatewayDirection must match its flows.
 */
function validateDirection(node: NodeIR, problems: Problems): void {
  const ins = node.incoming.length;
  const outs = node.outgoing.length;
  const flows = `${ins} incoming and ${outs} outgoing sequence flow${outs === 1 ? '' : 's'}`;
  if (ins <= 1 && outs <= 1) problems.at(node.id, `a gateway must merge or split: it has ${flows}, and a gateway needs several incoming or several outgoing flows (BPMN 10.6)`);
  const direction = node.gatewayDirection;
  if (direction === 'Converging' && (ins < 2 || outs > 1)) problems.at(node.id, `a converging gateway has several incoming flows and at most one outgoing flow; it has ${flows} (BPMN 10.6, gatewayDirection)`);
  if (direction === 'Diverging' && (ins > 1 || outs < 2)) problems.at(node.id, `a diverging gateway has at most one incoming flow and several outgoing flows; it has ${flows} (BPMN 10.6, gatewayDirection)`);
  if (direction === 'Mixed' && (ins < 2 || outs < 2)) problems.at(node.id, `a mixed gateway has several incoming and several outgoing flows; it has ${flows} (BPMN 10.6, gatewayDirection)`);
}

/**
 * Conditional sequence flows (BPMN 10.2.2): an activity's conditional flow
 * is one of several ways out (alone it would be a gateway drawn as a task).
 */
function validateConditionalFlows(scope: ScopeIR, node: NodeIR, problems: Problems): void {
  if (!isActivity(node.kind) || node.outgoing.length !== 1) return;
  const flow = scope.flows[node.outgoing[0]];
  if (flow.condition) problems.at(flow.id, `is the only outgoing flow of '${node.id}' and cannot be conditional: an activity's conditional flow is one of several (BPMN 10.2.2)`);
}

/** Checks the gateways and default flows of `scope` (not of its subprocesses). */
export function validateGateways(scope: ScopeIR, problems: Problems): void {
  for (const node of Object.values(scope.nodes)) {
    validateConditionalFlows(scope, node, problems);
    validateDefaultFlow(scope, node, problems);
    if (!isGateway(node.kind)) continue;
    if (node.outgoing.length === 0) {
      problems.at(node.id, `the ${node.kind} has no outgoing sequence flow: no way out`);
      continue;
    }
    validateDirection(node, problems);
    const outgoing = node.outgoing.map((id) => scope.flows[id]);
    if (node.kind === 'exclusiveGateway' || node.kind === 'inclusiveGateway') {
      if (outgoing.length < 2) continue;
      for (const flow of outgoing) {
        if (flow.id !== node.defaultFlow && !flow.condition) {
          problems.at(flow.id, `leaves ${node.kind} '${node.id}' without a condition and is not its default flow: every outgoing flow of a diverging gateway but the default needs a condition`);
        }
      }
    } else if (node.kind === 'parallelGateway') {
      // BPMN 13.3.3: a parallel gateway takes every outgoing flow; conditions on them are ignored.
      for (const flow of outgoing) if (flow.condition) problems.warn(flow.id, `leaves parallel gateway '${node.id}': its condition is ignored, every outgoing flow of a parallel gateway is taken`);
    } else if (node.kind === 'eventBasedGateway') {
      validateEventBased(scope, node, problems);
    }
  }
}
