/**
 * Every repair is confirmed in a dialog: a native modal <dialog> (focus
 * stays inside, Escape cancels) that says what will happen, may hold the
 * fields the action needs, and shows the server's answer when it refuses.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface ActionDialogProps {
  title: string;
  /** The confirm button's label: the action itself ("Retry", "Cancel instance"). */
  confirmLabel: string;
  /** Destructive actions get a red button. */
  danger?: boolean;
  /** Runs the action; a thrown error's message is shown in the dialog, which then stays open. */
  onConfirm(): Promise<void>;
  /** Called once the dialog is gone (done or dismissed). */
  onClose(done: boolean): void;
  /** False keeps the confirm button disabled (a required field is empty). */
  ready?: boolean;
  children: ComponentChildren;
}

let dialogCount = 0;

export function ActionDialog({ title, confirmLabel, danger, onConfirm, onClose, ready = true, children }: ActionDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [id] = useState(() => `mon-dialog-${++dialogCount}`);
  const done = useRef(false);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy || !ready) return;
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
      done.current = true;
      dialog.current?.close();
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  };
  return (
    <dialog ref={dialog} class="mon-dialog" aria-labelledby={`${id}-title`} onClose={() => onClose(done.current)}>
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>{title}</h2>
        <div class="mon-dialog-body">{children}</div>
        {error && <div class="alert error" role="alert">{error}</div>}
        <div class="mon-dialog-actions">
          <button type="button" class="button" onClick={() => dialog.current?.close()} disabled={busy}>Keep as is</button>
          <button type="submit" class={`button ${danger ? 'mon-danger' : 'primary'}`} disabled={busy || !ready}>{busy ? 'Working…' : confirmLabel}</button>
        </div>
      </form>
    </dialog>
  );
}
