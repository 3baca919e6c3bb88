/**
 * The monitor's start: per process and version, how many instances run,
 * fail, are stuck, have overdue tasks or hold a task whose SLA is at risk
 * or breached, and how many ended. Every count
 * links to the instances it counts. Refreshes every 15 seconds.
 */
import { linkClick } from '../../../app/router';
import type { SessionUser } from '../../../app/session';
import { useTitle } from '../../../app/title';
import { loadOverview, type DefinitionCounts } from '../monitorApi';
import { describeThreshold, toDuration, useStuckThreshold } from '../stuckThreshold';
import { useLoad } from '../useLoad';
import { formatTime } from '../format';
import { CountLink } from './CountLink';
import { ThresholdControl } from './ThresholdControl';
import type { ListFilter } from '../instances/listFilter';

type Counted = Pick<DefinitionCounts, 'running' | 'withIncidents' | 'stuck' | 'withOverdueTasks' | 'slaAtRisk' | 'slaBreached' | 'completed' | 'cancelled' | 'terminated'>;
const COUNTS: (keyof Counted)[] = ['running', 'withIncidents', 'stuck', 'withOverdueTasks', 'slaAtRisk', 'slaBreached', 'completed', 'cancelled', 'terminated'];

const sum = (rows: Counted[]): Counted => Object.fromEntries(COUNTS.map((c) => [c, rows.reduce((n, row) => n + row[c], 0)])) as unknown as Counted;

function CountCells({ counts, scope, label, stuckFor }: { counts: Counted; scope: ListFilter; label: string; stuckFor: string }) {
  const running = { ...scope, state: 'active' as const };
  return (
    <>
      <td data-label="Running"><CountLink count={counts.running} filter={running} label={`running instances of ${label}`} /></td>
      <td data-label="Incidents"><CountLink count={counts.withIncidents} filter={{ ...running, incidents: true }} label={`running instances of ${label} with incidents`} tone="danger" /></td>
      <td data-label="Stuck"><CountLink count={counts.stuck} filter={{ ...running, stuckFor }} label={`stuck instances of ${label}`} tone="warning" /></td>
      <td data-label="Overdue tasks"><CountLink count={counts.withOverdueTasks} filter={{ ...running, overdue: true }} label={`instances of ${label} with overdue tasks`} tone="warning" /></td>
      <td data-label="SLA at risk"><CountLink count={counts.slaAtRisk} filter={{ ...running, sla: 'at_risk' }} label={`running instances of ${label} with SLA at risk`} tone="warning" /></td>
      <td data-label="SLA breached"><CountLink count={counts.slaBreached} filter={{ ...running, sla: 'breached' }} label={`running instances of ${label} with SLA breached`} tone="danger" /></td>
      <td data-label="Completed"><CountLink count={counts.completed} filter={{ ...scope, state: 'completed' }} label={`completed instances of ${label}`} /></td>
      <td data-label="Cancelled"><CountLink count={counts.cancelled} filter={{ ...scope, state: 'cancelled' }} label={`cancelled instances of ${label}`} /></td>
      <td data-label="Terminated"><CountLink count={counts.terminated} filter={{ ...scope, state: 'terminated' }} label={`terminated instances of ${label}`} /></td>
    </>
  );
}

function Tile({ title, count, filter, tone, hint, label }: { title: string; count: number; filter: ListFilter; tone?: 'danger' | 'warning'; hint: string; label: string }) {
  return (
    <div class={`mon-tile${count && tone ? ` mon-tile-${tone}` : ''}`}>
      <span class="mon-tile-title">{title}</span>
      <CountLink count={count} filter={filter} label={label} tone={tone} />
      <span class="mon-tile-hint">{hint}</span>
    </div>
  );
}

