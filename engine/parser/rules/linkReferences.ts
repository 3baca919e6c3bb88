/**
 * Link events may name each other explicitly (BPMN 10.5.4, table 10.101):
 * a throw's `target` is the definition of a link catch event of the same
 * process level, whose `source` names the throw back; a catch's sources
 * are throws. Links are otherwise paired by name (resolveLinks.ts).
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { Problems } from '../Problems.js';
import { walkModdle } from './walkModdle.js';

/** Reports explicit link targets and sources that do not pair up. */
export function checkLinkReferences(definitions: ModdleElement, problems: Problems): void {
  walkModdle(definitions, (definition) => {
    if (definition.$type !== 'bpmn:LinkEventDefinition') return;
    const event = definition.$parent;
    const target: ModdleElement | undefined = definition.target;
    if (target && event) {
      const catcher = target.$parent;
      if (catcher?.$type !== 'bpmn:IntermediateCatchEvent') problems.at(event.id, `the link target '${target.id}' is not the definition of a link catch event (BPMN 10.5.4)`);
      else if (catcher.$parent !== event.$parent) problems.at(event.id, `the link target '${catcher.id}' is on another process level: links stay on their level (BPMN 10.5.4)`);
      else if (!(target.source ?? []).includes(definition)) problems.at(event.id, `link catch '${catcher.id}' does not name this link as a source: source and target must agree (BPMN 10.5.4)`);
    }
    if (event?.$type === 'bpmn:IntermediateThrowEvent' && (definition.source ?? []).length) problems.at(event.id, 'a link throw event has a target, not sources (BPMN 10.5.4)');
    if (event?.$type === 'bpmn:IntermediateCatchEvent' && definition.target) problems.at(event.id, 'a link catch event has sources, not a target (BPMN 10.5.4)');
  });
}
