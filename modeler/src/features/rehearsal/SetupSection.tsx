/** Starting a rehearsal: when its virtual clock starts, and whether the built-in workers run on their own. */
import { useState } from 'preact/hooks';
import { wallClockInput } from './clockFormat';

interface Props {
  zone: string;
  busy: boolean;
  source: string;
  onStart(startAt: string, workers: 'auto' | 'manual'): void;
}

export function SetupSection({ zone, busy, source, onStart }: Props) {
  const [startAt, setStartAt] = useState(() => wallClockInput(new Date(), zone));
  const [manual, setManual] = useState(false);
  return (
    <section class="rh-section" aria-labelledby="rh-setup-title">
      <h3 id="rh-setup-title">New rehearsal</h3>
      <p class="muted small">Runs {source} on the real engine with a clock of its own, apart from live work: nothing it does shows in task lists, monitoring or mail.</p>
      <form onSubmit={(e) => { e.preventDefault(); onStart(startAt, manual ? 'manual' : 'auto'); }}>
        <div class="field">
          <label for="rh-start-at">Virtual clock starts at ({zone})</label>
          <input id="rh-start-at" type="datetime-local" class="input" value={startAt} onInput={(e) => setStartAt(e.currentTarget.value)} required />
        </div>
        <label class="rh-check"><input type="checkbox" checked={manual} onChange={(e) => setManual(e.currentTarget.checked)} /> I do the email jobs myself (the built-in workers run only when I ask)</label>
        <button type="submit" class="button primary" disabled={busy}>{busy ? 'Starting…' : 'Start rehearsal'}</button>
      </form>
    </section>
  );
}
