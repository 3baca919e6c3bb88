/**
 * Token flow inside a scope: entering nodes (with parallel and inclusive
 * joins), leaving them through the right outgoing flows, and settling a
 * scope (inclusive joins that can fire, completion when no token is left).
 */
import type { FlowIR, NodeIR } from '../../ir/types.js';
import { evaluateCondition, evaluateExpr, evaluateWithWarnings } from '../../expressions/feel.js';
import { LifelineError } from '../../errors/LifelineError.js';
import type { Runtime } from '../Runtime.js';
import type { Execution } from '../tree.js';
import { propagateVariables } from '../variables.js';
import { innerCompleted, isBody, planInnerCompletion } from './multiInstance.js';
import { compensationHandlerDone, rememberCompletion } from './compensation.js';
import { complexArrived, settleComplex, tryStart } from './complexGateway.js';
import { adHocChildCompleted, adHocIdle, adHocOf } from './adHoc.js';

/** Raised when a gateway finds no flow to take: the model cannot go on with these variables. */
export class NoOutgoingFlowError extends LifelineError {
  constructor(elementId: string, conditions: string[] = []) {
    super('NO_OUTGOING_FLOW', `${elementId}: no outgoing sequence flow condition is true and there is no default flow${conditions.length ? ` (${conditions.join('; ')})` : ''}`, { elementId });
  }
}

/** Each condition of `flows` with what it evaluated to and FEEL's warnings: the message of a gateway that found no way. */
function explainConditions(flows: FlowIR[], variables: Record<string, unknown>): string[] {
  return flows.filter((f) => f.condition).map((f) => {
    const { value, warnings } = evaluateWithWarnings(f.condition!, variables);
    return `${f.id}: '=${f.condition!.source}' is ${JSON.stringify(value ?? null)}${warnings.length ? `: ${warnings.join(', ')}` : ''}`;
  });
}

const isJoin = (node: NodeIR) => (node.kind === 'parallelGateway' || node.kind === 'inclusiveGateway') && node.incoming.length > 1;

/**
 * Moves a token into `nodeId` inside `scope`. Joining gateways count tokens
 * per incoming flow; everything else becomes an activated execution.
 * `triggered` marks catch events whose event already happened (event-based
 * gateway branches, boundary events): they complete at once.
 */
export function enterNode(rt: Runtime, scope: Execution, nodeId: string, viaFlow?: string, triggered = false): void {
  if (rt.index.get(scope.id) !== scope || (scope.state !== 'active' && scope.state !== 'interrupted')) return;
  const node = rt.model.node(nodeId);
  rt.touch(scope);
  if (node.kind === 'complexGateway') {
    complexArrived(rt, scope, node, viaFlow, (flows) => canStillArrive(rt, scope, node, flows));
    return;
  }
  if (node.startQuantity && !triggered) {
    // BPMN 13.3.2: the activity starts once startQuantity tokens have arrived; it consumes them.
    const counts = ((scope.joins ??= {})[node.id] ??= {});
    counts['*'] = (counts['*'] ?? 0) + 1;
    if (counts['*'] < node.startQuantity) return;
    delete scope.joins[node.id];
  }
  if (isJoin(node) && viaFlow) {
    const counts = ((scope.joins ??= {})[node.id] ??= {});
    counts[viaFlow] = (counts[viaFlow] ?? 0) + 1;
    if (node.kind === 'parallelGateway' && node.incoming.every((f) => (counts[f] ?? 0) > 0)) fireJoin(rt, scope, node);
    return;
  }
  const execution = rt.newActivity(scope, node);
  if (triggered) rt.triggered.add(execution.id);
  rt.send(execution, { type: 'ACTIVATE' });
}

function fireJoin(rt: Runtime, scope: Execution, node: NodeIR): void {
  const counts = scope.joins![node.id];
  for (const flow of Object.keys(counts)) {
    if (counts[flow] > 0) counts[flow] -= 1;
  }
  if (Object.values(counts).every((n) => n === 0)) delete scope.joins![node.id];
  const execution = rt.newActivity(scope, node);
  rt.send(execution, { type: 'ACTIVATE' });
}

/**
 * Completes an execution's work: output mappings, then on through its
 * outgoing flows. Everything that can fail (mappings, conditions) is
 * evaluated before the tree changes, so a failure leaves the token where it was.
 */
