/** Asks for the id of a new task form (what user tasks link to as formId). */
import { useEffect, useRef, useState } from 'preact/hooks';

const FORM_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

export function NewFormDialog({ taken, onCreate, onClose }: { taken: string[]; onCreate(id: string): void; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [id, setId] = useState('');
  const [error, setError] = useState<string>();
  useEffect(() => dialog.current?.showModal(), []);
  const submit = (event: Event) => {
    event.preventDefault();
    const value = id.trim();
    if (!FORM_ID.test(value)) return setError('Use letters, digits, "-" and "_", starting with a letter (e.g. review-offer).');
    if (taken.includes(value)) return setError(`There is already a form "${value}" in this workspace.`);
    onCreate(value);
    dialog.current?.close();
  };
  return (
    <dialog ref={dialog} class="dialog" aria-labelledby="new-form-title" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <header><h2 id="new-form-title">New task form</h2></header>
        <p class="muted">The form is deployed with this process. Link it to a user task in the properties panel: Form › Type “Camunda Form”, Form ID.</p>
        <div class="field">
          <label for="new-form-id">Form ID</label>
          <input id="new-form-id" class="input" value={id} onInput={(e) => { setId(e.currentTarget.value); setError(undefined); }} autoFocus />
        </div>
        {error && <div class="alert error" role="alert">{error}</div>}
        <footer>
          <button type="button" class="button" onClick={() => dialog.current?.close()}>Cancel</button>
          <button type="submit" class="button primary">Create form</button>
        </footer>
      </form>
    </dialog>
  );
}
