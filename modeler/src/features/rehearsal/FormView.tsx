/**
 * A task's form-js form, filled in as the person it is assigned to would
 * (the form-js viewer validates in the browser; the engine stays the judge).
 * Loaded only when a task with a form is opened.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

type Schema = Record<string, unknown>;
type FormViewer = { importSchema(schema: Schema, data?: Record<string, unknown>): Promise<unknown>; submit(): { data: Record<string, unknown>; errors: Record<string, unknown> }; destroy(): void };

export interface FormViewHandle {
  /** The form's data, or undefined (and the errors shown in the form) when it is not valid. */
  submit(): Record<string, unknown> | undefined;
}

export function FormView({ schema, data, handle }: { schema: Schema; data: Record<string, unknown>; handle: { current?: FormViewHandle } }) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState<string>();
  useEffect(() => {
    let form: FormViewer | undefined;
    let gone = false;
    (async () => {
      const [{ Form }] = await Promise.all([import('@bpmn-io/form-js'), import('@bpmn-io/form-js/dist/assets/form-js.css')]);
      if (gone) return;
      form = new Form({ container: container.current! }) as unknown as FormViewer;
      await form.importSchema(schema, data);
      handle.current = {
        submit() {
          const result = form!.submit();
          return Object.keys(result.errors).length ? undefined : result.data;
        },
      };
    })().catch((error: Error) => setFailed(error.message));
    return () => {
      gone = true;
      handle.current = undefined;
      form?.destroy();
    };
  }, [schema]);
  if (failed) return <div class="alert error" role="alert">The form could not be shown: {failed}</div>;
  return <div class="task-form" ref={container} aria-label="Task form" />;
}