export function leave(rt: Runtime, execution: Execution): void {
  const node = rt.model.node(execution.nodeId);
  const parent = rt.index.parent(execution);
  if (!parent) return;
  const outputs = isBody(rt, execution, node) ? collectionOutput(execution, node) : evaluateOutputs(rt, execution, node);
  const variables = contextAfter(rt, execution, outputs);
  if (parent.kind === 'activity') {
    const next = planInnerCompletion(rt, parent, execution, node, variables, outputs);
    propagateVariables(rt.index, execution, outputs);
    innerCompleted(rt, parent, execution, node, next);
    return;
  }
  if (execution.compensationFor) {
    propagateVariables(rt.index, execution, outputs);
    rt.index.removeChild(parent, execution);
    rt.touch(parent);
    compensationHandlerDone(rt, execution);
    return;
  }
  const link = node.event?.type === 'link' && node.kind === 'intermediateThrowEvent' ? node.event.target! : undefined;
  const flows = link ? [] : selectOutgoing(rt, node, variables);
  propagateVariables(rt.index, execution, outputs);
  rememberCompletion(rt, execution, parent);
  rt.index.removeChild(parent, execution);
  rt.touch(parent);
  const adHoc = adHocOf(rt, parent);
  if (adHoc) adHocChildCompleted(rt, parent, adHoc);
  if (link) {
    rt.later(() => enterNode(rt, parent, link, undefined, true));
    return;
  }
  // BPMN 13.3.2: completionQuantity tokens go out on each outgoing flow taken.
  for (const flow of flows) {
    for (let i = 0; i < (node.completionQuantity ?? 1); i++) rt.later(() => enterNode(rt, parent, flow.target, flow.id));
  }
}

/** A multi-instance body hands its output collection outwards. */
function collectionOutput(execution: Execution, node: NodeIR): Record<string, unknown> {
  const name = node.multiInstance?.outputCollection;
  return name ? { [name]: execution.variables[name] ?? [] } : {};
}

/** Evaluates `zeebe:output` mappings (each sees the ones before it); nothing is written yet. */
function evaluateOutputs(rt: Runtime, execution: Execution, node: NodeIR): Record<string, unknown> {
  if (!node.outputs?.length) return {};
  const variables = rt.context(execution);
  const results: Record<string, unknown> = {};
  for (const mapping of node.outputs) results[mapping.target] = evaluateExpr(mapping.source, { ...variables, ...results });
  return results;
}

/**
 * What `execution` will see once `outputs` are propagated: each lands in an
 * ancestor, so it is visible unless the execution has a local of that name.
 */
function contextAfter(rt: Runtime, execution: Execution, outputs: Record<string, unknown>): Record<string, unknown> {
  const variables = rt.context(execution);
  for (const [name, value] of Object.entries(outputs)) {
    if (!Object.prototype.hasOwnProperty.call(execution.variables, name)) variables[name] = value;
  }
  return variables;
}

/** Which outgoing flows a token takes when it leaves `node`. */
export function selectOutgoing(rt: Runtime, node: NodeIR, variables: Record<string, unknown>): FlowIR[] {
  const scope = rt.model.scopeOfNode(node.id);
  const flows = node.outgoing.map((id) => scope.flows[id]);
  const byDefault = flows.find((f) => f.id === node.defaultFlow);
  const candidates = flows.filter((f) => f.id !== node.defaultFlow);
  const holds = (f: FlowIR) => !f.condition || evaluateCondition(f.condition, variables);
  switch (node.kind) {
    case 'parallelGateway':
      return flows;
    case 'exclusiveGateway': {
      const chosen = candidates.find(holds) ?? byDefault;
      if (!chosen) {
        if (flows.length === 0) return [];
        throw new NoOutgoingFlowError(node.id, explainConditions(candidates, variables));
      }
      return [chosen];
    }
    case 'complexGateway': {
      // Waiting for start: like an inclusive gateway; at reset only conditional flows whose condition holds, maybe none (BPMN 13.3.5).
      if (variables.waitingForStart === false) return candidates.filter((f) => f.condition && evaluateCondition(f.condition, variables));
      const chosen = candidates.filter(holds);
      if (chosen.length > 0) return chosen;
      if (byDefault) return [byDefault];
      if (flows.length === 0) return [];
      throw new NoOutgoingFlowError(node.id, explainConditions(candidates, variables));
    }
    case 'inclusiveGateway': {
      const chosen = candidates.filter(holds);
      if (chosen.length > 0) return chosen;
      if (byDefault) return [byDefault];
      if (flows.length === 0) return [];
      throw new NoOutgoingFlowError(node.id, explainConditions(candidates, variables));
    }
    default: {
      const unconditional = candidates.filter((f) => !f.condition);
      const conditional = candidates.filter((f) => f.condition && evaluateCondition(f.condition, variables));
      const taken = [...unconditional, ...conditional];
      if (conditional.length === 0 && byDefault) taken.push(byDefault);
      return taken;
    }
  }
}

