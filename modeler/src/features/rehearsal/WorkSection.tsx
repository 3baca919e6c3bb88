/**
 * The rehearsal's work: start an instance, the open tasks (complete one,
 * acting as anyone, with its form) and jobs (complete, fail, throw an
 * error, or let the built-in workers do them), and incidents.
 */
import { useState } from 'preact/hooks';
import { formatMoment } from './clockFormat';
import { readVariables } from './jsonInput';
import type { Incident, Job, Task } from './rehearsalApi';

interface Props {
  tasks: Task[];
  jobs: Job[];
  incidents: Incident[];
  zone: string;
  busy: boolean;
  label(elementId: string): string;
  onStart(businessKey: string | undefined, variables: Record<string, unknown>): void;
  onOpenTask(task: Task): void;
  onJob(job: Job, action: 'complete' | 'fail' | 'error', value?: string): void;
  onRunWorkers(): void;
  onError(message: string): void;
}

export function WorkSection(props: Props) {
  const [businessKey, setBusinessKey] = useState('');
  const [variables, setVariables] = useState('{}');
  const [errorCode, setErrorCode] = useState<Record<string, string>>({});
  const start = (event: Event) => {
    event.preventDefault();
    try {
      props.onStart(businessKey.trim() || undefined, readVariables(variables));
    } catch (error) {
      props.onError((error as Error).message);
    }
  };
  return (
    <>
      <section class="rh-section" aria-labelledby="rh-start-title">
        <h3 id="rh-start-title">Start an instance</h3>
        <form onSubmit={start}>
          <div class="field">
            <label for="rh-business-key">Business key</label>
            <input id="rh-business-key" class="input" value={businessKey} placeholder="e.g. the customer" onInput={(e) => setBusinessKey(e.currentTarget.value)} />
          </div>
          <div class="field">
            <label for="rh-variables">Variables (JSON)</label>
            <textarea id="rh-variables" class="input code" rows={3} value={variables} onInput={(e) => setVariables(e.currentTarget.value)} />
          </div>
          <button type="submit" class="button primary" disabled={props.busy}>Start instance</button>
        </form>
      </section>
      <section class="rh-section" aria-labelledby="rh-tasks-title">
        <h3 id="rh-tasks-title">Open tasks <span class="count">{props.tasks.length}</span></h3>
        {props.tasks.length === 0 && <p class="muted">No task is waiting.</p>}
        <ul class="rh-list" aria-label="Open tasks">
          {props.tasks.map((task) => (
            <li key={task.id} class="rh-item" data-element-id={task.elementId}>
              <div>
                <strong>{task.name ?? task.elementId}</strong> <span class="muted">#{task.number}{task.businessKey ? ` · ${task.businessKey}` : ''}</span>
                <div class="muted small">{task.assignee ? `Assigned to ${task.assignee}` : `Candidates: ${[...task.candidateGroups, ...task.candidateUsers].join(', ') || 'anyone'}`}{task.dueAt ? ` · due ${formatMoment(task.dueAt, props.zone)}` : ''}{task.sla.state && task.sla.state !== 'on_time' ? ` · ${task.sla.state.replace('_', ' ')}` : ''}</div>
              </div>
              <button type="button" class="button" disabled={props.busy} onClick={() => props.onOpenTask(task)} aria-label={`Complete ${task.name ?? task.elementId} of #${task.number}`}>Complete…</button>
            </li>
          ))}
        </ul>
      </section>
      <section class="rh-section" aria-labelledby="rh-jobs-title">
        <h3 id="rh-jobs-title">Jobs <span class="count">{props.jobs.length}</span></h3>
        {props.jobs.length === 0 && <p class="muted">No job is waiting for a worker.</p>}
        <ul class="rh-list" aria-label="Jobs">
          {props.jobs.map((job) => (
            <li key={job.id} class="rh-item rh-job" data-element-id={job.elementId}>
              <div>
                <strong>{props.label(job.elementId)}</strong> <span class="muted">#{job.number} · type {job.type} · {job.retries} retries</span>
                {job.lastError && <div class="muted small">Last error: {job.lastError}</div>}
              </div>
              <div class="rh-buttons">
                <button type="button" class="button" disabled={props.busy} onClick={() => props.onJob(job, 'complete')}>Complete</button>
                <button type="button" class="button" disabled={props.busy} onClick={() => props.onJob(job, 'fail')} title="Fail with no retries left: an incident">Fail</button>
                <input class="input small-input" aria-label={`Error code for ${job.elementId}`} placeholder="error code" value={errorCode[job.id] ?? ''} onInput={(e) => setErrorCode({ ...errorCode, [job.id]: e.currentTarget.value })} />
                <button type="button" class="button" disabled={props.busy || !errorCode[job.id]} onClick={() => props.onJob(job, 'error', errorCode[job.id])}>Throw</button>
              </div>
            </li>
          ))}
        </ul>
        <button type="button" class="button" disabled={props.busy} onClick={props.onRunWorkers}>Run built-in workers (email)</button>
      </section>
      {props.incidents.length > 0 && (
        <section class="rh-section" aria-labelledby="rh-incidents-title">
          <h3 id="rh-incidents-title">Incidents <span class="count error">{props.incidents.length}</span></h3>
          <ul class="rh-list">
            {props.incidents.map((incident) => <li key={incident.id} class="rh-item incident"><span><strong>{incident.elementId ? props.label(incident.elementId) : 'process'}</strong> <span class="muted">#{incident.number}</span><div class="small">{incident.message}</div></span></li>)}
          </ul>
        </section>
      )}
    </>
  );
}
