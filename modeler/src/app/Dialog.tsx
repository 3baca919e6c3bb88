/**
 * A modal dialog on the native <dialog> element (focus is trapped and
 * restored by the browser, Escape closes): a title, content, and a footer
 * for buttons. Shared by the feature pages; `onClose` runs however it closes.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import './styles/dialog.css';

let counter = 0;

export function Dialog({ title, children, footer, onClose, wide }: { title: string; children: ComponentChildren; footer?: ComponentChildren; onClose(): void; wide?: boolean }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useRef(`app-dialog-title-${++counter}`).current;
  useEffect(() => {
    const element = dialog.current!;
    if (!element.open) element.showModal();
    return () => element.open && element.close();
  }, []);
  return (
    <dialog ref={dialog} class={`app-dialog${wide ? ' wide' : ''}`} aria-labelledby={titleId} onClose={onClose} onCancel={(event) => { event.preventDefault(); onClose(); }}>
      <header>
        <h2 id={titleId}>{title}</h2>
        <button type="button" class="app-dialog-close" aria-label="Close" onClick={onClose}>×</button>
      </header>
      <div class="app-dialog-body">{children}</div>
      {footer && <footer>{footer}</footer>}
    </dialog>
  );
}

/** Asks before doing something that cannot be undone; the confirm button says what happens. */
export function ConfirmDialog({ title, children, confirm, danger, onConfirm, onClose }: { title: string; children: ComponentChildren; confirm: string; danger?: boolean; onConfirm(): void | Promise<void>; onClose(): void }) {
  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" class="button" onClick={onClose}>Cancel</button>
          <button type="button" class={`button ${danger ? 'danger-solid' : 'primary'}`} onClick={() => void onConfirm()} autoFocus>{confirm}</button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
