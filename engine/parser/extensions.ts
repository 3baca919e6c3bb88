/**
 * Readers for Camunda 8 `zeebe:` extension elements (and `lifeline:`), from
 * moddle elements into IR fields. Extension elements Lifeline cannot honour
 * (listeners, decisions) are reported, never skipped.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { CalledElementDefinition, JobDefinition, Mapping, MultiInstanceDefinition, Problem, UserTaskDefinition } from '../ir/types.js';
import { toExpr } from '../expressions/feel.js';
import { ASSIGNMENT_STRATEGIES } from './lifelineModdle.js';

/** Extension element types that carry no execution semantics Lifeline would miss. */
const UNDERSTOOD = new Set([
  'zeebe:TaskDefinition', 'zeebe:TaskHeaders', 'zeebe:IoMapping', 'zeebe:AssignmentDefinition', 'zeebe:TaskSchedule',
  'zeebe:PriorityDefinition', 'zeebe:FormDefinition', 'zeebe:UserTaskForm', 'zeebe:Script', 'zeebe:CalledElement',
  'zeebe:Subscription', 'zeebe:LoopCharacteristics', 'zeebe:VersionTag', 'zeebe:Properties', 'zeebe:UserTask',
  'zeebe:TemplateSupported', 'lifeline:Assignment',
]);

/** The first extension element of `type` on `element`. */
export function ext(element: ModdleElement | undefined, type: string): ModdleElement | undefined {
  return element?.extensionElements?.values?.find((v: ModdleElement) => v.$type === type);
}

/** Problems for extension elements whose meaning Lifeline would silently drop. */
export function unsupportedExtensions(element: ModdleElement): Problem[] {
  const values: ModdleElement[] = element.extensionElements?.values ?? [];
  return values
    .filter((v) => (v.$type.startsWith('zeebe:') || v.$type.startsWith('lifeline:')) && !UNDERSTOOD.has(v.$type))
    .map((v) => ({ elementId: element.id, message: `${element.id}: extension ${v.$type} is not supported by Lifeline` }));
}

export function readJob(element: ModdleElement): JobDefinition | undefined {
  const definition = ext(element, 'zeebe:TaskDefinition');
  if (!definition) return undefined;
  const headers: Record<string, string> = {};
  for (const header of ext(element, 'zeebe:TaskHeaders')?.values ?? []) headers[header.key] = header.value ?? '';
  return { type: toExpr(definition.type ?? ''), retries: toExpr(definition.retries ?? '3'), headers };
}

export function readMappings(element: ModdleElement): { inputs?: Mapping[]; outputs?: Mapping[] } {
  const io = ext(element, 'zeebe:IoMapping');
  if (!io) return {};
  const map = (list: ModdleElement[] | undefined) => (list ?? []).map((p) => ({ source: toExpr(p.source ?? ''), target: p.target ?? '' }));
  const inputs = map(io.inputParameters);
  const outputs = map(io.outputParameters);
  return { ...(inputs.length ? { inputs } : {}), ...(outputs.length ? { outputs } : {}) };
}

/** User task details; `forms` are the process's embedded `zeebe:userTaskForm` bodies by id. */
export function readUserTask(element: ModdleElement, forms: Map<string, string>): UserTaskDefinition {
  const assignment = ext(element, 'zeebe:AssignmentDefinition');
  const schedule = ext(element, 'zeebe:TaskSchedule');
  const priority = ext(element, 'zeebe:PriorityDefinition');
  const form = ext(element, 'zeebe:FormDefinition');
  const def: UserTaskDefinition = {};
  if (assignment?.assignee) def.assignee = toExpr(assignment.assignee);
  if (assignment?.candidateGroups) def.candidateGroups = toExpr(assignment.candidateGroups);
  if (assignment?.candidateUsers) def.candidateUsers = toExpr(assignment.candidateUsers);
  if (schedule?.dueDate) def.dueDate = toExpr(schedule.dueDate);
  if (schedule?.followUpDate) def.followUpDate = toExpr(schedule.followUpDate);
  if (priority?.priority !== undefined && priority.priority !== '') def.priority = toExpr(String(priority.priority));
  if (form?.formId) def.formId = form.formId;
  if (form?.formKey) {
    def.formKey = form.formKey;
    const embeddedId = /^camunda-forms:bpmn:(.+)$/.exec(form.formKey)?.[1];
    if (embeddedId && forms.has(embeddedId)) def.formJson = forms.get(embeddedId);
  }
  return def;
}

export function readCalledElement(element: ModdleElement): CalledElementDefinition | undefined {
  const called = ext(element, 'zeebe:CalledElement');
  const processId = called?.processId ?? called?.processIdExpression;
  if (!called || !processId) return undefined;
  return {
    processId: toExpr(processId),
    propagateAllChildVariables: called.propagateAllChildVariables !== false && called.propagateAllChildVariables !== 'false',
    propagateAllParentVariables: called.propagateAllParentVariables !== false && called.propagateAllParentVariables !== 'false',
  };
}

/** BPMN multi-instance characteristics with Zeebe's collection attributes. */
export function readMultiInstance(loop: ModdleElement): MultiInstanceDefinition {
  const zeebe = ext(loop, 'zeebe:LoopCharacteristics');
  const mi: MultiInstanceDefinition = { sequential: loop.isSequential === true };
  if (zeebe?.inputCollection) mi.inputCollection = toExpr(zeebe.inputCollection);
  if (zeebe?.inputElement) mi.inputElement = zeebe.inputElement;
  if (zeebe?.outputCollection) mi.outputCollection = zeebe.outputCollection;
  if (zeebe?.outputElement) mi.outputElement = toExpr(zeebe.outputElement);
  const cardinality = loop.loopCardinality?.body;
  if (cardinality) mi.loopCardinality = toExpr(cardinality.trim().startsWith('=') ? cardinality : `=${cardinality}`);
  const completion = loop.completionCondition?.body;
  if (completion) mi.completionCondition = toExpr(completion.trim().startsWith('=') ? completion : `=${completion}`);
  return mi;
}

export function readAssignmentStrategy(element: ModdleElement, problems: Problem[]): string | undefined {
  const strategy = ext(element, 'lifeline:Assignment')?.strategy;
  if (strategy === undefined) return undefined;
  if (!ASSIGNMENT_STRATEGIES.includes(strategy)) problems.push({ elementId: element.id, message: `${element.id}: unknown assignment strategy '${strategy}' (known: ${ASSIGNMENT_STRATEGIES.join(', ')})` });
  return strategy;
}
