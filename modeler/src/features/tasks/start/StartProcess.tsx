/**
 * One process to start: what it is for (its documentation), its start form
 * (form-js, validated in the browser with form-js's rules and again by the
 * server, whose refusal shows on the fields it names), the business key
 * (given here, or taken from the form field the model names), and once
 * started, what happened (see StartedNotice).
 */
import { useRef, useState } from 'preact/hooks';
import { ApiError } from '../../../api';
import { linkClick } from '../../../app/router';
import type { SessionUser } from '../../../app/session';
import type { TaskFormHandle } from '../TaskForm';
import { LazyTaskForm } from '../LazyTaskForm';
import { submitStartForm, type StartableProcess, type Started } from './startApi';
import { fieldLabel } from './formFields';
import { StartedNotice } from './StartedNotice';

export function StartProcess({ process, user, worksTasks }: { process: StartableProcess; user: SessionUser; worksTasks: boolean }) {
  const [busy, setBusy] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [started, setStarted] = useState<Started>();
  const [round, setRound] = useState(0);
  const [businessKey, setBusinessKey] = useState('');
  const form = useRef<TaskFormHandle>();
  const name = process.name ?? process.key;
  const keyField = process.businessKeyField && process.form ? fieldLabel(process.form, process.businessKeyField) : undefined;

  const start = async (event: Event) => {
    event.preventDefault();
    setFormError(undefined);
    const values = process.form ? form.current?.values() : {};
    if (!values) return setFormError('Some fields need your attention: see the messages on the form.');
    setBusy(true);
    try {
      setStarted(await submitStartForm(process.key, values, process.businessKeyField ? undefined : businessKey.trim() || undefined));
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'FORM_INVALID') {
        const unplaced = form.current?.showFieldProblems(failure.fieldProblems) ?? failure.fieldProblems;
        setFormError(`The server did not accept the form: ${unplaced.length ? unplaced.map((p) => p.message).join('; ') : 'see the messages on the fields.'}`);
      } else setFormError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const again = () => {
    setStarted(undefined);
    setBusinessKey('');
    setRound((n) => n + 1);
  };

  return (
    <article class="task-detail start-detail" aria-labelledby="process-title">
      <a class="back-link" href="/tasks/start" onClick={linkClick}>← All processes</a>
      <header class="task-head">
        <div>
          <h1 id="process-title">{name}</h1>
          <p class="task-sub">Version {process.version} · <span class="business-key">{process.key}</span></p>
        </div>
      </header>
      {process.description && <p class="process-description">{process.description}</p>}

      {started ? (
        <StartedNotice process={process} started={started} user={user} worksTasks={worksTasks} onAgain={again} />
      ) : process.formMissing ? (
        <div class="alert warning" role="alert">
          <strong>Its start form “{process.formId}” is not deployed yet.</strong> Ask a designer to deploy it with the process; until then it cannot be started here.
        </div>
      ) : (
        <form class="task-section" aria-labelledby="start-form-title" onSubmit={start} noValidate>
          <h2 id="start-form-title">{process.form ? 'Start form' : 'Start'}</h2>
          {process.businessKeyField ? (
            <p class="muted-text">The business key of the new instance is the form's field “{keyField ?? process.businessKeyField}”.</p>
          ) : (
            <div class="field business-key-field">
              <label for="business-key">Business key <span class="muted-text">(optional: the customer or case it is about)</span></label>
              <input id="business-key" class="input" value={businessKey} maxLength={200} disabled={busy} onInput={(e) => setBusinessKey((e.target as HTMLInputElement).value)} />
            </div>
          )}
          {process.form ? (
            <LazyTaskForm key={round} schema={process.form} data={{}} readOnly={busy} handle={form} />
          ) : (
            <p class="muted-text">This process has no start form: it starts without data.</p>
          )}
          {formError && <div class="alert error" role="alert">{formError}</div>}
          <div class="complete-bar">
            <button type="submit" class="button primary" disabled={busy}>{busy ? 'Starting…' : 'Start process'}</button>
          </div>
        </form>
      )}
    </article>
  );
}
