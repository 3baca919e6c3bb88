/**
 * References must point at elements of the kind the standard names
 * (BPMN 2.0.2 metamodel, chapter 8–10 attribute tables, and the XSD's
 * typed references): a sequence flow's sourceRef a flow node, a default
 * flow a sequence flow, a partnerEntity's participantRef a participant,
 * an attachedToRef an activity. bpmn-moddle resolves ids of any kind, so
 * this checks every resolved reference against the type its property declares.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { Problems } from '../Problems.js';
import { propertiesOf, walkModdle } from './walkModdle.js';

/** Id-typed references of the DI that point at any BPMN element. */
const ANY_TARGET = new Set(['bpmnElement', 'sourceElement', 'targetElement', 'valueRef']);

/** References judged where more is known (the scope of the element): attachedToRef (attachBoundaryEvents), activityRef (validateCompensation). */
const JUDGED_ELSEWHERE = new Set(['attachedToRef', 'activityRef']);

const label = (type: string) => type.replace(/^bpmn:/, '');

/** Reports every reference of the document that points at an element of the wrong kind. */
export function checkReferenceTypes(definitions: ModdleElement, problems: Problems): void {
  walkModdle(definitions, (element) => {
    for (const property of propertiesOf(element)) {
      if (!property.isReference || !property.type || ANY_TARGET.has(property.name) || JUDGED_ELSEWHERE.has(property.name)) continue;
      const value = (element as Record<string, unknown>)[property.name];
      for (const target of Array.isArray(value) ? value : [value]) {
        if (!target || typeof target !== 'object' || typeof (target as ModdleElement).$instanceOf !== 'function') continue;
        const referenced = target as ModdleElement;
        if (referenced.$instanceOf(property.type)) continue;
        const owner = element.id ? `` : ` (on a ${label(element.$type)})`;
        problems.at(
          element.id ?? nearestId(element),
          `${property.name} refers to '${referenced.id ?? '?'}', a ${label(referenced.$type)}, but must refer to a ${label(property.type)}${owner} (BPMN metamodel: ${label(element.$type)}.${property.name})`,
        );
      }
    }
  });
}

function nearestId(element: ModdleElement): string | undefined {
  for (let e: ModdleElement | undefined = element.$parent; e; e = e.$parent) if (e.id) return e.id;
  return undefined;
}
