/** The action bar for selected tasks: to a colleague, or each to the least-loaded member of a group; the server's refusal is shown as it says it. */
import { useState } from 'preact/hooks';
import { reassign, type Workload } from '../reportsApi';

type Person = Workload['people'][number];

export function ReassignBar({ selected, people, groups, group, names, onDone, onClear }: {
  selected: string[]; people: Person[]; groups: Workload['groups']; group?: string; names: Record<string, string>;
  onDone(message: string): Promise<void>; onClear(): void;
}) {
  const [target, setTarget] = useState<string>(group ? `group:${group}` : '');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!target) return setError('Choose a colleague or a group first.');
    setBusy(true);
    setError(undefined);
    try {
      const to = target.startsWith('group:') ? { leastLoadedIn: target.slice(6) } : { userId: target.slice(5) };
      const { moves } = await reassign(selected, to);
      const counts = new Map<string, number>();
      for (const move of moves) counts.set(move.to, (counts.get(move.to) ?? 0) + 1);
      await onDone(`Reassigned ${moves.length} task${moves.length === 1 ? '' : 's'}: ${[...counts].map(([who, n]) => `${n} to ${names[who] ?? who}`).join(', ')}.`);
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="rep-reassign" aria-label="Reassign the selected tasks" onSubmit={submit}>
      <strong>{selected.length} task{selected.length === 1 ? '' : 's'} selected</strong>
      <label class="rep-field">
        <span>Hand on to</span>
        <select class="select" value={target} onChange={(e) => setTarget(e.currentTarget.value)}>
          <option value="">Choose…</option>
          <optgroup label="Least loaded in group">
            {groups.map((g) => <option key={g.id} value={`group:${g.id}`}>Least loaded in {g.name}</option>)}
          </optgroup>
          <optgroup label="Colleague">
            {people.filter((p) => !p.disabled).map((p) => <option key={p.userId} value={`user:${p.userId}`}>{p.displayName} ({p.open} open)</option>)}
          </optgroup>
        </select>
      </label>
      <button type="submit" class="button primary" disabled={busy}>{busy ? 'Reassigning…' : 'Reassign'}</button>
      <button type="button" class="button ghost" onClick={onClear}>Clear selection</button>
      {error && <div class="alert error" role="alert">{error}</div>}
    </form>
  );
}
