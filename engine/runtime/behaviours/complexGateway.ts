/**
 * The complex gateway (BPMN 13.3.5). Waiting for start, it counts the
 * tokens arriving on each incoming flow and fires once its activation
 * condition holds (it sees `activationCount`, the number of incoming flows
 * holding a token, and `activationCounts` by flow id): it consumes a token
 * of each flow that has one and sends tokens on like an inclusive gateway
 * (`waitingForStart` is true). Then, waiting for reset, it takes the tokens
 * of the other incoming flows that can still arrive; when none is missing
 * any more it resets, sending tokens only on conditional flows whose
 * condition holds with `waitingForStart` false. Without an activation
 * condition it fires on the first token. An activation condition that
 * cannot be evaluated is an incident on the gateway, which keeps its tokens
 * until the incident is retried.
 */
import type { NodeIR } from '../../ir/types.js';
import { evaluateCondition } from '../../expressions/feel.js';
import type { Runtime } from '../Runtime.js';
import type { Execution } from '../tree.js';
import { attempt } from '../stalls.js';

/** A token reached complex gateway `node` through `viaFlow`. */
export function complexArrived(rt: Runtime, scope: Execution, node: NodeIR, viaFlow: string | undefined, canStillArrive: (flows: string[]) => boolean): void {
  const state = (scope.complexGateways ??= {});
  const awaiting = state[node.id]?.awaiting;
  if (awaiting && viaFlow && awaiting.includes(viaFlow)) {
    state[node.id].awaiting = awaiting.filter((f) => f !== viaFlow);
    settleComplex(rt, scope, node, canStillArrive);
    return;
  }
  const counts = ((scope.joins ??= {})[node.id] ??= {});
  const flow = viaFlow ?? '';
  counts[flow] = (counts[flow] ?? 0) + 1;
  if (!awaiting) tryStart(rt, scope, node, canStillArrive);
}

/** Fires the gateway if its activation condition holds for the tokens that have arrived (also: retrying its incident). */
export function tryStart(rt: Runtime, scope: Execution, node: NodeIR, canStillArrive: (flows: string[]) => boolean): void {
  const counts = scope.joins?.[node.id] ?? {};
  const present = Object.keys(counts).filter((f) => counts[f] > 0);
  if (present.length === 0) return;
  const activationCounts = Object.fromEntries(node.incoming.map((f) => [f, counts[f] ?? 0]));
  const condition = node.activationCondition;
  const fires = condition
    ? attempt(rt, scope, node.id, 'activation', () => evaluateCondition(condition, rt.context(scope, { activationCount: present.length, activationCounts })))?.value
    : true;
  if (!fires) return;
  for (const f of present) counts[f] -= 1;
  if (Object.values(counts).every((n) => n === 0)) delete scope.joins![node.id];
  const awaiting = node.incoming.filter((f) => !present.includes(f));
  if (awaiting.length) scope.complexGateways![node.id] = { awaiting };
  activate(rt, scope, node, true);
  if (awaiting.length) settleComplex(rt, scope, node, canStillArrive);
}

/** Resets the gateway once no awaited token is missing or can still arrive. */
export function settleComplex(rt: Runtime, scope: Execution, node: NodeIR, canStillArrive: (flows: string[]) => boolean): void {
  const state = scope.complexGateways?.[node.id];
  if (!state) return;
  if (state.awaiting.length && canStillArrive(state.awaiting)) return;
  delete scope.complexGateways![node.id];
  if (Object.keys(scope.complexGateways!).length === 0) delete scope.complexGateways;
  activate(rt, scope, node, false);
  rt.later(() => tryStart(rt, scope, node, canStillArrive));
}

function activate(rt: Runtime, scope: Execution, node: NodeIR, waitingForStart: boolean): void {
  const execution = rt.newActivity(scope, node);
  execution.variables.waitingForStart = waitingForStart;
  rt.send(execution, { type: 'ACTIVATE' });
}
