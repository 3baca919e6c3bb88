/**
 * A task's form-js form (the viewer), prefilled with the task's variables.
 * It validates in the browser with form-js's own rules — required, min/max,
 * lengths, patterns — which the server checks again (api/forms/validateForm.ts):
 * the server stays the judge, and its answer (422 FORM_INVALID with the
 * field messages) is shown on the fields it names.
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

export function TaskForm({ schema, data, readOnly, handle }: { schema: Record<string, unknown>; data: Record<string, unknown>; readOnly: boolean; handle: { current?: TaskFormHandle } }) {
  const container = useRef<HTMLDivElement>(null);
  const form = useRef<Form>();
  const [failed, setFailed] = useState<string>();

  useEffect(() => {
    const viewer = new Form({ container: container.current! });
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
        const fields = (viewer.get('formFieldRegistry') as Registry).getAll();
        const errors: Record<string, string[]> = {};
        const unplaced = problems.filter((problem) => {
          const field = fields.find((f) => f.key === problem.field);
          if (field) (errors[field.id] ??= []).push(problem.message);
          return !field;
        });
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
