/**
 * User tasks: `zeebe:assignmentDefinition`, `zeebe:taskSchedule`,
 * `zeebe:priorityDefinition`, `zeebe:formDefinition` (a form deployed
 * separately, or one embedded in the process as `zeebe:userTaskForm`), the
 * `lifeline:assignment` strategy and the `lifeline:sla` policy.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { UserTaskDefinition } from '../../ir/types.js';
import { toExpr } from '../../expressions/feel.js';
import { ext } from '../extensions.js';
import { ASSIGNMENT_STRATEGIES } from '../lifelineModdle.js';
import { readSla } from '../readLifeline.js';
import type { Problems } from '../Problems.js';
import type { NodeReader } from './NodeReader.js';

/** The form key prefix Camunda Modeler writes for a form embedded in the process. */
const EMBEDDED_FORM = /^camunda-forms:bpmn:(.+)$/;

function text(value: unknown): string | undefined {
  return value === undefined || value === null || String(value).trim() === '' ? undefined : String(value);
}

function readForm(element: ModdleElement, def: UserTaskDefinition, forms: Map<string, string>, problems: Problems): void {
  const form = ext(element, 'zeebe:FormDefinition');
  if (!form) return;
  if (text(form.externalReference)) problems.at(element.id, 'external forms (zeebe:formDefinition externalReference) are not supported: use formId or an embedded form');
  const formId = text(form.formId);
  const formKey = text(form.formKey);
  if (formId) def.formId = formId;
  if (!formKey) return;
  def.formKey = formKey;
  const embeddedId = EMBEDDED_FORM.exec(formKey)?.[1];
  if (!embeddedId) return;
  const json = forms.get(embeddedId);
  if (json === undefined) problems.at(element.id, `form key '${formKey}' names no zeebe:userTaskForm with id '${embeddedId}' in the process`);
  else def.formJson = json;
}

/** User task details and the Lifeline assignment strategy. */
export const readUserTask: NodeReader = (element, node, ctx) => {
  const assignment = ext(element, 'zeebe:AssignmentDefinition');
  const schedule = ext(element, 'zeebe:TaskSchedule');
  const def: UserTaskDefinition = {};
  const set = (field: 'assignee' | 'candidateGroups' | 'candidateUsers' | 'dueDate' | 'followUpDate' | 'priority', value: unknown) => {
    const written = text(value);
    if (written !== undefined) def[field] = toExpr(written);
  };
  set('assignee', assignment?.assignee);
  set('candidateGroups', assignment?.candidateGroups);
  set('candidateUsers', assignment?.candidateUsers);
  set('dueDate', schedule?.dueDate);
  set('followUpDate', schedule?.followUpDate);
  set('priority', ext(element, 'zeebe:PriorityDefinition')?.priority);
  readForm(element, def, ctx.forms, ctx.problems);
  node.userTask = def;

  const sla = readSla(element, node.id, ctx.problems);
  if (sla) node.lifeline = { ...node.lifeline, sla };
  const strategy = ext(element, 'lifeline:Assignment');
  if (!strategy) return;
  const name = text(strategy.strategy);
  if (!name) ctx.problems.at(node.id, 'lifeline:assignment has no strategy');
  else if (!ASSIGNMENT_STRATEGIES.includes(name)) ctx.problems.at(node.id, `unknown assignment strategy '${name}' (known: ${ASSIGNMENT_STRATEGIES.join(', ')})`);
  else node.lifeline = { ...node.lifeline, assignmentStrategy: name };
};
