/**
 * How a scope is wired: where tokens enter (start events), that every other
 * node can be reached, and that events are used as events (nothing flows
 * into a start, boundary or link catch event; nothing flows out of an end
 * or link throw event; event subprocesses have no flows at all).
 */
import type { NodeIR, ScopeIR } from '../ir/types.js';
import type { ScopeKind } from './nodeReaders/index.js';
import type { Problems } from './Problems.js';

/** Nodes a token reaches without an incoming sequence flow. */
function isEntry(node: NodeIR): boolean {
  return node.kind === 'startEvent'
    || node.kind === 'boundaryEvent'
    || (node.kind === 'subProcess' && node.triggeredByEvent === true)
    || (node.kind === 'intermediateCatchEvent' && node.event?.type === 'link')
    || (node.kind === 'receiveTask' && node.instantiate === true)
    || node.isForCompensation === true;
}

function validateStarts(scope: ScopeIR, kind: ScopeKind, problems: Problems): void {
  const starts = scope.startEvents.map((id) => scope.nodes[id]).filter((n) => n.kind === 'startEvent');
  const instantiating = scope.startEvents.length - starts.length;
  const noneStarts = starts.filter((s) => (s.event?.type ?? 'none') === 'none');
  const ends = Object.values(scope.nodes).filter((n) => n.kind === 'endEvent');
  // BPMN 10.5.2/10.5.3: start and end events are optional, but a level that uses one must use the other.
  const where = kind === 'process' ? 'the process' : 'the subprocess';
  if (kind !== 'eventSubprocess' && starts.length === 0 && instantiating === 0 && ends.length > 0) {
    problems.at(scope.id, `${where} has an end event (${ends.map((e) => e.id).join(', ')}) but no start event: the standard requires a start event on every level that uses end events`);
  }
  if (kind !== 'eventSubprocess' && starts.length > 0 && ends.length === 0) {
    problems.at(scope.id, `${where} has a start event (${starts.map((s) => s.id).join(', ')}) but no end event: the standard requires an end event on every level that uses start events`);
  }
  if (kind === 'process') {
    if (noneStarts.length > 1) problems.at(scope.id, `the process has ${noneStarts.length} none start events (${noneStarts.map((s) => s.id).join(', ')}): at most one is allowed`);
  } else if (kind === 'subprocess') {
    if (starts.length > 1) problems.at(scope.id, `an embedded subprocess has at most one start event; it has ${starts.length}`);
  } else if (starts.length !== 1) {
    problems.at(scope.id, `an event subprocess needs exactly one start event; it has ${starts.length}`);
  }
}

/** Nodes that sequence flows of the XML lead to or start at, even flows dropped as problems (not to report a node twice). */
export interface WiredInXml {
  targeted: Set<string>;
  sourced: Set<string>;
}

/**
 * Ways out (BPMN 10.5): start, intermediate and boundary events lead on
 * (but a link throw jumps and a compensation boundary has a handler
 * instead); on a level that uses end events, every other flow node leads
 * on too, so that tokens end only in end events.
 */
function validateWaysOut(scope: ScopeIR, sourced: Set<string>, problems: Problems): void {
  const usesEnds = Object.values(scope.nodes).some((n) => n.kind === 'endEvent');
  for (const node of Object.values(scope.nodes)) {
    if (node.outgoing.length || sourced.has(node.id) || node.kind === 'endEvent' || node.isForCompensation || (node.kind === 'subProcess' && node.triggeredByEvent)) continue;
    const type = node.event?.type;
    const at = (message: string) => problems.at(node.id, message);
    if (node.kind === 'startEvent') at('a start event must have an outgoing sequence flow (BPMN 10.5.2)');
    else if (node.kind === 'boundaryEvent') {
      if (type !== 'compensate') at('a boundary event must have an outgoing sequence flow (BPMN 10.5.4)');
    } else if (node.kind === 'intermediateCatchEvent' || node.kind === 'intermediateThrowEvent') {
      if (!(node.kind === 'intermediateThrowEvent' && type === 'link')) at('an intermediate event must have an outgoing sequence flow (BPMN 10.5.4)');
    } else if (usesEnds && !(node.kind.endsWith('Gateway'))) {
      at(`has no outgoing sequence flow, but its level uses end events: then every flow node but an end event leads on (BPMN 10.5.3)`);
    }
  }
}

/**
 * Checks the wiring of `scope` (not of its subprocesses). `targeted` holds
 * the ids of nodes some sequence flow of the XML leads to: a node whose only
 * incoming flow was itself a problem is not reported as never reached.
 */
export function validateStructure(scope: ScopeIR, kind: ScopeKind, wired: WiredInXml, problems: Problems): void {
  const targeted = wired.targeted;
  validateStarts(scope, kind, problems);
  validateWaysOut(scope, wired.sourced, problems);
  for (const node of Object.values(scope.nodes)) {
    const at = (message: string) => problems.at(node.id, message);
    const isLink = node.event?.type === 'link';
    if (node.kind === 'startEvent' && node.incoming.length) at('a start event cannot have incoming sequence flows');
    if (node.kind === 'boundaryEvent' && node.incoming.length) at('a boundary event cannot have incoming sequence flows');
    if (node.kind === 'intermediateCatchEvent' && isLink && node.incoming.length) at('a link catch event cannot have incoming sequence flows');
    if (node.kind === 'endEvent' && node.outgoing.length) at('an end event cannot have outgoing sequence flows');
    if (node.kind === 'intermediateThrowEvent' && isLink && node.outgoing.length) at('a link throw event cannot have outgoing sequence flows');
    if (node.kind === 'subProcess' && node.triggeredByEvent && (node.incoming.length || node.outgoing.length)) at('an event subprocess cannot have incoming or outgoing sequence flows');
    // Without start events, every node without an incoming flow starts the level (BPMN 10.5.2).
    const implicitStart = scope.startEvents.length === 0 && kind !== 'eventSubprocess';
    if (!implicitStart && !isEntry(node) && node.incoming.length === 0 && !targeted.has(node.id)) {
      at(`is never reached: a ${node.kind} needs an incoming sequence flow`);
    } else if (implicitStart && node.incoming.length === 0 && !targeted.has(node.id)) {
      // Even where nodes without incoming flows start a level, events in the middle and at the end are reached by flows (BPMN 10.5.3, 10.5.4).
      if (node.kind === 'endEvent') at('an end event must have an incoming sequence flow (BPMN 10.5.3)');
      if (node.kind === 'intermediateThrowEvent' || (node.kind === 'intermediateCatchEvent' && !isLink)) at('an intermediate event must have an incoming sequence flow (BPMN 10.5.4)');
    }
  }
}
