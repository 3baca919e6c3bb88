/**
 * Rehearse mode: the model on the real engine with a virtual clock, beside
 * editing. The diagram (a viewer of what runs) shows tokens and counts; the
 * side panel holds the clock, the work (tasks with their forms, jobs),
 * messages and signals, where the tokens are, the steps (saved as a
 * scenario), the history and the outbox. Before a rehearsal starts, the
 * panel lists the process's scenarios to replay against what is in the
 * modeler, with the verdict on the diagram. One click goes back to editing;
 * the rehearsal stays and is there again next time.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SessionUser } from '../../app/session';
import { ApiError } from '../../api';
import { createViewer } from './createViewer';
import { formatMoment } from './clockFormat';
import {
  calendarZone, completeJob, completeTask, createRehearsal, deleteRehearsal, deleteScenario, failJob, listScenarios, moveClock, rehearsalXml, replayScenario, runWorkers,
  saveScenario, sendMessage, sendSignal, snapshot, startInstance, throwJobError,
  type ClockMove, type ModelSource, type ReplayReport, type Scenario, type Snapshot, type Task,
} from './rehearsalApi';
import { ClockSection } from './ClockSection';
import { WorkSection } from './WorkSection';
import { SendSection } from './SendSection';
import { ActivitySection } from './ActivitySection';
import { ScenarioList } from './ScenarioList';
import { SetupSection } from './SetupSection';
import { TaskDialog } from './TaskDialog';
import { forgetRehearsal, rememberedRehearsal, rememberRehearsal } from './rememberRehearsal';
import type TokenOverlays from './token-overlays/TokenOverlays';
import './rehearsal.css';

export interface RehearsalViewProps {
  /** The diagram in the modeler now (shown before a rehearsal starts). */
  xml: string;
  /** What a new rehearsal runs: the deployed version as it is, or the drawing with its forms. */
  source: ModelSource;
  sourceLabel: string;
  processKey: string;
  user: SessionUser;
  onClose(): void;
}

type Status = { kind: 'success' | 'error' | 'info'; text: string };
type Viewer = ReturnType<typeof createViewer>;

