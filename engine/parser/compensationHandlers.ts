/**
 * Compensation boundary events → their handlers. The standard connects a
 * compensation boundary event to the activity that undoes its host with an
 * association (BPMN 10.6.5), not a sequence flow; the host then names that
 * handler in the IR (`compensationHandler`).
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { ScopeIR } from '../ir/types.js';
import type { Problems } from './Problems.js';

/** Sets `compensationHandler` on the hosts of the compensation boundary events of `scope`, from the associations of its container. */
export function linkCompensationHandlers(scope: ScopeIR, artifacts: ModdleElement[], problems: Problems): void {
  const associations = artifacts.filter((a) => a.$type === 'bpmn:Association');
  for (const boundary of Object.values(scope.nodes)) {
    if (boundary.kind !== 'boundaryEvent' || boundary.event?.type !== 'compensate') continue;
    const ends = associations
      .map((a) => (a.sourceRef?.id === boundary.id ? a.targetRef?.id : a.targetRef?.id === boundary.id ? a.sourceRef?.id : undefined))
      .filter((id): id is string => Boolean(id));
    const handlers = ends.filter((id) => scope.nodes[id]);
    if (handlers.length === 0) {
      problems.at(boundary.id, 'a compensation boundary event needs an association to its compensation handler (an activity with isForCompensation="true") in the same scope (BPMN 10.6.5)');
      continue;
    }
    if (handlers.length > 1) problems.at(boundary.id, `a compensation boundary event is associated with ${handlers.length} activities (${handlers.join(', ')}): it has exactly one compensation handler`);
    const handler = scope.nodes[handlers[0]];
    if (!handler.isForCompensation) problems.at(handler.id, `is the compensation handler of '${boundary.id}' and must be marked isForCompensation="true" (BPMN 10.3.1)`);
    const host = boundary.attachedTo ? scope.nodes[boundary.attachedTo] : undefined;
    if (host) host.compensationHandler = handler.id;
  }
}