export function OverviewPage({ user }: { user: SessionUser }) {
  useTitle('Monitor');
  const [threshold, setThreshold] = useStuckThreshold(user.id);
  const stuckFor = toDuration(threshold);
  const overview = useLoad(() => loadOverview(stuckFor), [stuckFor], { pollMs: 15_000 });
  const definitions = overview.data?.definitions ?? [];
  const byKey = new Map<string, DefinitionCounts[]>();
  for (const d of definitions) byKey.set(d.key, [...(byKey.get(d.key) ?? []), d]);
  const total = sum(definitions);
  const running = { state: 'active' as const };

  return (
    <main class="mon-page" aria-labelledby="mon-title">
      <header class="mon-page-header">
        <div>
          <h1 id="mon-title">Monitor</h1>
          <p class="mon-lead">What runs, what is stuck, what fails — per process and version. Every number opens the instances behind it.</p>
        </div>
        <ThresholdControl threshold={threshold} onChange={setThreshold} />
      </header>
      {overview.error && <div class="alert error" role="alert">The counts could not be loaded: {overview.error}</div>}
      <section class="mon-tiles" aria-label="All processes">
        <Tile title="Running" count={total.running} filter={running} hint="running instances" label="running instances in all processes" />
        <Tile title="Incidents" count={total.withIncidents} filter={{ ...running, incidents: true }} tone="danger" hint="running instances with incidents" label="running instances with incidents in all processes" />
        <Tile title="Stuck" count={total.stuck} filter={{ ...running, stuckFor }} tone="warning" hint={`no step for more than ${describeThreshold(threshold)}`} label="stuck instances in all processes" />
        <Tile title="Overdue tasks" count={total.withOverdueTasks} filter={{ ...running, overdue: true }} tone="warning" hint="instances with overdue tasks" label="instances with overdue tasks in all processes" />
        <Tile title="SLA at risk" count={total.slaAtRisk} filter={{ ...running, sla: 'at_risk' }} tone="warning" hint="instances with a task at risk of its SLA" label="running instances with SLA at risk in all processes" />
        <Tile title="SLA breached" count={total.slaBreached} filter={{ ...running, sla: 'breached' }} tone="danger" hint="instances with a task past its SLA or due date" label="running instances with SLA breached in all processes" />
      </section>
      <section class="mon-card" aria-labelledby="mon-processes">
        <header class="mon-card-header">
          <h2 id="mon-processes">Processes</h2>
          <span class="mon-muted" aria-live="polite">{overview.loading && !overview.data ? 'Loading…' : overview.data ? `Updated ${formatTime(overview.data.now)}` : ''}</span>
        </header>
        {overview.data && definitions.length === 0 && <p class="mon-empty">Nothing is deployed yet. Designers deploy processes from the Modeler.</p>}
        {definitions.length > 0 && (
          <table class="mon-table mon-overview-table">
            <thead>
              <tr>
                <th scope="col">Process</th>
                <th scope="col">Running</th>
                <th scope="col">Incidents</th>
                <th scope="col">Stuck</th>
                <th scope="col">Overdue tasks</th>
                <th scope="col">SLA at risk</th>
                <th scope="col">SLA breached</th>
                <th scope="col">Completed</th>
                <th scope="col">Cancelled</th>
                <th scope="col">Terminated</th>
              </tr>
            </thead>
            {[...byKey.entries()].map(([key, versions]) => {
              const latest = versions[0];
              const name = latest.name ?? key;
              return (
                <tbody key={key} class="mon-process-group">
                  <tr class="mon-process-row">
                    <th scope="row">
                      <a href={`/monitor/definitions/${latest.definitionId}`} onClick={linkClick}>{name}</a>
                      <span class="mon-key">{key} · {versions.length === 1 ? `v${latest.version}` : `${versions.length} versions`}</span>
                    </th>
                    <CountCells counts={versions.length === 1 ? latest : sum(versions)} scope={versions.length === 1 ? { definitionId: latest.definitionId } : { definitionKey: key }} label={name} stuckFor={stuckFor} />
                  </tr>
                  {versions.length > 1 && versions.map((v) => (
                    <tr key={v.definitionId} class="mon-version-row">
                      <th scope="row"><a href={`/monitor/definitions/${v.definitionId}`} onClick={linkClick} aria-label={`${name} version ${v.version}`}>Version {v.version}</a></th>
                      <CountCells counts={v} scope={{ definitionId: v.definitionId }} label={`${name} version ${v.version}`} stuckFor={stuckFor} />
                    </tr>
                  ))}
                </tbody>
              );
            })}
          </table>
        )}
      </section>
    </main>
  );
}
