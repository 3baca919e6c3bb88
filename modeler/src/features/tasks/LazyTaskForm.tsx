/**
 * Loads form-js (about 150 kB gzipped) only when a task with a form is
 * opened, so the list itself comes up fast.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ComponentProps } from 'preact';
import type { TaskForm as TaskFormComponent } from './TaskForm';

type Props = ComponentProps<typeof TaskFormComponent>;

let loading: Promise<typeof TaskFormComponent> | undefined;

export function LazyTaskForm(props: Props) {
  const [Form, setForm] = useState<typeof TaskFormComponent>();
  const [failed, setFailed] = useState<string>();
  useEffect(() => {
    let live = true;
    loading ??= import('./TaskForm').then((module) => module.TaskForm);
    loading.then(
      (component) => live && setForm(() => component),
      (error: Error) => {
        loading = undefined;
        if (live) setFailed(error.message);
      },
    );
    return () => void (live = false);
  }, []);
  if (failed) return <div class="alert error" role="alert">The form could not be loaded ({failed}). Reload the page to try again.</div>;
  if (!Form) return <p class="muted-text" aria-busy="true">Loading the form…</p>;
  return <Form {...props} />;
}
