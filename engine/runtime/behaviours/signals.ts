/**
 * A signal reaches the instance that throws it at once (BPMN 13.5.1: a
 * thrown signal is broadcast, and what waits in the same instance is among
 * the receivers). An end event inside a subprocess signals its boundary
 * while the subprocess is still active; other instances hear it after the
 * step, through the outbox (which skips the thrower).
 */
import type { EventDefinition, NodeIR } from '../../ir/types.js';
import { evaluateString } from '../../expressions/feel.js';
import type { Runtime } from '../Runtime.js';
import type { Execution } from '../tree.js';
import { propagateVariables } from '../variables.js';
import { allPartsOccurred } from './multipleEvents.js';
import { attempt } from '../stalls.js';

/**
 * Whether `elementId`, waited on by `owner`, waits for signal `name`. A
 * signal name that cannot be evaluated now is an incident on that element
 * (it hears no signal until retried), not a failure of the throw event.
 */
function listensTo(rt: Runtime, owner: Execution, event: EventDefinition | undefined, name: string, elementId: string): boolean {
  if (event?.type === 'multiple') return event.definitions.some((d) => listensTo(rt, owner, d, name, elementId));
  if (event?.type !== 'signal') return false;
  return attempt(rt, owner, elementId, 'signal', () => evaluateString(event.signalName, rt.context(owner), `${elementId} signal name`) === name)?.value ?? false;
}

/** The (owner, element) pairs of this instance that wait for signal `name` now. */
function receivers(rt: Runtime, name: string): { owner: Execution; elementId: string }[] {
  const found: { owner: Execution; elementId: string }[] = [];
  for (const e of rt.index.walk()) {
    if (e.state !== 'active') continue;
    if (e.kind === 'scope') {
      const ir = rt.model.scope(e.nodeId);
      for (const espId of ir.eventSubprocesses) {
        const inner = ir.nodes[espId].scope!;
        for (const startId of inner.startEvents) if (listensTo(rt, e, inner.nodes[startId].event, name, startId)) found.push({ owner: e, elementId: startId });
      }
      continue;
    }
    const node: NodeIR = rt.model.node(e.nodeId);
    const scope = rt.model.scopeOfNode(node.id);
    if (node.kind === 'intermediateCatchEvent' && listensTo(rt, e, node.event, name, node.id)) found.push({ owner: e, elementId: node.id });
    if (node.kind === 'eventBasedGateway') {
      for (const flowId of node.outgoing) {
        const target = scope.nodes[scope.flows[flowId].target];
        if (listensTo(rt, e, target.event, name, target.id)) found.push({ owner: e, elementId: target.id });
      }
    }
    if (e.machine.startsWith('activity:')) {
      for (const boundaryId of node.boundaryEvents ?? []) if (listensTo(rt, e, scope.nodes[boundaryId].event, name, boundaryId)) found.push({ owner: e, elementId: boundaryId });
    }
  }
  return found;
}

/** Delivers signal `name` to what waits for it in this instance, within the current step. */
export function broadcastLocally(rt: Runtime, name: string, variables: Record<string, unknown>): void {
  for (const { owner, elementId } of receivers(rt, name)) {
    if (rt.index.get(owner.id) !== owner || owner.state !== 'active') continue;
    const event = rt.model.node(elementId).event;
    if (event?.type === 'multiple') {
      const part = event.definitions.findIndex((d) => listensTo(rt, owner, d, name, elementId));
      if (!allPartsOccurred(rt, owner, elementId, part)) continue;
    }
    rt.history('signal.caught', owner, { name, elementId });
    if (Object.keys(variables).length) propagateVariables(rt.index, owner, variables, owner.kind === 'scope');
    rt.send(owner, owner.kind === 'activity' && owner.nodeId === elementId ? { type: 'COMPLETE' } : { type: `TRIGGER.${elementId}` });
  }
}
