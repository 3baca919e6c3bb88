/**
 * One instance, as a manager repairs it: the diagram with its tokens and
 * incidents, the incidents with retry and resolve, open tasks (reassign),
 * variables (edit), timers, jobs and messages, and the history in words.
 * Every repair is confirmed and lands in the history under the manager's
 * name. Refreshes every 5 seconds while the instance runs.
 */
import { useEffect, useState } from 'preact/hooks';
import { linkClick } from '../../../app/router';
import type { SessionUser } from '../../../app/session';
import { useTitle } from '../../../app/title';
import { Breadcrumbs } from '../components/Breadcrumbs';
import { Notice } from '../components/Notice';
import { StateBadge } from '../components/StateBadge';
import { DiagramView } from '../diagram/DiagramView';
import { Legend } from '../diagram/Legend';
import { formatDateTime, formatRelative } from '../format';
import { loadInstance, loadXml, type InstanceView } from '../monitorApi';
import { useLoad } from '../useLoad';
import { CancelDialog, MoveDialog, ReassignDialog, ResolveDialog, RetryDialog, VariableDialog } from './dialogs';
import { HistoryTimeline } from './HistoryTimeline';
import { IncidentsPanel } from './IncidentsPanel';
import { MoveTokenBar, targetsOf } from './MoveTokenBar';
import { TasksPanel } from './TasksPanel';
import { VariablesPanel } from './VariablesPanel';
import { WaitsPanel } from './WaitsPanel';

type Incident = InstanceView['incidents'][number];
type Task = InstanceView['tasks'][number];
type Dialog =
  | { kind: 'retry'; incident: Incident }
  | { kind: 'resolve'; incident: Incident }
  | { kind: 'variable'; initial?: { name: string; value: unknown } }
  | { kind: 'reassign'; task: Task }
  | { kind: 'move'; from: string; to: string }
  | { kind: 'cancel' };

const DONE: Record<Dialog['kind'], string> = {
  retry: 'Retried. The instance goes on from where it failed.',
  resolve: 'The incident is resolved.',
  variable: 'The variable is set.',
  reassign: 'The task is reassigned.',
  move: 'The token is moved.',
  cancel: 'The instance is cancelled.',
};

const isManager = (user: SessionUser) => user.roles.includes('manager') || user.roles.includes('admin');

