/**
 * What the rehearsal did: where its tokens are now (a click shows the
 * element, inside subprocesses too), the steps taken (and saving them as a
 * scenario), the history, and the rehearsal's own outbox.
 */
import { useState } from 'preact/hooks';
import { formatMoment, formatTime } from './clockFormat';
import type { HistoryLine, Instance, Mail, Step } from './rehearsalApi';

interface Props {
  instances: Instance[];
  /** The process on the diagram; tokens of other processes (brought along) are listed without a link. */
  processKey: string;
  steps: Step[];
  history: HistoryLine[];
  mails: Mail[];
  zone: string;
  busy: boolean;
  label(elementId: string): string;
  isDrawn(elementId: string): boolean;
  onReveal(elementId: string): void;
  onSave(name: string): void;
}

const HIDDEN = new Set(['variables.changed']);

export function ActivitySection(props: Props) {
  const [name, setName] = useState('');
  return (
    <>
      <section class="rh-section" aria-labelledby="rh-tokens-title">
        <h3 id="rh-tokens-title">Where the tokens are</h3>
        {props.instances.length === 0 && <p class="muted">Start an instance to see it run.</p>}
        <ul class="rh-list rh-tokens" aria-label="Instances">
          {props.instances.map((instance) => (
            <li key={instance.id} class="rh-item">
              <span><strong>#{instance.number}</strong> {instance.businessKey ?? ''} <span class="muted">{instance.definitionKey} · {instance.state}</span></span>
              <span class="rh-token-links">
                {instance.activeElements.map((id) => (instance.definitionKey === props.processKey && props.isDrawn(id)
                  ? <button key={id} type="button" class="chip" onClick={() => props.onReveal(id)}>{props.label(id)}</button>
                  : <span key={id} class="chip static">{id}</span>))}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section class="rh-section" aria-labelledby="rh-steps-title">
        <h3 id="rh-steps-title">Steps <span class="count">{props.steps.length}</span></h3>
        <ol class="rh-steps">
          {props.steps.map((step) => <li key={step.seq}><span>{step.description}</span> <span class="muted small">→ {formatTime(step.outcome.clock, props.zone)}</span></li>)}
        </ol>
        <form class="rh-inline" onSubmit={(e) => { e.preventDefault(); props.onSave(name.trim()); }}>
          <label for="rh-scenario-name" class="visually-hidden">Scenario name</label>
          <input id="rh-scenario-name" class="input" placeholder="Scenario name" value={name} onInput={(e) => setName(e.currentTarget.value)} required />
          <button type="submit" class="button" disabled={props.busy || props.steps.length === 0}>Save as scenario</button>
        </form>
      </section>
      <section class="rh-section" aria-labelledby="rh-history-title">
        <h3 id="rh-history-title">History</h3>
        <ol class="rh-history" aria-label="History, newest first">
          {props.history.filter((h) => !HIDDEN.has(h.type)).slice(0, 60).map((h, i) => (
            <li key={`${h.seq ?? i}`}><span class="muted small">{formatTime(h.at, props.zone)}</span> <span class="muted">#{h.number}</span> {h.type}{h.elementId ? <> · {props.label(h.elementId)}</> : null}{h.type === 'task.assigned' && h.data?.assignee ? <> → <strong>{String(h.data.assignee)}</strong></> : null}</li>
          ))}
        </ol>
      </section>
      <section class="rh-section" aria-labelledby="rh-outbox-title">
        <h3 id="rh-outbox-title">Outbox <span class="count">{props.mails.length}</span></h3>
        <p class="muted small">Mails of a rehearsal are never sent.</p>
        <ul class="rh-list" aria-label="Outbox">
          {props.mails.map((mail) => (
            <li key={mail.id} class="rh-item rh-mail">
              <details>
                <summary><strong>{mail.subject}</strong> <span class="muted small">to {mail.recipients.join(', ')} · {formatMoment(mail.createdAt, props.zone)}</span></summary>
                <pre>{mail.text}</pre>
              </details>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
