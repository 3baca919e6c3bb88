/**
 * What a process needs besides itself to run as it would live: the
 * processes it calls, the processes that catch the messages and signals it
 * throws (a campaign hands each invitee to a process of its own by message),
 * and the forms of its user tasks. A rehearsal of a model brings these
 * along from the deployed ones, or the rehearsal would end where live work
 * goes on.
 */
import type { EventDefinition, NodeIR, ProcessIR, ScopeIR } from '../ir/types.js';

/** The names and keys a process refers to. */
export interface ProcessReferences {
  calledKeys: Set<string>;
  thrownMessages: Set<string>;
  thrownSignals: Set<string>;
  caughtMessages: Set<string>;
  caughtSignals: Set<string>;
  formIds: Set<string>;
}

function eachNode(scope: ScopeIR, visit: (node: NodeIR) => void): void {
  for (const node of Object.values(scope.nodes)) {
    visit(node);
    if (node.scope) eachNode(node.scope, visit);
  }
}

function flatten(event: EventDefinition | undefined): EventDefinition[] {
  if (!event) return [];
  return event.type === 'multiple' ? event.definitions.flatMap(flatten) : [event];
}

const THROWS = new Set(['intermediateThrowEvent', 'endEvent', 'sendTask']);

/** The literal (non-FEEL) names and keys of a process; FEEL-computed ones cannot be known before it runs. */
export function processReferences(ir: ProcessIR): ProcessReferences {
  const refs: ProcessReferences = { calledKeys: new Set(), thrownMessages: new Set(), thrownSignals: new Set(), caughtMessages: new Set(), caughtSignals: new Set(), formIds: new Set() };
  eachNode(ir, (node) => {
    if (node.calledElement && !node.calledElement.processId.isFeel) refs.calledKeys.add(node.calledElement.processId.source);
    if (node.userTask?.formId) refs.formIds.add(node.userTask.formId);
    const throwing = THROWS.has(node.kind) && !node.job;
    for (const event of flatten(node.event)) {
      if (event.type === 'message' && !event.messageName.isFeel) (throwing ? refs.thrownMessages : refs.caughtMessages).add(event.messageName.source);
      if (event.type === 'signal' && !event.signalName.isFeel) (throwing ? refs.thrownSignals : refs.caughtSignals).add(event.signalName.source);
    }
  });
  return refs;
}

const overlaps = (a: Set<string>, b: Set<string>) => [...a].some((x) => b.has(x));

/**
 * Of `candidates` (deployed processes), those `processes` reach, directly or
 * through one another: called by key, or catching a message or signal one
 * of them throws. Returns the candidates' keys in the order found.
 */
export function relatedProcesses(processes: ProcessIR[], candidates: ProcessIR[]): string[] {
  const included = new Set(processes.map((p) => p.processId));
  const reach = processes.map(processReferences);
  const found: string[] = [];
  for (let grew = true; grew; ) {
    grew = false;
    for (const candidate of candidates) {
      if (included.has(candidate.processId)) continue;
      const theirs = processReferences(candidate);
      const reached = reach.some((r) => r.calledKeys.has(candidate.processId) || overlaps(r.thrownMessages, theirs.caughtMessages) || overlaps(r.thrownSignals, theirs.caughtSignals));
      if (!reached) continue;
      included.add(candidate.processId);
      reach.push(theirs);
      found.push(candidate.processId);
      grew = true;
    }
  }
  return found;
}
