/** "Open": the deployed process definitions with all their versions; pick any version to open it. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ok } from '../../api';

interface Definition {
  id: string;
  key: string;
  version: number;
  name: string | null;
  deployedAt: string;
  deployedBy: string | null;
}

export function DefinitionsDialog({ onOpen, onClose }: { onOpen(id: string): void; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [definitions, setDefinitions] = useState<Definition[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    dialog.current?.showModal();
    ok(api.GET('/api/process-definitions', { params: { query: { limit: 1000 } } })).then(
      (page) => setDefinitions(page.items as Definition[]),
      (failure: Error) => setError(failure.message),
    );
  }, []);
  const byKey = new Map<string, Definition[]>();
  for (const d of definitions ?? []) byKey.set(d.key, [...(byKey.get(d.key) ?? []), d]);
  const groups = [...byKey.values()].map((versions) => versions.sort((a, b) => b.version - a.version)).sort((a, b) => (a[0].name ?? a[0].key).localeCompare(b[0].name ?? b[0].key));
  return (
    <dialog ref={dialog} class="dialog definitions-dialog" aria-labelledby="open-title" onClose={onClose}>
      <header>
        <h2 id="open-title">Open a deployed process</h2>
        <button type="button" class="button ghost" onClick={() => dialog.current?.close()} aria-label="Close">✕</button>
      </header>
      {error && <div class="alert error" role="alert">{error}</div>}
      {!definitions && !error && <p class="muted">Loading…</p>}
      {definitions && groups.length === 0 && <p class="muted">Nothing is deployed yet.</p>}
      <ul class="definition-list">
        {groups.map((versions) => (
          <li key={versions[0].key}>
            <div class="definition-head">
              <strong>{versions[0].name ?? versions[0].key}</strong>
              <code>{versions[0].key}</code>
            </div>
            <div class="versions" role="group" aria-label={`Versions of ${versions[0].key}`}>
              {versions.map((d) => (
                <button key={d.id} type="button" class="button version" title={`Deployed ${new Date(d.deployedAt).toLocaleString()}${d.deployedBy ? ` by ${d.deployedBy}` : ''}`} onClick={() => { onOpen(d.id); dialog.current?.close(); }} aria-label={`Open ${d.key} version ${d.version}`}>
                  v{d.version}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </dialog>
  );
}
