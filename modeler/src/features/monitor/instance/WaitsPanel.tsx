/** What else the instance waits on: timers with their due times, jobs with retries and last error, messages. */
import { formatDateTime, formatRelative } from '../format';
import type { InstanceView } from '../monitorApi';

const JOB_STATES: Record<string, string> = { activatable: 'waiting for a worker', activated: 'being worked on', failed: 'failed', completed: 'completed', error_thrown: 'threw an error', cancelled: 'cancelled' };

export function WaitsPanel({ view, nameOf }: { view: InstanceView; nameOf(id: string): string }) {
  const timers = view.timers.filter((t) => t.state === 'scheduled');
  const jobs = view.jobs.filter((j) => j.state === 'activatable' || j.state === 'activated' || j.state === 'failed');
  const messages = view.subscriptions.filter((s) => s.state === 'open');
  return (
    <section class="mon-card" aria-labelledby="mon-waits-title">
      <header class="mon-card-header"><h2 id="mon-waits-title">Timers, jobs and messages</h2></header>
      {!timers.length && !jobs.length && !messages.length && <p class="mon-empty">Nothing else is waiting.</p>}
      {timers.length > 0 && (
        <>
          <h3 class="mon-subheading">Timers</h3>
          <ul class="mon-list">
            {timers.map((t) => (
              <li key={t.id}>
                <strong>{nameOf(t.elementId)}</strong>
                <span class="mon-meta"><span>due {formatDateTime(t.dueAt)} ({formatRelative(t.dueAt)})</span>{t.cycle && <span class="mon-muted">repeats {t.cycle.expression}{t.cycle.remaining !== null ? `, ${t.cycle.remaining} more` : ''}</span>}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {jobs.length > 0 && (
        <>
          <h3 class="mon-subheading">Jobs</h3>
          <ul class="mon-list">
            {jobs.map((j) => (
              <li key={j.id}>
                <strong>{nameOf(j.elementId)}</strong>
                <span class="mon-meta">
                  <span>type <code>{j.type}</code> · {JOB_STATES[j.state] ?? j.state}{j.worker ? ` by ${j.worker}` : ''} · {j.retries} {j.retries === 1 ? 'retry' : 'retries'} left</span>
                  {j.lastError && <span class="mon-job-error">Last error: {j.lastError}</span>}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {messages.length > 0 && (
        <>
          <h3 class="mon-subheading">Messages and signals</h3>
          <ul class="mon-list">
            {messages.map((s) => (
              <li key={s.id}>
                <strong>{nameOf(s.elementId)}</strong>
                <span class="mon-meta"><span>waits for {s.kind} <code>{s.name}</code>{s.correlationKey ? <> with key <code>{s.correlationKey}</code></> : null}</span></span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
