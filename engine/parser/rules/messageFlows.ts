/**
 * Message flows (BPMN 9.3, table 9.4 and 10.5 event tables): they connect
 * two different pools, never start in a start event or a catch event, never
 * end in an end event or a throw event, and never touch a gateway.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { Problems } from '../Problems.js';

/** The pool (participant) an element of a collaboration belongs to: itself, or the participant whose process holds it. */
function poolOf(element: ModdleElement | undefined, pools: ModdleElement[]): ModdleElement | undefined {
  if (!element) return undefined;
  if (element.$type === 'bpmn:Participant') return element;
  let process: ModdleElement | undefined = element;
  while (process && process.$type !== 'bpmn:Process') process = process.$parent;
  return process ? pools.find((p) => p.processRef === process) : undefined;
}

/** BPMN 9.2 (table 9.3): a pool's multiplicity has minimum ≥ 0 and maximum ≥ max(1, minimum). */
function checkMultiplicity(pool: ModdleElement, problems: Problems): void {
  const multiplicity = pool.participantMultiplicity;
  if (!multiplicity) return;
  const minimum = multiplicity.minimum === undefined ? 0 : Number(multiplicity.minimum);
  const maximum = multiplicity.maximum === undefined ? undefined : Number(multiplicity.maximum);
  if (!(minimum >= 0)) problems.at(pool.id, `the participant multiplicity's minimum ${multiplicity.minimum} is negative (BPMN 9.2)`);
  if (maximum !== undefined && (!(maximum >= 1) || maximum < minimum)) problems.at(pool.id, `the participant multiplicity's maximum ${multiplicity.maximum} must be at least 1 and at least the minimum ${minimum} (BPMN 9.2)`);
}

/** Reports message flows that break the standard's connection rules, and pool multiplicities that cannot be. */
export function checkMessageFlows(definitions: ModdleElement, problems: Problems): void {
  for (const collaboration of (definitions.rootElements ?? []) as ModdleElement[]) {
    if (collaboration.$type !== 'bpmn:Collaboration') continue;
    const pools = (collaboration.participants ?? []) as ModdleElement[];
    for (const pool of pools) checkMultiplicity(pool, problems);
    for (const flow of (collaboration.messageFlows ?? []) as ModdleElement[]) {
      const at = (message: string) => problems.at(flow.id, message);
      const source: ModdleElement | undefined = flow.sourceRef;
      const target: ModdleElement | undefined = flow.targetRef;
      if (!source || !target) continue;
      const from = poolOf(source, pools);
      const to = poolOf(target, pools);
      if (source === target || (from && to && from === to)) at(`the message flow connects '${source.id}' and '${target.id}' in the same pool: a message flow connects two different pools (BPMN 9.3)`);
      if (source.$type === 'bpmn:StartEvent') at(`a start event ('${source.id}') cannot be the source of a message flow (BPMN 10.5.2)`);
      if (source.$type === 'bpmn:IntermediateCatchEvent' || source.$type === 'bpmn:BoundaryEvent') at(`a catch event ('${source.id}') cannot be the source of a message flow (BPMN 10.5.4)`);
      if (target.$type === 'bpmn:EndEvent') at(`an end event ('${target.id}') cannot be the target of a message flow (BPMN 10.5.3)`);
      if (target.$type === 'bpmn:IntermediateThrowEvent') at(`a throw event ('${target.id}') cannot be the target of a message flow (BPMN 10.5.4)`);
      for (const end of [source, target]) {
        if (/Gateway$/.test(end.$type)) at(`a gateway ('${end.id}') cannot be connected by a message flow (BPMN 9.3)`);
      }
      const hasMessage = (event: ModdleElement) => [...(event.eventDefinitions ?? []), ...(event.eventDefinitionRef ?? [])].some((d: ModdleElement) => d.$type === 'bpmn:MessageEventDefinition');
      if (target.$type === 'bpmn:StartEvent' && !hasMessage(target)) at(`start event '${target.id}' receives a message flow but has no message event definition (BPMN 10.5.2)`);
      if (source.$type === 'bpmn:EndEvent' && !hasMessage(source)) at(`end event '${source.id}' sends a message flow but has no message event definition (BPMN 10.5.3)`);
    }
  }
}
