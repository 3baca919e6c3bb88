/**
 * What the BPMN XSD says about attributes, which bpmn-moddle reads without
 * judging: enumerated attributes hold one of their values, attributes
 * without a namespace are ones the schema defines (others belong in a
 * namespace of their own: `anyAttribute namespace="##other"`), and the
 * definitions name a targetNamespace.
 */
import type { ModdleElement } from 'bpmn-moddle';
import { createRequire } from 'node:module';
import type { Problems } from '../Problems.js';
import { propertiesOf, walkModdle } from './walkModdle.js';

const require = createRequire(import.meta.url);
const bpmn = require('bpmn-moddle/resources/bpmn/json/bpmn.json') as { enumerations: { name: string; literalValues: { name: string }[] }[] };

/** Enumerations of the schema, by qualified type name. */
const ENUMERATIONS = new Map(bpmn.enumerations.map((e) => [`bpmn:${e.name}`, e.literalValues.map((v) => v.name)]));

/** Enumerated attributes judged by their element's reader, with its own wording. */
const JUDGED_ELSEWHERE = new Set(['gatewayDirection', 'ordering', 'behavior']);

/** Attributes every XML element may carry. */
const XML_ATTRIBUTES = /^(xmlns(:.*)?|xsi:.*|xml:.*)$/;

/** Reports attribute values and attributes the BPMN XSD does not allow. */
export function checkSchema(definitions: ModdleElement, problems: Problems): void {
  if (!String(definitions.targetNamespace ?? '').trim()) problems.at(definitions.id, 'the definitions have no targetNamespace, which the BPMN XSD requires (tDefinitions)');
  walkModdle(definitions, (element) => {
    if (!element.$type.startsWith('bpmn:')) return;
    const where = element.id ?? element.$parent?.id;
    for (const property of propertiesOf(element)) {
      const values = property.type ? ENUMERATIONS.get(property.type) : undefined;
      if (!values || JUDGED_ELSEWHERE.has(property.name)) continue;
      const value = (element as Record<string, unknown>)[property.name];
      if (value !== undefined && !values.includes(String(value))) {
        problems.at(where, `${property.name} '${value}' is not one of ${values.join(', ')} (BPMN XSD t${property.type!.replace('bpmn:', '')})`);
      }
    }
    for (const attribute of Object.keys(element.$attrs ?? {})) {
      if (attribute.includes(':') || XML_ATTRIBUTES.test(attribute)) continue;
      // A formal expression written without xsi:type is read as a plain expression: its own attributes are still the schema's.
      if (element.$type === 'bpmn:Expression' && (attribute === 'language' || attribute === 'evaluatesToTypeRef')) continue;
      problems.at(where, `attribute '${attribute}' is not defined for ${element.$type} in the BPMN XSD (extension attributes need a namespace of their own)`);
    }
  });
}
