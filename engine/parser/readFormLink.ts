/**
 * `zeebe:formDefinition` as Camunda Modeler writes it, on a user task or a
 * process's none start event: a linked form (`formId`, deployed separately)
 * or a form embedded in the process (`formKey="camunda-forms:bpmn:<id>"`
 * naming a `zeebe:userTaskForm`). External forms are a problem: Lifeline's
 * task list and start page can only show form-js forms.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { FormLink } from '../ir/types.js';
import { ext } from './extensions.js';
import type { Problems } from './Problems.js';

/** The form key prefix Camunda Modeler writes for a form embedded in the process. */
const EMBEDDED_FORM = /^camunda-forms:bpmn:(.+)$/;

function text(value: unknown): string | undefined {
  return value === undefined || value === null || String(value).trim() === '' ? undefined : String(value);
}

/** The element's form link, if it has a `zeebe:formDefinition`; `forms` are the process's embedded forms by id. */
export function readFormLink(element: ModdleElement, forms: Map<string, string>, problems: Problems): FormLink | undefined {
  const form = ext(element, 'zeebe:FormDefinition');
  if (!form) return undefined;
  if (text(form.externalReference)) problems.at(element.id, 'external forms (zeebe:formDefinition externalReference) are not supported: use formId or an embedded form');
  const link: FormLink = {};
  const formId = text(form.formId);
  const formKey = text(form.formKey);
  if (formId) link.formId = formId;
  if (!formKey) return link;
  link.formKey = formKey;
  const embeddedId = EMBEDDED_FORM.exec(formKey)?.[1];
  if (!embeddedId) return link;
  const json = forms.get(embeddedId);
  if (json === undefined) problems.at(element.id, `form key '${formKey}' names no zeebe:userTaskForm with id '${embeddedId}' in the process`);
  else link.formJson = json;
  return link;
}
