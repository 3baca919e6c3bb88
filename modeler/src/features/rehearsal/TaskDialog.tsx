/**
 * Completing a rehearsal's task as anyone: the task's form-js form when it
 * has one (else its variables as JSON), and who completes it (its
 * assignee by default), so assignment and the path after it can be seen.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { taskWithForm, type Task, type TaskWithForm } from './rehearsalApi';
import { FormView, type FormViewHandle } from './FormView';
import { readVariables } from './jsonInput';

interface Props {
  rehearsalId: string;
  task: Task;
  me: string;
  onComplete(variables: Record<string, unknown>, actor: string): Promise<void>;
  onClose(): void;
}

export function TaskDialog({ rehearsalId, task, me, onComplete, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useRef<FormViewHandle>();
  const [details, setDetails] = useState<TaskWithForm>();
  const [actor, setActor] = useState(task.assignee ?? me);
  const [json, setJson] = useState('{}');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    dialog.current?.showModal();
    taskWithForm(rehearsalId, task.id).then(setDetails, (failure: Error) => setError(failure.message));
  }, []);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    let variables: Record<string, unknown> | undefined;
    try {
      variables = details?.form ? form.current?.submit() : readVariables(json);
    } catch (failure) {
      setError((failure as Error).message);
      return;
    }
    if (!variables) return setError('The form has errors: see the fields marked.');
    setBusy(true);
    try {
      await onComplete(variables, actor.trim() || me);
      dialog.current?.close();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <dialog ref={dialog} class="dialog task-dialog" aria-labelledby="task-title" onClose={onClose}>
      <form onSubmit={submit}>
        <header>
          <h2 id="task-title">{task.name ?? task.elementId} <span class="muted">#{task.number}{task.businessKey ? ` · ${task.businessKey}` : ''}</span></h2>
          <button type="button" class="button ghost" onClick={() => dialog.current?.close()} aria-label="Close">✕</button>
        </header>
        <p class="muted">{task.assignee ? `Assigned to ${task.assignee}` : `Waiting for ${[...task.candidateGroups.map((g) => `group ${g}`), ...task.candidateUsers].join(', ') || 'anyone'}`}</p>
        {!details && !error && <p class="muted">Loading…</p>}
        {details?.form && <FormView schema={details.form} data={details.variables} handle={form} />}
        {details && !details.form && (
          <div class="field">
            <label for="task-variables">Variables (JSON)</label>
            <textarea id="task-variables" class="input code" rows={4} value={json} onInput={(e) => setJson(e.currentTarget.value)} />
          </div>
        )}
        <div class="field">
          <label for="task-actor">Complete as</label>
          <input id="task-actor" class="input" value={actor} onInput={(e) => setActor(e.currentTarget.value)} />
        </div>
        {error && <div class="alert error" role="alert">{error}</div>}
        <footer>
          <button type="button" class="button" onClick={() => dialog.current?.close()}>Cancel</button>
          <button type="submit" class="button primary" disabled={busy || !details}>{busy ? 'Completing…' : 'Complete task'}</button>
        </footer>
      </form>
    </dialog>
  );
}
