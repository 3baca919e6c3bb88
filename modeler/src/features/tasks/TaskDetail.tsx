/**
 * One task: what it is and for which customer, due and follow-up dates
 * ("overdue" in plain words), priority, who holds it, its form prefilled
 * with the task's variables, and the instance's history. Claim, give back,
 * delegate (managers: assign), complete. It follows live changes: if the
 * task is completed, cancelled or taken elsewhere meanwhile, it says so
 * instead of offering to complete it again.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api';
import { linkClick } from '../../app/router';
import type { SessionUser } from '../../app/session';
import { useTitleDetail } from '../../app/title';
import { assignTask, claimTask, completeTask, delegateTask, getTask, unclaimTask, type Task } from './taskApi';
import { useTaskChanges } from './taskFeed';
import type { Lookups } from './lookups';
import { describeDue, formatDateTime } from './dates';
import { priorityLabel } from './priority';
import { serverNow } from './serverClock';
import type { TaskFormHandle } from './TaskForm';
import { LazyTaskForm } from './LazyTaskForm';
import { TaskHistory } from './TaskHistory';
import { AssignDialog } from './AssignDialog';
import { SlaBadge } from './SlaBadge';

type Notice = { tone: 'success' | 'info' | 'warning' | 'error'; text: string };

export function TaskDetail({ id, user, manager, lookups, backHref }: { id: string; user: SessionUser; manager: boolean; lookups: Lookups; backHref: string }) {
  const [task, setTask] = useState<Task>();
  const [gone, setGone] = useState(false);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<Notice>();
  const [formError, setFormError] = useState<string>();
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<'delegate' | 'assign'>();
  const form = useRef<TaskFormHandle>();
  const heading = useRef<HTMLHeadingElement>(null);

  const load = async () => {
    try {
      const next = await getTask(id);
      setTask(next);
      setGone(false);
      setError(undefined);
      setVersion((v) => v + 1);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 404) setGone(true);
      else setError((failure as Error).message);
    }
  };
  useEffect(() => {
    setTask(undefined);
    setNotice(undefined);
    setFormError(undefined);
    setGone(false);
    void load().then(() => heading.current?.focus({ preventScroll: true }));
  }, [id]);
  useTaskChanges((changes) => {
    if (changes.many || changes.ids.includes(id)) void load();
  });
  useTitleDetail(task ? (task.name ?? task.elementId) : undefined);

  /** Runs an action, says how it went, and shows the task as it is now. */
  const act = async (action: () => Promise<unknown>, success: string) => {
    setBusy(true);
    setNotice(undefined);
    try {
      await action();
      setNotice({ tone: 'success', text: success });
    } catch (failure) {
      setNotice({ tone: 'error', text: (failure as Error).message });
    } finally {
      await load();
      setBusy(false);
    }
  };

  if (gone) {
    return (
      <article class="task-detail">
        <a class="back-link" href={backHref} onClick={linkClick}>← All tasks</a>
        <div class="alert warning" role="alert">
          <strong>This task is not available to you any more.</strong> Someone else may have claimed it, or it was handed to a colleague. It is no longer in your lists.
        </div>
      </article>
    );
  }
  if (!task) return <article class="task-detail" aria-busy="true">{error ? <div class="alert error" role="alert">The task could not be loaded: {error}</div> : <p class="muted-text">Loading task…</p>}</article>;

  const name = task.name ?? task.elementId;
  const mine = task.assignee === user.id;
  const open = task.state === 'created';
  const due = task.dueAt && open ? describeDue(task.dueAt, task.overdue, serverNow()) : undefined;
  const priority = priorityLabel(task.priority);
  const processName = lookups.processName(task.definitionKey);

  const complete = async () => {
    setFormError(undefined);
    setNotice(undefined);
    const values = task.form ? form.current?.values() : {};
    if (!values) return setFormError('Some fields need your attention: see the messages on the form.');
    setBusy(true);
    try {
      await completeTask(task.id, values);
      // the banner of a completed task says so (who, when)
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'FORM_INVALID') {
        const unplaced = form.current?.showFieldProblems(failure.fieldProblems) ?? failure.fieldProblems;
        setFormError(`The server did not accept the form: ${unplaced.length ? unplaced.map((p) => p.message).join('; ') : 'see the messages on the fields.'}`);
      } else if (failure instanceof ApiError && failure.status === 409) {
        setNotice({ tone: 'warning', text: `This task cannot be completed now: ${failure.detail}.` });
      } else setFormError((failure as Error).message);
    } finally {
      await load();
      setBusy(false);
    }
  };

  return (
    <article class="task-detail" aria-labelledby="task-title">
      <a class="back-link" href={backHref} onClick={linkClick}>← All tasks</a>
      <header class="task-head">
        <div>
          <h1 id="task-title" ref={heading} tabIndex={-1}>{name}</h1>
          <p class="task-sub">
            {processName}
            {task.businessKey && <> · Customer <strong class="business-key">{task.businessKey}</strong></>}
          </p>
        </div>
        {open && (
          <div class="task-actions">
            {!task.assignee && <button type="button" class="button primary" disabled={busy} onClick={() => act(() => claimTask(task.id), `You claimed “${name}”. It is in your tasks now.`)}>Claim</button>}
            {task.assignee && (mine || manager) && <button type="button" class="button" disabled={busy} onClick={() => act(() => unclaimTask(task.id), mine ? `You gave “${name}” back to the group.` : `“${name}” is unassigned now.`)}>{mine ? 'Unclaim' : 'Unassign'}</button>}
            {mine && <button type="button" class="button" disabled={busy} onClick={() => setDialog('delegate')}>Delegate…</button>}
            {manager && <button type="button" class="button" disabled={busy} onClick={() => setDialog('assign')}>Assign…</button>}
          </div>
        )}
      </header>

      {notice && <div class={`alert ${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>{notice.text}</div>}
      <StateBanner task={task} userId={user.id} lookups={lookups} />

      <dl class="task-facts">
        <div><dt>Assignee</dt><dd>{task.assignee ? (mine ? 'Me' : lookups.personName(task.assignee)) : 'Nobody yet'}</dd></div>
        <div><dt>Offered to</dt><dd>{[...task.candidateGroups.map((g) => `group ${g}`), ...task.candidateUsers.map((u) => lookups.personName(u))].join(', ') || 'Everyone'}</dd></div>
        <div><dt>Due</dt><dd>{due && <span class={`due ${due.tone}`}>{due.text}</span>}{open && <SlaBadge task={task} />}{task.dueAt ? <span class={due ? 'fact-note' : undefined}>{formatDateTime(task.dueAt)}</span> : 'No due date'}</dd></div>
        <div><dt>Follow up</dt><dd>{task.followUpAt ? formatDateTime(task.followUpAt) : '—'}</dd></div>
        <div><dt>Priority</dt><dd><span class={`priority ${priority.level}`}>{priority.label}</span><span class="fact-note">{task.priority}</span></dd></div>
        <div><dt>Created</dt><dd>{formatDateTime(task.createdAt)}</dd></div>
      </dl>

      {open && (
        <section class="task-section" aria-labelledby="work-title">
          <h2 id="work-title">{task.form ? 'Form' : 'Details'}</h2>
          {!mine && <p class="alert info">{task.assignee ? `${lookups.personName(task.assignee)} is working on this task.` : 'Claim this task to work on it.'}</p>}
          {task.form ? (
            <LazyTaskForm key={task.id} schema={task.form} data={task.variables} readOnly={!mine || busy} handle={form} />
          ) : (
            <Variables variables={task.variables} />
          )}
          {formError && <div class="alert error" role="alert">{formError}</div>}
          <div class="complete-bar">
            <button type="button" class="button primary" disabled={!mine || busy} onClick={complete}>Complete task</button>
          </div>
        </section>
      )}

      <TaskHistory taskId={task.id} processName={processName} version={String(version)} />

      {dialog === 'delegate' && (
        <AssignDialog title={`Delegate “${name}”`} action="Delegate" exclude={user.id} onClose={() => setDialog(undefined)}
          onPick={(colleague) => act(() => delegateTask(task.id, colleague.id), `You handed “${name}” to ${colleague.displayName}.`)} />
      )}
      {dialog === 'assign' && (
        <AssignDialog title={`Assign “${name}”`} action="Assign" exclude={task.assignee ?? undefined} onClose={() => setDialog(undefined)}
          onPick={(colleague) => act(() => assignTask(task.id, colleague.id), `“${name}” is assigned to ${colleague.displayName} now.`)} />
      )}
    </article>
  );
}

/** What happened to a task that is no longer open. */
function StateBanner({ task, userId, lookups }: { task: Task; userId: string; lookups: Lookups }) {
  if (task.state === 'completed') {
    const by = task.completedBy === userId ? 'You' : task.completedBy ? lookups.personName(task.completedBy) : 'Someone';
    return (
      <div class="alert success state-banner" role="status">
        <strong>This task is done.</strong> {by} completed it{task.completedAt ? ` on ${formatDateTime(task.completedAt)}` : ''}; the process has moved on. There is nothing left to do here.
      </div>
    );
  }
  if (task.state === 'cancelled') {
    return (
      <div class="alert warning state-banner" role="status">
        <strong>This task was cancelled.</strong> The process no longer needs it (a deadline passed, the customer answered, or the case was closed: see the history). It cannot be completed.
      </div>
    );
  }
  return null;
}

function Variables({ variables }: { variables: Record<string, unknown> }) {
  const entries = Object.entries(variables);
  if (entries.length === 0) return <p class="muted-text">This task has no form and no data. Complete it when the work is done.</p>;
  return (
    <dl class="variables">
      {entries.map(([key, value]) => (
        <div key={key}><dt>{key}</dt><dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd></div>
      ))}
    </dl>
  );
}
