/**
 * A task's form-js form (the viewer), prefilled with the task's variables.
 * It validates in the browser with form-js's own rules — required, min/max,
 * lengths, patterns — which the server checks again (api/forms/validateForm.ts):
 * the server stays the judge, and its answer (422 FORM_INVALID with the
 * field messages) is shown on the fields it names, also inside groups and
 * on one row of a dynamic list. A start form uses it the same way.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { Form } from '@bpmn-io/form-js';
import '@bpmn-io/form-js/dist/assets/form-js.css';

/** What the page does with the form: read it for completion, show the server's verdict. */
export interface TaskFormHandle {
  /** Validates; the values when valid, undefined after showing the errors on their fields. */
  values(): Record<string, unknown> | undefined;
  /** Shows messages the server gave per field key on those fields; returns those it could not place. */
  showFieldProblems(problems: { field: string; message: string }[]): { field: string; message: string }[];
}

type Registry = { getAll(): { id: string; key?: string }[] };
type InstanceRegistry = { getAllKeyed(): { id: string; valuePath: (string | number)[]; indexes?: Record<string, number> }[] };

/** A server's field path (`event.name`, `invitees[1].email`) as form-js writes value paths (`event.name`, `invitees.1.email`). */
const normalPath = (path: string) => path.replace(/\[(\d+)\]/g, '.$1');

/**
 * The form-js errors state for the server's field problems: by field id, and
 * for a field inside a dynamic list by its row index as well, as form-js
 * keeps its own; the problems no field of the form holds come back apart.
 */
function placeProblems(viewer: Form, problems: { field: string; message: string }[]) {
  const instances = (viewer.get('formFieldInstanceRegistry') as InstanceRegistry).getAllKeyed();
  const fields = (viewer.get('formFieldRegistry') as Registry).getAll();
  const errors: Record<string, unknown> = {};
  const unplaced = problems.filter((problem) => {
    const instance = instances.find((i) => i.valuePath.join('.') === normalPath(problem.field));
    const errorPath = instance ? [instance.id, ...Object.values(instance.indexes ?? {})] : (() => {
      const field = fields.find((f) => f.key === problem.field);
      return field ? [field.id] : undefined;
    })();
    if (!errorPath) return true;
    let at = errors as Record<string, unknown>;
    for (const part of errorPath.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
    const last = errorPath[errorPath.length - 1];
    ((at[last] ??= []) as string[]).push(problem.message);
    return false;
  });
  return { errors, unplaced };
}

export function TaskForm({ schema, data, readOnly, handle }: { schema: Record<string, unknown>; data: Record<string, unknown>; readOnly: boolean; handle: { current?: TaskFormHandle } }) {
  const container = useRef<HTMLDivElement>(null);
  const form = useRef<Form>();
  const [failed, setFailed] = useState<string>();

  useEffect(() => {
    // No input debounce: a value typed just before a click on Start or Complete is in the submitted data.
    const viewer = new Form({ container: container.current!, debounce: false } as ConstructorParameters<typeof Form>[0]);
    let live = true;
    viewer.importSchema(schema, data).then(
      () => {
        if (!live) return;
        viewer.setProperty('readOnly', readOnly);
        form.current = viewer;
      },
      (error: Error) => live && setFailed(error.message),
    );
    handle.current = {
      values() {
        const { data: values, errors } = viewer.submit();
        if (Object.keys(errors).length === 0) return values as Record<string, unknown>;
        requestAnimationFrame(() => container.current?.querySelector<HTMLElement>('.fjs-has-errors input, .fjs-has-errors textarea, .fjs-has-errors select')?.focus());
        return undefined;
      },
      showFieldProblems(problems) {
        const { errors, unplaced } = placeProblems(viewer, problems);
        viewer._setState({ errors });
        return unplaced;
      },
    };
    return () => {
      live = false;
      handle.current = undefined;
      form.current = undefined;
      viewer.destroy();
    };
  }, []); // the page gives each task (and state) its own TaskForm by key

  useEffect(() => form.current?.setProperty('readOnly', readOnly), [readOnly]);

  if (failed) return <div class="alert error" role="alert">This task's form cannot be shown: {failed}</div>;
  return <div class="task-form" ref={container} />;
}