/**
 * Once nothing else moves: fire inclusive joins that no token can still
 * reach through a missing flow, and complete the scope when no token is left.
 */
export function settleScope(rt: Runtime, scope: Execution): void {
  if (scope.state !== 'active' && scope.state !== 'interrupted') return;
  for (const [gatewayId, counts] of Object.entries(scope.joins ?? {})) {
    const node = rt.model.node(gatewayId);
    if (node.kind !== 'inclusiveGateway' || !Object.values(counts).some((n) => n > 0)) continue;
    const missing = node.incoming.filter((f) => !(counts[f] > 0));
    if (missing.length === 0 || !canStillArrive(rt, scope, node, missing)) {
      fireJoin(rt, scope, node);
      rt.touch(scope);
      return;
    }
  }
  for (const gatewayId of Object.keys(scope.complexGateways ?? {})) {
    const node = rt.model.node(gatewayId);
    settleComplex(rt, scope, node, (flows) => canStillArrive(rt, scope, node, flows));
  }
  const hasJoinTokens = Object.values(scope.joins ?? {}).some((c) => Object.values(c).some((n) => n > 0));
  if (scope.children.length > 0 || hasJoinTokens) return;
  const adHoc = adHocOf(rt, scope);
  if (adHoc && adHocIdle(rt, scope, adHoc, (id) => enterNode(rt, scope, id))) return;
  rt.send(scope, { type: 'END' });
}

/** Evaluates again the activation condition of complex gateway `gatewayId` in `scope` (retrying its incident). */
export function retryComplexActivation(rt: Runtime, scope: Execution, gatewayId: string): void {
  const node = rt.model.node(gatewayId);
  tryStart(rt, scope, node, (flows) => canStillArrive(rt, scope, node, flows));
}

/**
 * Sends a token along the outgoing flows of catch event `owner`, which
 * stays active (one occurrence of a timer cycle). Flows that cannot be
 * chosen hold that token at the event with an incident (Runtime.holdToken).
 */
export function emitTokens(rt: Runtime, owner: Execution): void {
  const node = rt.model.node(owner.nodeId);
  const scope = rt.index.parent(owner)!;
  let flows: FlowIR[];
  try {
    flows = selectOutgoing(rt, node, rt.context(owner));
  } catch (error) {
    rt.holdToken(scope, node, error);
    return;
  }
  for (const flow of flows) enterNode(rt, scope, flow.target, flow.id);
}

/** Whether a token somewhere in the scope can still reach one of `flowIds` without passing `join`. */
function canStillArrive(rt: Runtime, scope: Execution, join: NodeIR, flowIds: string[]): boolean {
  const ir = rt.model.scopeOfNode(join.id);
  const wanted = new Set(flowIds);
  const starts = scope.children.map((c) => c.nodeId);
  for (const [gatewayId, counts] of Object.entries(scope.joins ?? {})) {
    if (gatewayId !== join.id && Object.values(counts).some((n) => n > 0)) starts.push(gatewayId);
  }
  const seen = new Set<string>();
  const stack = [...starts];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id) || id === join.id) continue;
    seen.add(id);
    const node = ir.nodes[id];
    if (!node) continue;
    for (const flowId of node.outgoing) {
      if (wanted.has(flowId)) return true;
      stack.push(ir.flows[flowId].target);
    }
    for (const boundaryId of node.boundaryEvents ?? []) stack.push(boundaryId);
    if (node.event?.type === 'link' && node.event.target) stack.push(node.event.target);
  }
  return false;
}
