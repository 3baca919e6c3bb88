/**
 * Conditional events (BPMN 10.5.1, 13.5.?): an intermediate catch, boundary
 * or event subprocess start that fires when its condition becomes true.
 * Conditions are evaluated at the end of every step, when everything the
 * step changed is in place (variables set by a task completion, a message,
 * the API): a condition that turned from false (or not yet evaluated) to
 * true fires once. Non-interrupting ones keep watching and fire again the
 * next time the condition turns true. A condition that cannot be evaluated
 * is an incident on its event (runtime/stalls.ts), evaluated again when the
 * incident is retried.
 */
import { evaluateCondition } from '../../expressions/feel.js';
import type { Runtime } from '../Runtime.js';
import type { Execution } from '../tree.js';
import { allPartsOccurred } from './multipleEvents.js';
import { attempt } from '../stalls.js';

/** Evaluates every watched condition of the instance; fires those that turned true. True when one fired. */
export function settleConditions(rt: Runtime): boolean {
  let fired = false;
  for (const owner of [...rt.index.walk()]) {
    if (!owner.conditions?.length || rt.index.get(owner.id) !== owner) continue;
    if (owner.state !== 'active' && owner.state !== 'interrupted') continue;
    for (const watch of [...owner.conditions]) {
      const node = rt.model.node(watch.elementId);
      const event = node.event?.type === 'multiple' && watch.part !== undefined ? node.event.definitions[watch.part] : node.event;
      if (event?.type !== 'conditional') continue;
      const result = attempt(rt, owner, watch.elementId, 'condition', () => evaluateCondition(event.condition, rt.context(owner)));
      if (!result) continue;
      const now = result.value;
      const rising = now && !watch.last;
      watch.last = now;
      if (!rising || !owner.conditions?.includes(watch)) continue;
      if (!allPartsOccurred(rt, owner, watch.elementId, watch.part)) continue;
      fired = true;
      fire(rt, owner, watch.elementId);
      if (rt.index.get(owner.id) !== owner) break;
    }
  }
  return fired;
}

function fire(rt: Runtime, owner: Execution, elementId: string): void {
  rt.history('condition.met', owner, { elementId });
  const node = rt.model.node(elementId);
  const keeps = (node.kind === 'boundaryEvent' && node.cancelActivity === false) || (node.kind === 'startEvent' && node.isInterrupting === false);
  if (!keeps) owner.conditions = owner.conditions!.filter((w) => w.elementId !== elementId);
  rt.send(owner, owner.kind === 'activity' && owner.nodeId === elementId ? { type: 'COMPLETE' } : { type: `TRIGGER.${elementId}` });
}
