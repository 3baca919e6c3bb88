/**
 * Loops that never wait. A cycle of sequence flows through instant
 * elements (gateways, script tasks, plain tasks, throw events) runs inside
 * one step. With no way out at all, every token that enters it spins
 * forever: a deploy problem. With a way out (a condition that may become
 * true), it may still spin when the data never lets it out: a deploy
 * warning; at run time the step budget stops it with an incident.
 */
import type { NodeIR, ScopeIR } from '../ir/types.js';
import type { Problems } from './Problems.js';

/** Whether a token may stop at `node` (a wait state), so a cycle through it spans several steps. */
function mayWait(node: NodeIR): boolean {
  switch (node.kind) {
    case 'userTask':
    case 'serviceTask':
    case 'receiveTask':
    case 'eventBasedGateway':
    case 'subProcess':
    case 'callActivity':
      return true;
    case 'scriptTask':
    case 'sendTask':
    case 'intermediateThrowEvent':
    case 'endEvent':
      return Boolean(node.job);
    case 'intermediateCatchEvent':
      return node.event?.type !== 'link' && node.event?.type !== 'none' && node.event !== undefined;
    default:
      return false;
  }
}

/** Whether a token at `node` may leave the cycle without a sequence flow (boundary events, escalations, errors). */
function mayEscape(node: NodeIR): boolean {
  if (node.boundaryEvents?.length) return true;
  const type = node.event?.type;
  return type === 'escalation' || type === 'error' || type === 'terminate';
}

/** The nodes reached from `node` in one move: its flows' targets and, for link throws, the link catch. */
function successors(scope: ScopeIR, node: NodeIR): string[] {
  const next = node.outgoing.map((f) => scope.flows[f]?.target).filter((t): t is string => Boolean(t && scope.nodes[t]));
  if (node.kind === 'intermediateThrowEvent' && node.event?.type === 'link' && node.event.target && scope.nodes[node.event.target]) next.push(node.event.target);
  return next;
}

/** Strongly connected components of a scope's flow graph (Tarjan, iterative: any model size is safe). */
function components(scope: ScopeIR): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const result: string[][] = [];
  let counter = 0;
  for (const root of Object.keys(scope.nodes)) {
    if (index.has(root)) continue;
    const work: { id: string; next: string[]; i: number }[] = [];
    const open = (id: string) => {
      index.set(id, counter);
      low.set(id, counter);
      counter += 1;
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: successors(scope, scope.nodes[id]), i: 0 });
    };
    open(root);
    while (work.length) {
      const frame = work[work.length - 1];
      if (frame.i < frame.next.length) {
        const target = frame.next[frame.i++];
        if (!index.has(target)) open(target);
        else if (onStack.has(target)) low.set(frame.id, Math.min(low.get(frame.id)!, index.get(target)!));
        continue;
      }
      work.pop();
      if (work.length) low.set(work[work.length - 1].id, Math.min(low.get(work[work.length - 1].id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let id: string;
        do {
          id = stack.pop()!;
          onStack.delete(id);
          component.push(id);
        } while (id !== frame.id);
        result.push(component);
      }
    }
  }
  return result;
}

/** Checks every scope of a process for loops without a wait state; the ones that may spin are warnings. */
export function validateCycles(scope: ScopeIR, problems: Problems): void {
  for (const component of components(scope)) {
    const members = new Set(component);
    const nodes = component.map((id) => scope.nodes[id]);
    const isCycle = component.length > 1 || successors(scope, nodes[0]).includes(nodes[0].id);
    if (!isCycle || nodes.some(mayWait)) continue;
    const hasExit = nodes.some((n) => mayEscape(n) || successors(scope, n).some((t) => !members.has(t)));
    // Name the gateway that decides the exit when there is one, else a gateway of the loop.
    const exits = nodes.filter((n) => n.kind.endsWith('Gateway') && successors(scope, n).some((t) => !members.has(t)));
    const at = (exits[0] ?? nodes.find((n) => n.kind.endsWith('Gateway')) ?? [...nodes].sort((a, b) => a.id.localeCompare(b.id))[0]).id;
    const path = [...component].sort().join(', ');
    if (!hasExit) problems.at(at, `is in a loop with no wait state and no way out (${path}): every token that enters it would loop forever`);
    else problems.warn(at, `is in a loop with no wait state (${path}): if its exit condition never holds, the step stops at its budget with an incident`);
  }
  for (const node of Object.values(scope.nodes)) {
    if (node.scope) validateCycles(node.scope, problems);
  }
}