export function RehearsalView(props: RehearsalViewProps) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const viewerRef = useRef<Viewer>();
  const shownXml = useRef<string>();
  const [zone, setZone] = useState('UTC');
  const [id, setId] = useState<string | undefined>(() => rememberedRehearsal(props.user.id, props.processKey));
  const [snap, setSnap] = useState<Snapshot>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>();
  const [task, setTask] = useState<Task>();
  const [scenarios, setScenarios] = useState<Scenario[]>();
  const [reports, setReports] = useState<Record<string, ReplayReport>>({});
  const overlays = () => viewerRef.current?.get<TokenOverlays>('tokenOverlays');

  const show = async (xml: string) => {
    if (shownXml.current === xml || !viewerRef.current) return;
    shownXml.current = xml;
    await viewerRef.current.importXML(xml);
    viewerRef.current.get<any>('canvas').zoom('fit-viewport', 'auto');
  };

  const refresh = async (rehearsalId: string) => {
    const next = await snapshot(rehearsalId);
    setSnap(next);
    overlays()?.showCounts(next.counts);
    return next;
  };

  const loadScenarios = () => listScenarios(props.processKey).then(setScenarios, (error: Error) => setStatus({ kind: 'error', text: `Could not list the scenarios: ${error.message}` }));

  // The viewer, the calendar's zone, and a rehearsal left running last time (with the model it runs).
  useEffect(() => {
    const viewer = createViewer(canvasRef.current!);
    viewerRef.current = viewer;
    (window as unknown as { lifelineRehearsal: Viewer }).lifelineRehearsal = viewer;
    (async () => {
      setZone(await calendarZone());
      if (id) {
        try {
          const model = await rehearsalXml(id);
          await show(model);
          await refresh(id);
          setStatus({ kind: 'info', text: 'Your rehearsal is where you left it.' });
          return;
        } catch {
          forgetRehearsal(props.user.id, props.processKey);
          setId(undefined);
        }
      }
      await show(props.xml);
      await loadScenarios();
    })().catch((error: Error) => setStatus({ kind: 'error', text: error.message }));
    return () => viewer.destroy();
  }, []);

  /** Runs a step, then reads the rehearsal again and says what happened. */
  const act = async (work: () => Promise<unknown>, options: { rethrow?: boolean } = {}) => {
    if (!id) return;
    setBusy(true);
    setStatus(undefined);
    try {
      const taken = (await work()) as { step?: { description: string; outcome: { clock: string; timersFired?: number; limitReached?: boolean } } } | undefined;
      await refresh(id);
      if (taken?.step) {
        const { outcome, description } = taken.step;
        const timers = outcome.timersFired !== undefined ? ` · ${outcome.timersFired} timer${outcome.timersFired === 1 ? '' : 's'} fired${outcome.limitReached ? ' (stopped at the limit)' : ''}` : '';
        setStatus({ kind: 'success', text: `Done: ${description}. It is now ${formatMoment(outcome.clock, zone)}${timers}.` });
      }
    } catch (error) {
      if (options.rethrow) throw error;
      setStatus({ kind: 'error', text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const start = async (startAt: string, workers: 'auto' | 'manual') => {
    setBusy(true);
    setStatus(undefined);
    try {
      const created = await createRehearsal(props.source, startAt, workers, `Rehearsal of ${props.processKey}`);
      rememberRehearsal(props.user.id, props.processKey, created.id);
      setId(created.id);
      overlays()?.clear();
      await show(await rehearsalXml(created.id));
      await refresh(created.id);
      setStatus({ kind: 'info', text: `Rehearsal started at ${formatMoment(created.clockAt, zone)}. Start an instance, then move the clock.` });
    } catch (error) {
      const problems = error instanceof ApiError ? error.problems : [];
      setStatus({ kind: 'error', text: problems.length ? `The engine cannot run this drawing: ${problems.length} problem(s). Go back to editing to see them on the diagram.` : `Could not start: ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  const end = async () => {
    if (!id || !window.confirm('End this rehearsal? Its instances, tasks and mails are deleted; saved scenarios stay.')) return;
    setBusy(true);
    try {
      await deleteRehearsal(id);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) setStatus({ kind: 'error', text: (error as Error).message });
    }
    forgetRehearsal(props.user.id, props.processKey);
    setId(undefined);
    setSnap(undefined);
    overlays()?.clear();
    await show(props.xml);
    await loadScenarios();
    setBusy(false);
  };

  const replay = async (scenario: Scenario) => {
    setBusy(true);
    setStatus({ kind: 'info', text: `Replaying “${scenario.name}”…` });
    try {
      const report = await replayScenario(scenario.id, props.source);
      setReports({ ...reports, [scenario.id]: report });
      overlays()?.showReplay(report.path, report.difference?.elements ?? []);
      setStatus(report.passed
        ? { kind: 'success', text: `“${scenario.name}” passed: all ${report.steps} steps went as recorded.` }
        : { kind: 'error', text: `“${scenario.name}” failed at step ${report.difference?.seq} (${report.difference?.step}): the path went otherwise, marked red on the diagram and listed with the scenario.` });
    } catch (error) {
      setStatus({ kind: 'error', text: `Could not replay: ${(error as Error).message}` });
    } finally {
      setBusy(false);
    }
  };

  const removeScenario = async (scenario: Scenario) => {
    if (!window.confirm(`Delete the scenario “${scenario.name}”?`)) return;
    await deleteScenario(scenario.id).catch((error: Error) => setStatus({ kind: 'error', text: error.message }));
    await loadScenarios();
  };

  const save = async (name: string) => {
    if (!id) return;
    setBusy(true);
    try {
      await saveScenario(id, name);
      setStatus({ kind: 'success', text: `Saved the scenario “${name}” with ${props.processKey}.` });
    } catch (error) {
      setStatus({ kind: 'error', text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const registry = () => viewerRef.current?.get<any>('elementRegistry');
  const label = (elementId: string) => registry()?.get(elementId)?.businessObject?.name || elementId;
  const isDrawn = (elementId: string) => Boolean(registry()?.get(elementId));
  const rehearsal = snap?.rehearsal;
  return (
    <div class="rehearse">
      <div class="rh-bar">
        <div class="doc-info">
          <h1>Rehearse</h1>
          <span class="muted">{rehearsal ? `${rehearsal.name} · ${rehearsal.model.source.kind === 'deployed' ? `${rehearsal.model.source.key} version ${rehearsal.model.source.version}` : 'a drawing'}` : props.sourceLabel}</span>
          {rehearsal && <span class="badge rh-clock-badge" title="virtual clock">{formatMoment(rehearsal.clockAt, zone)}</span>}
        </div>
        <div class="actions">
          {id && <button type="button" class="button danger" disabled={busy} onClick={end}>End rehearsal</button>}
          <button type="button" class="button primary" onClick={props.onClose}>Back to editing</button>
        </div>
      </div>
      {status && <div class={`alert ${status.kind} rh-status`} role={status.kind === 'error' ? 'alert' : 'status'}>{status.text}</div>}
      <div class="rh-body">
        <div class="rh-canvas" ref={canvasRef} aria-label="Rehearsal diagram" />
        <aside class="rh-panel" aria-label="Rehearsal">
          {!id && (
            <>
              <SetupSection zone={zone} busy={busy} source={props.sourceLabel} onStart={start} />
              <ScenarioList processKey={props.processKey} scenarios={scenarios} zone={zone} busy={busy} reports={reports} label={label} onReplay={replay} onDelete={removeScenario} onShow={(elementId) => overlays()?.reveal(elementId)} />
            </>
          )}
          {id && !rehearsal && <p class="muted rh-section">Loading the rehearsal…</p>}
          {id && rehearsal && snap && (
            <>
              <ClockSection rehearsal={rehearsal} zone={zone} busy={busy} label={label} onMove={(move: ClockMove) => act(() => moveClock(id, move))} />
              <WorkSection
                tasks={snap.tasks} jobs={snap.jobs} incidents={snap.incidents} zone={zone} busy={busy} label={label}
                onStart={(businessKey, variables) => act(() => startInstance(id, businessKey, variables))}
                onOpenTask={setTask}
                onJob={(job, action, value) => act(() => (action === 'complete' ? completeJob(id, job.id, {}) : action === 'fail' ? failJob(id, job.id, 0, 'failed in a rehearsal') : throwJobError(id, job.id, value!)))}
                onRunWorkers={() => act(() => runWorkers(id))}
                onError={(text) => setStatus({ kind: 'error', text })}
              />
              <SendSection busy={busy} onSend={(kind, name, key, variables) => act(() => (kind === 'message' ? sendMessage(id, name, key, variables) : sendSignal(id, name, variables)))} onError={(text) => setStatus({ kind: 'error', text })} />
              <ActivitySection
                instances={snap.instances} processKey={rehearsal.processKey} steps={snap.steps} history={snap.history} mails={snap.mails} zone={zone} busy={busy}
                label={label} isDrawn={isDrawn} onReveal={(elementId) => overlays()?.reveal(elementId)} onSave={save}
              />
            </>
          )}
        </aside>
      </div>
      {task && id && (
        <TaskDialog rehearsalId={id} task={task} me={props.user.id} onClose={() => setTask(undefined)} onComplete={(variables, actor) => act(() => completeTask(id, task.id, variables, actor), { rethrow: true })} />
      )}
    </div>
  );
}
