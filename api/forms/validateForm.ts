/**
 * Checks the variables a form-js form submits (a task's completion, a
 * process's start) against the form, as the server's word after the
 * browser's: every input field at its value path (a dotted `key`, inside
 * groups with a `path`, and in each row of a dynamic list), by the rules in
 * fieldChecks.ts. Disabled fields are not submitted by form-js, so they are
 * not judged.
 */
import { checkValue, isMissing, type FormComponent } from './fieldChecks.js';

/** One field the server refuses: its value path (`summary`, `event.name`, `invitees[2].email`) and why. */
export interface FormProblem {
  field: string;
  message: string;
}

type Data = Record<string, unknown>;

/** Containers whose children bind below the container's `path` (form-js "pathed" components). */
const CONTAINERS = new Set(['group', 'dynamiclist', 'default']);

function at(data: unknown, path: string[]): unknown {
  let value = data;
  for (const part of path) value = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Data)[part] : undefined;
  return value;
}

const display = (prefix: string, path: string) => (prefix ? `${prefix}.${path}` : path);

function walk(components: FormComponent[] | undefined, data: unknown, prefix: string, problems: FormProblem[]): void {
  for (const component of components ?? []) {
    const name = component.label || component.dateLabel || component.timeLabel || component.key || component.path || 'a field';
    if (component.type === 'dynamiclist' && component.path) {
      const field = display(prefix, component.path);
      const rows = at(data, component.path.split('.'));
      if (rows === undefined || rows === null) continue;
      if (!Array.isArray(rows)) {
        problems.push({ field, message: `${name} must be a list` });
        continue;
      }
      rows.forEach((row, index) => walk(component.components, row, `${field}[${index}]`, problems));
      continue;
    }
    if (CONTAINERS.has(component.type ?? '') || (!component.key && component.components)) {
      const inner = component.path ? at(data, component.path.split('.')) : data;
      walk(component.components, inner, component.path ? display(prefix, component.path) : prefix, problems);
      continue;
    }
    if (!component.key || component.disabled) continue;
    const field = display(prefix, component.key);
    const value = at(data, component.key.split('.'));
    if (isMissing(component, value)) {
      if (component.validate?.required) problems.push({ field, message: `${name} is required` });
      continue;
    }
    for (const message of checkValue(component, name, value)) problems.push({ field, message });
  }
}

/** Every problem of `values` against the form `schema`; none means the server accepts them. */
export function validateForm(schema: Record<string, unknown>, values: Record<string, unknown>): FormProblem[] {
  const problems: FormProblem[] = [];
  walk(schema.components as FormComponent[] | undefined, values, '', problems);
  return problems;
}
