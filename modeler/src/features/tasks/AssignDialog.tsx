/**
 * Picks a colleague to hand a task to (delegate) or, for managers, to
 * assign it to: a search over enabled colleagues who work tasks, as a
 * list of radio buttons (arrow keys move, Enter confirms).
 */
import { useEffect, useState } from 'preact/hooks';
import { Dialog } from '../../app/Dialog';
import { findColleagues, type Colleague } from './taskApi';

export function AssignDialog({ title, action, exclude, onPick, onClose }: { title: string; action: string; exclude?: string; onPick(colleague: Colleague): Promise<void>; onClose(): void }) {
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<Colleague[]>();
  const [chosen, setChosen] = useState<string>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      findColleagues(search.trim()).then(
        (list) => live && setFound(list.filter((c) => c.id !== exclude)),
        (failure: Error) => live && setError(failure.message),
      );
    }, 200);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [search]);

  const submit = async (event: Event) => {
    event.preventDefault();
    const colleague = found?.find((c) => c.id === chosen);
    if (!colleague) return setError('Choose a colleague first.');
    setBusy(true);
    try {
      await onPick(colleague);
      onClose();
    } catch (failure) {
      setError((failure as Error).message);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" class="button" onClick={onClose}>Cancel</button>
          <button type="submit" form="assign-form" class="button primary" disabled={busy || !chosen}>{action}</button>
        </>
      }
    >
      <form id="assign-form" onSubmit={submit}>
        <div class="field">
          <label for="colleague-search">Find a colleague</label>
          <input id="colleague-search" class="input" type="search" value={search} placeholder="Name or username" autoFocus onInput={(e) => { setSearch(e.currentTarget.value); setError(undefined); }} />
        </div>
        <fieldset class="colleagues">
          <legend class="visually-hidden">Colleagues</legend>
          {!found && <p class="muted-text">Looking…</p>}
          {found && found.length === 0 && <p class="muted-text">Nobody matches “{search}”.</p>}
          {found?.map((colleague) => (
            <label key={colleague.id} class={`colleague${chosen === colleague.id ? ' chosen' : ''}`}>
              <input type="radio" name="colleague" value={colleague.id} checked={chosen === colleague.id} onChange={() => setChosen(colleague.id)} />
              <span class="colleague-name">{colleague.displayName}</span>
              <span class="colleague-meta">{colleague.id}{colleague.groups.length ? ` · ${colleague.groups.join(', ')}` : ''}</span>
            </label>
          ))}
        </fieldset>
        {error && <div class="alert error" role="alert">{error}</div>}
      </form>
    </Dialog>
  );
}
