/**
 * The standard's rules that concern the whole document rather than one
 * executable process: the XSD's attribute values, typed references, message flows between pools,
 * data inputs and outputs, explicit link targets, declared incoming and
 * outgoing flows. Each problem names the element and the rule it breaks.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { Problems } from '../Problems.js';
import { checkReferenceTypes } from './referenceTypes.js';
import { checkMessageFlows } from './messageFlows.js';
import { checkDataRules } from './dataRules.js';
import { checkDeclaredFlows } from './declaredFlows.js';
import { checkLinkReferences } from './linkReferences.js';
import { checkSchema } from './schemaChecks.js';
import { checkCalledProcesses } from './calledProcesses.js';

/** Runs every document-wide rule on `definitions`. */
export function checkDocumentRules(definitions: ModdleElement, problems: Problems): void {
  checkReferenceTypes(definitions, problems);
  checkMessageFlows(definitions, problems);
  checkDataRules(definitions, problems);
  checkDeclaredFlows(definitions, problems);
  checkLinkReferences(definitions, problems);
  checkSchema(definitions, problems);
  checkCalledProcesses(definitions, problems);
}
