/**
 * One definition version: where its running instances are (the diagram
 * with token counts across all of them: where do they pile up?), every
 * version of the process with its counts, and deploy-time metadata.
 */
import { useEffect, useState } from 'preact/hooks';
import { linkClick } from '../../../app/router';
import type { SessionUser } from '../../../app/session';
import { useTitle } from '../../../app/title';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { DiagramView } from '../diagram/DiagramView';
import { Legend } from '../diagram/Legend';
import { formatDateTime } from '../format';
import { listHref } from '../instances/listFilter';
import { loadDefinition, loadXml } from '../monitorApi';
import { CountLink } from '../overview/CountLink';
import { toDuration, useStuckThreshold } from '../stuckThreshold';
import { useLoad } from '../useLoad';

export function DefinitionPage({ id, user }: { id: string; user: SessionUser }) {
  const [threshold] = useStuckThreshold(user.id);
  const stuckFor = toDuration(threshold);
  const view = useLoad(() => loadDefinition(id, stuckFor), [id, stuckFor], { pollMs: 15_000 });
  const [xml, setXml] = useState<string>();
  const [xmlError, setXmlError] = useState<string>();
  const [showPassed, setShowPassed] = useState(false);
  const data = view.data;
  const name = data ? data.definition.name ?? data.definition.key : 'Process';
  useTitle(data ? `${name} v${data.definition.version} · Monitor` : 'Process · Monitor');
  useEffect(() => {
    loadXml(id).then(setXml, (failure: Error) => setXmlError(failure.message));
  }, [id]);

  if (!data) {
    return (
      <main class="mon-page" aria-busy={view.loading}>
        <Breadcrumbs trail={[{ label: 'Monitor', href: '/monitor' }, { label: 'Process' }]} />
        {view.error ? <div class="alert error" role="alert">This process version could not be loaded: {view.error}</div> : <p class="page-loading">Loading…</p>}
      </main>
    );
  }
  const { definition, versions } = data;
  const current = versions.find((v) => v.definitionId === id);

  return (
    <main class="mon-page" aria-labelledby="mon-title">
      <Breadcrumbs trail={[{ label: 'Monitor', href: '/monitor' }, { label: `${name} v${definition.version}` }]} />
      <header class="mon-page-header">
        <div>
          <div class="mon-title-line">
            <h1 id="mon-title">{name}</h1>
            <span class="mon-version-chip">version {definition.version}</span>
          </div>
          <p class="mon-meta">
            <span><code>{definition.key}</code></span>
            {current && <span><CountLink count={current.running} filter={{ definitionId: id, state: 'active' }} label={`running instances of ${name} version ${definition.version}`} /> running</span>}
            <a href={listHref({ definitionId: id })} onClick={linkClick}>All instances of this version</a>
          </p>
        </div>
      </header>
      <section class="mon-card mon-diagram-card" aria-label="Diagram">
        <header class="mon-card-header">
          <h2>Where the running instances are</h2>
          <span class="mon-muted">{current?.running ? `${current.running} running instance${current.running === 1 ? '' : 's'}: the badges count their tokens per element` : 'No instance of this version is running.'}</span>
        </header>
        {xmlError ? <p class="mon-diagram-message" role="alert">The diagram could not be loaded: {xmlError}</p> : (
          <DiagramView
            xml={xml} processId={definition.key} label={`${name}, version ${definition.version}, with token counts across its running instances`}
            tokens={{ stats: data.elementStats, active: [], incidents: Object.entries(data.elementStats).filter(([, s]) => s.failed).map(([e]) => e), showPassed }}
            footer={<Legend showPassed={showPassed} onShowPassed={setShowPassed} />}
          />
        )}
      </section>
      <div class="mon-columns">
        <section class="mon-card" aria-labelledby="mon-versions-title">
          <header class="mon-card-header"><h2 id="mon-versions-title">Versions</h2></header>
          <table class="mon-table mon-versions-table">
            <thead><tr><th scope="col">Version</th><th scope="col">Deployed</th><th scope="col">Running</th><th scope="col">Incidents</th><th scope="col">Stuck</th><th scope="col">SLA at risk</th><th scope="col">SLA breached</th><th scope="col">Completed</th></tr></thead>
            <tbody>
              {versions.map((v) => (
                <tr key={v.definitionId} aria-current={v.definitionId === id ? 'true' : undefined}>
                  <th scope="row" data-label="Version">{v.definitionId === id ? <strong>Version {v.version} (this one)</strong> : <a href={`/monitor/definitions/${v.definitionId}`} onClick={linkClick}>Version {v.version}</a>}</th>
                  <td data-label="Deployed" class="mon-text">{formatDateTime(v.deployedAt)}</td>
                  <td data-label="Running"><CountLink count={v.running} filter={{ definitionId: v.definitionId, state: 'active' }} label={`running instances of version ${v.version}`} /></td>
                  <td data-label="Incidents"><CountLink count={v.withIncidents} filter={{ definitionId: v.definitionId, state: 'active', incidents: true }} label={`instances of version ${v.version} with incidents`} tone="danger" /></td>
                  <td data-label="Stuck"><CountLink count={v.stuck} filter={{ definitionId: v.definitionId, state: 'active', stuckFor: data.stuckFor }} label={`stuck instances of version ${v.version}`} tone="warning" /></td>
                  <td data-label="SLA at risk"><CountLink count={v.slaAtRisk} filter={{ definitionId: v.definitionId, state: 'active', sla: 'at_risk' }} label={`running instances of version ${v.version} with SLA at risk`} tone="warning" /></td>
                  <td data-label="SLA breached"><CountLink count={v.slaBreached} filter={{ definitionId: v.definitionId, state: 'active', sla: 'breached' }} label={`running instances of version ${v.version} with SLA breached`} tone="danger" /></td>
                  <td data-label="Completed"><CountLink count={v.completed} filter={{ definitionId: v.definitionId, state: 'completed' }} label={`completed instances of version ${v.version}`} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section class="mon-card" aria-labelledby="mon-deploy-title">
          <header class="mon-card-header"><h2 id="mon-deploy-title">Deployment</h2></header>
          <dl class="mon-facts">
            <dt>Deployed</dt><dd>{formatDateTime(definition.deployedAt)}</dd>
            <dt>By</dt><dd>{definition.deployedByName ?? definition.deployedBy ?? 'unknown'}</dd>
            <dt>Deployment</dt><dd>{definition.deploymentName ?? <span class="mon-muted">unnamed</span>} <code class="mon-muted">{definition.deploymentId}</code></dd>
            <dt>Version tag</dt><dd>{definition.versionTag ?? <span class="mon-muted">none</span>}</dd>
            <dt>Process id</dt><dd><code>{definition.key}</code></dd>
            <dt>Checksum</dt><dd><code class="mon-checksum" title={definition.checksum}>{definition.checksum.slice(0, 16)}…</code></dd>
            <dt>Definition id</dt><dd><code>{definition.id}</code></dd>
          </dl>
        </section>
      </div>
    </main>
  );
}
