/**
 * The processes the user may start, by name, each with the first lines of
 * its documentation; a search narrows the list by name or description.
 */
import { useState } from 'preact/hooks';
import { linkClick } from '../../../app/router';
import type { StartableProcess } from './startApi';

export function ProcessList({ processes, error, chosenKey, worksTasks }: { processes?: StartableProcess[]; error?: string; chosenKey?: string; worksTasks: boolean }) {
  const [search, setSearch] = useState('');
  const words = search.trim().toLowerCase();
  const shown = (processes ?? []).filter((p) => !words || `${p.name ?? ''} ${p.key} ${p.description ?? ''}`.toLowerCase().includes(words));
  return (
    <section class="task-list process-list" aria-labelledby="processes-title">
      <div class="process-list-head">
        <h2 id="processes-title">Start a process</h2>
        {worksTasks && <a href="/tasks" onClick={linkClick}>← My tasks</a>}
      </div>
      <div class="task-filters">
        <label class="visually-hidden" for="process-search">Search processes</label>
        <input id="process-search" class="input" type="search" placeholder="Search processes" value={search} onInput={(e) => setSearch((e.target as HTMLInputElement).value)} />
      </div>
      <div class="task-list-body">
        {error && <div class="alert error" role="alert">The processes could not be loaded: {error}</div>}
        {!processes && !error && <p class="list-loading" aria-busy="true">Loading processes…</p>}
        {processes && shown.length === 0 && <p class="list-empty">{processes.length ? 'No process matches your search.' : 'No process can be started by hand yet. A designer deploys them from the modeler.'}</p>}
        <ul class="task-cards" aria-label="Processes">
          {shown.map((p) => (
            <li key={p.key}>
              <a class={`task-card process-card${p.key === chosenKey ? ' selected' : ''}`} href={`/tasks/start/${encodeURIComponent(p.key)}`} onClick={linkClick} aria-current={p.key === chosenKey ? 'true' : undefined}>
                <span class="task-card-top">
                  <span class="task-card-name">{p.name ?? p.key}</span>
                  {(p.formMissing || !p.form) && <span class={`form-badge${p.formMissing ? ' missing' : ''}`}>{p.formMissing ? 'Form not deployed' : 'No form'}</span>}
                </span>
                {p.description && <span class="process-card-description">{p.description}</span>}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