export function InstancePage({ id, user }: { id: string; user: SessionUser }) {
  const view = useLoad(() => loadInstance(id), [id], { pollMs: 5000, keepPolling: (data) => data.instance.state === 'active' });
  const [xml, setXml] = useState<string>();
  const [xmlError, setXmlError] = useState<string>();
  const [dialog, setDialog] = useState<Dialog>();
  const [notice, setNotice] = useState<string>();
  const [showPassed, setShowPassed] = useState(true);
  const [moving, setMoving] = useState<{ from?: string; to?: string }>();
  const data = view.data;
  const label = data ? data.instance.businessKey ?? `Instance ${data.instance.id.slice(0, 8)}` : 'Instance';
  useTitle(`${label} · Monitor`);

  useEffect(() => {
    if (data?.definition.id) loadXml(data.definition.id).then(setXml, (failure: Error) => setXmlError(failure.message));
  }, [data?.definition.id]);

  if (!data) {
    return (
      <main class="mon-page" aria-busy={view.loading}>
        <Breadcrumbs trail={[{ label: 'Monitor', href: '/monitor' }, { label: 'Instances', href: '/monitor/instances' }, { label: 'Instance' }]} />
        {view.error ? <div class="alert error" role="alert">This instance could not be loaded: {view.error}</div> : <p class="page-loading">Loading…</p>}
      </main>
    );
  }

  const { instance, definition, elements } = data;
  const nameOf = (elementId: string | null | undefined) => (elementId ? elements[elementId]?.name ?? elementId : 'the instance');
  const personName = (person: string | null | undefined) => (person ? data.people[person] ?? person : 'nobody');
  const running = instance.state === 'active';
  const manager = isManager(user);
  const openIncidents = data.incidents.filter((i) => i.state === 'open');
  const processName = definition.name ?? definition.key;

  const closeDialog = (done: boolean) => {
    const finished = dialog;
    setDialog(undefined);
    // Also after a refusal: the server said no because the instance changed meanwhile.
    void view.reload();
    if (!done || !finished) return;
    setNotice(DONE[finished.kind]);
    if (finished.kind === 'move') setMoving(undefined);
  };
  const clickElement = (elementId: string) => {
    if (!moving) return;
    if (!moving.from) {
      if (instance.activeElements.includes(elementId)) setMoving({ from: elementId });
    } else if (targetsOf(elements).includes(elementId)) setMoving({ ...moving, to: elementId });
  };

  return (
    <main class="mon-page mon-instance" aria-labelledby="mon-title">
      <Breadcrumbs trail={[{ label: 'Monitor', href: '/monitor' }, { label: `${processName} v${definition.version}`, href: `/monitor/definitions/${definition.id}` }, { label }]} />
      <header class="mon-page-header">
        <div>
          <div class="mon-title-line">
            <h1 id="mon-title">{label}</h1>
            <StateBadge state={instance.state} incidents={openIncidents.length} />
          </div>
          <p class="mon-meta">
            <span><a href={`/monitor/definitions/${definition.id}`} onClick={linkClick}>{processName}</a> · version {definition.version}</span>
            <span title={formatDateTime(instance.startedAt)}>started {formatRelative(instance.startedAt)}{instance.startedBy ? ` by ${personName(instance.startedBy)}` : ''}</span>
            {running ? <span title={formatDateTime(instance.updatedAt)}>last step {formatRelative(instance.updatedAt)}</span> : <span title={formatDateTime(instance.endedAt)}>ended {formatRelative(instance.endedAt)}</span>}
            {instance.parentInstanceId && <a href={`/monitor/instances/${instance.parentInstanceId}`} onClick={linkClick}>called by another instance</a>}
            <span class="mon-muted">id <code>{instance.id}</code></span>
          </p>
        </div>
        {running && manager && (
          <div class="mon-actions">
            <button type="button" class="button" aria-pressed={Boolean(moving)} onClick={() => setMoving(moving ? undefined : {})}>Move token</button>
            <button type="button" class="button mon-danger" onClick={() => setDialog({ kind: 'cancel' })}>Cancel instance…</button>
          </div>
        )}
      </header>
      <Notice text={notice} onGone={() => setNotice(undefined)} />
      {view.error && <div class="alert error" role="alert">Could not refresh: {view.error}</div>}
      <IncidentsPanel incidents={openIncidents} nameOf={nameOf} canRepair={manager} onRetry={(incident) => setDialog({ kind: 'retry', incident })} onResolve={(incident) => setDialog({ kind: 'resolve', incident })} />
      {moving && running && (
        <MoveTokenBar
          active={instance.activeElements} elements={elements} from={moving.from} to={moving.to} nameOf={nameOf}
          onFrom={(from) => setMoving({ ...moving, from })} onTo={(to) => setMoving({ ...moving, to })}
          onMove={() => setDialog({ kind: 'move', from: moving.from!, to: moving.to! })} onCancel={() => setMoving(undefined)}
        />
      )}
      <section class="mon-card mon-diagram-card" aria-label="Diagram">
        {xmlError ? <p class="mon-diagram-message" role="alert">The diagram could not be loaded: {xmlError}</p> : (
          <DiagramView
            xml={xml} processId={definition.key} label={`${processName}, version ${definition.version}, with this instance's tokens`}
            tokens={{ stats: data.elementStats, active: instance.activeElements, incidents: openIncidents.map((i) => i.elementId).filter((e): e is string => Boolean(e)), showPassed }}
            pick={moving ? { from: moving.from, to: moving.to, pickable: moving.from ? [] : instance.activeElements } : undefined}
            onElementClick={moving ? clickElement : undefined}
            footer={<Legend showPassed={showPassed} onShowPassed={setShowPassed} />}
          />
        )}
      </section>
      <div class="mon-columns">
        <div class="mon-column">
          <TasksPanel tasks={data.tasks} nameOf={nameOf} personName={personName} canReassign={running && manager} onReassign={(task) => setDialog({ kind: 'reassign', task })} />
          <VariablesPanel variables={data.variables} canEdit={running && manager} onEdit={(name, value) => setDialog({ kind: 'variable', initial: { name, value } })} onAdd={() => setDialog({ kind: 'variable' })} />
          <WaitsPanel view={data} nameOf={nameOf} />
        </div>
        <div class="mon-column">
          <HistoryTimeline history={data.history} names={{ element: nameOf, person: personName }} />
        </div>
      </div>
      {dialog?.kind === 'retry' && <RetryDialog instanceId={id} incident={dialog.incident} nameOf={nameOf} onClose={closeDialog} />}
      {dialog?.kind === 'resolve' && <ResolveDialog incident={dialog.incident} nameOf={nameOf} onClose={closeDialog} />}
      {dialog?.kind === 'variable' && <VariableDialog instanceId={id} initial={dialog.initial} nameOf={nameOf} onClose={closeDialog} />}
      {dialog?.kind === 'reassign' && <ReassignDialog task={dialog.task} nameOf={nameOf} personName={personName} onClose={closeDialog} />}
      {dialog?.kind === 'move' && <MoveDialog instanceId={id} from={dialog.from} to={dialog.to} nameOf={nameOf} onClose={closeDialog} />}
      {dialog?.kind === 'cancel' && <CancelDialog instanceId={id} label={label} nameOf={nameOf} onClose={closeDialog} />}
    </main>
  );
}
