/**
 * Multiple and parallel multiple events (BPMN 10.5.1): a multiple catch
 * waits on every one of its definitions and fires on the first (its other
 * rows are cancelled with it); a parallel multiple one fires only once each
 * definition has occurred, counting occurrences until then.
 */
import type { Runtime } from '../Runtime.js';
import type { Execution } from '../tree.js';

/** Counts an occurrence of `part`; true when the event may fire (not parallel multiple, or every part has occurred). */
export function allPartsOccurred(rt: Runtime, owner: Execution, elementId: string, part: number | undefined): boolean {
  const event = rt.model.node(elementId).event;
  if (event?.type !== 'multiple' || !event.parallel || part === undefined) return true;
  const seen = ((owner.partsSeen ??= {})[elementId] ??= []);
  if (!seen.includes(part)) seen.push(part);
  if (seen.length < event.definitions.length) {
    rt.history('event.part.occurred', owner, { elementId, part });
    return false;
  }
  delete owner.partsSeen[elementId];
  return true;
}
