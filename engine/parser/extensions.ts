/**
 * Readers for Camunda 8 `zeebe:` extension elements: from moddle elements
 * into IR fields. They read; what is missing or malformed is judged by the
 * node readers and validators, which know the element they belong to.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { CalledElementDefinition, JobDefinition, Mapping, ScriptDefinition } from '../ir/types.js';
import { toExpr } from '../expressions/feel.js';
import type { Problems } from './Problems.js';

/** The first extension element of `type` (e.g. `zeebe:TaskDefinition`) on `element`. */
export function ext(element: ModdleElement | undefined, type: string): ModdleElement | undefined {
  return extensionValues(element).find((v) => v.$type === type);
}

/** Every extension element of `element`, in document order. */
export function extensionValues(element: ModdleElement | undefined): ModdleElement[] {
  return element?.extensionElements?.values ?? [];
}

/** `zeebe:taskDefinition` and `zeebe:taskHeaders`: the job an element hands to a worker (retries default to 3). */
export function readJob(element: ModdleElement): JobDefinition | undefined {
  const definition = ext(element, 'zeebe:TaskDefinition');
  if (!definition) return undefined;
  const headers: Record<string, string> = {};
  for (const header of ext(element, 'zeebe:TaskHeaders')?.values ?? []) {
    if (header.key !== undefined) headers[header.key] = header.value ?? '';
  }
  const retries = definition.retries === undefined || String(definition.retries).trim() === '' ? '3' : String(definition.retries);
  return { type: toExpr(definition.type ?? ''), retries: toExpr(retries), headers };
}

/** `zeebe:ioMapping`: input and output mappings, each `source` an expression. */
export function readMappings(element: ModdleElement): { inputs?: Mapping[]; outputs?: Mapping[] } {
  const io = ext(element, 'zeebe:IoMapping');
  if (!io) return {};
  const map = (list: ModdleElement[] | undefined): Mapping[] =>
    (list ?? []).map((p) => ({ source: toExpr(p.source ?? ''), target: p.target ?? '' }));
  const inputs = map(io.inputParameters);
  const outputs = map(io.outputParameters);
  return { ...(inputs.length ? { inputs } : {}), ...(outputs.length ? { outputs } : {}) };
}

/** `zeebe:script` of a script task (FEEL expression and result variable). */
export function readScript(element: ModdleElement): ScriptDefinition | undefined {
  const script = ext(element, 'zeebe:Script');
  if (!script) return undefined;
  return { expression: toExpr(script.expression ?? ''), resultVariable: script.resultVariable ?? '' };
}

const isFalse = (value: unknown) => value === false || value === 'false';

/**
 * `zeebe:calledElement` of a call activity, or else the standard
 * `calledElement` attribute; variables propagate both ways unless switched off. Binding types other than `latest` are a problem:
 * Lifeline always calls the latest version.
 */
export function readCalledElement(element: ModdleElement, problems: Problems): CalledElementDefinition | undefined {
  const called = ext(element, 'zeebe:CalledElement');
  if (!called) {
    // The standard's own attribute: the id of the process to call (a literal, the latest version).
    const standard = String(element.calledElement ?? '').trim();
    if (!standard) return undefined;
    return { processId: toExpr(standard), propagateAllChildVariables: true, propagateAllParentVariables: true };
  }
  if (called.bindingType && called.bindingType !== 'latest') {
    problems.at(element.id, `zeebe:calledElement bindingType '${called.bindingType}' is not supported: Lifeline always calls the latest version`);
  }
  const processId = called.processId ?? called.processIdExpression;
  if (!processId || String(processId).trim() === '') return undefined;
  return {
    processId: toExpr(String(processId)),
    propagateAllChildVariables: !isFalse(called.propagateAllChildVariables),
    propagateAllParentVariables: !isFalse(called.propagateAllParentVariables),
  };
}

/** `zeebe:versionTag` of a process. */
export function readVersionTag(process: ModdleElement): string | undefined {
  const value = ext(process, 'zeebe:VersionTag')?.value;
  return value ? String(value) : undefined;
}

/** The process's embedded `zeebe:userTaskForm` bodies (form-js JSON), by form id. */
export function readEmbeddedForms(process: ModdleElement, problems: Problems): Map<string, string> {
  const forms = new Map<string, string>();
  for (const form of extensionValues(process)) {
    if (form.$type !== 'zeebe:UserTaskForm') continue;
    if (!form.id) {
      problems.at(process.id, 'a zeebe:userTaskForm has no id');
      continue;
    }
    const body = String(form.body ?? '').trim();
    try {
      JSON.parse(body);
    } catch (e) {
      problems.at(process.id, `zeebe:userTaskForm '${form.id}' is not valid form JSON: ${(e as Error).message}`);
    }
    forms.set(form.id, body);
  }
  return forms;
}
