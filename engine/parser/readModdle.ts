/**
 * XML → bpmn-moddle tree, with the `zeebe:` and `lifeline:` extensions.
 * Malformed XML and every import warning of bpmn-moddle (unresolved
 * references, duplicate ids, unknown elements) come back as problems,
 * never as exceptions.
 */
import { BpmnModdle, type ModdleElement, type ModdleWarning } from 'bpmn-moddle';
import { createRequire } from 'node:module';
import { lifelineDescriptor } from './lifelineModdle.js';
import { locateElement } from './locateElement.js';
import type { Problems } from './Problems.js';

const require = createRequire(import.meta.url);
const zeebeDescriptor = require('zeebe-bpmn-moddle/resources/zeebe.json') as Record<string, unknown>;

/** What bpmn-moddle made of the document. */
export interface ModdleRead {
  /** The `bpmn:Definitions` root, absent when the XML could not be read at all. */
  definitions?: ModdleElement;
  /** Ids of elements with a reference bpmn-moddle could not resolve (already reported). */
  unresolved: Set<string>;
}

/**
 * References to data types (item definitions, XSD structures): Lifeline's
 * variables are untyped JSON, so a type it cannot resolve changes nothing
 * at run time and is a warning, not a reason to refuse the model.
 */
const TYPE_REFERENCES = /(^|:)(itemSubjectRef|itemRef|structureRef|evaluatesToTypeRef|typeRef|loopDataInputRef|loopDataOutputRef)$/;

/** moddle's multi-line messages ("...detected\n\tline: 0\n\tcolumn: 3\n\tnested error: x") on one line. */
function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ', ').replace(/\s+/g, ' ').trim();
}

/** The element a warning belongs to: its element (or nearest parent with an id), or the one at the line and column it names. */
function elementOf(warning: ModdleWarning, xml: string): string | undefined {
  for (let element = warning.element; element; element = element.$parent) {
    if (element.id) return element.id;
  }
  const at = /line: (\d+)\s+column: (\d+)/.exec(warning.message);
  return at ? locateElement(xml, Number(at[1]), Number(at[2])) : undefined;
}

function report(warning: ModdleWarning, xml: string, problems: Problems, unresolved: Set<string>): void {
  const message = oneLine(warning.message);
  // The text is already decoded (decodeXml reads the bytes by their declared encoding): the declaration no longer applies.
  if (/^unsupported document encoding/.test(message)) return;
  const dangling = /^unresolved reference <([^>]*)>/.exec(message);
  if (dangling && TYPE_REFERENCES.test(String(warning.property ?? ''))) {
    problems.warn(elementOf(warning, xml), `${warning.property} refers to '${dangling[1]}', which does not exist: the data type is not checked (${message})`);
    return;
  }
  if (dangling) {
    if (warning.element?.id) unresolved.add(warning.element.id);
    const property = warning.property ? `${warning.property} ` : '';
    problems.at(elementOf(warning, xml), `${property}refers to '${dangling[1]}', which does not exist (${message})`);
    return;
  }
  const duplicate = /duplicate ID <([^>]*)>/.exec(message);
  if (duplicate) {
    problems.at(duplicate[1], `duplicate id '${duplicate[1]}': another element already has it, so this one was dropped (${message})`);
    return;
  }
  problems.at(elementOf(warning, xml), `bpmn-moddle: ${message}`);
}

/** Reads `xml` with bpmn-moddle and reports what it could not read into `problems`. */
export async function readModdle(xml: string, problems: Problems): Promise<ModdleRead> {
  const unresolved = new Set<string>();
  if (typeof xml !== 'string' || xml.trim() === '') {
    problems.general('malformed XML: the BPMN document is empty');
    return { unresolved };
  }
  const moddle = new BpmnModdle({ zeebe: zeebeDescriptor, lifeline: lifelineDescriptor });
  try {
    const result = await moddle.fromXML(xml);
    for (const warning of result.warnings) report(warning, xml, problems, unresolved);
    if (result.rootElement?.$type !== 'bpmn:Definitions') {
      problems.general('malformed XML: the root element is not bpmn:definitions');
      return { unresolved };
    }
    return { definitions: result.rootElement, unresolved };
  } catch (e) {
    const error = e as Error & { warnings?: ModdleWarning[] };
    problems.general(`malformed XML: ${oneLine(error.message)}`);
    for (const warning of error.warnings ?? []) report(warning, xml, problems, unresolved);
    return { unresolved };
  }
}
