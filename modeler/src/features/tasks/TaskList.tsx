/**
 * The list side of the task page: the views with their counts (my tasks,
 * tasks I can claim, and for managers everyone's), the filters, a page of
 * tasks sorted by due date then priority, and paging. It refetches when
 * the server says tasks changed, so it stays current without a reload.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { linkClick } from '../../app/router';
import type { SessionUser } from '../../app/session';
import { countTasks, listTasks, type TaskPage } from './taskApi';
import { useTaskChanges } from './taskFeed';
import { listSearch, PAGE_SIZE, taskQuery, viewQuery, type ListState, type View } from './listQuery';
import type { Lookups } from './lookups';
import { TaskCard } from './TaskCard';
import { TaskFilters } from './TaskFilters';

const VIEWS: { view: View; label: string; empty: string }[] = [
  { view: 'mine', label: 'My tasks', empty: 'Nothing is assigned to you. Claim a task from “Tasks I can claim”.' },
  { view: 'claimable', label: 'Tasks I can claim', empty: 'No task is waiting to be claimed by you or your groups.' },
  { view: 'all', label: 'All tasks', empty: 'There are no open tasks.' },
];

export type Counts = Partial<Record<View, number>>;

export function TaskList({ user, manager, state, selectedId, lookups, onChange, onCounts }: {
  user: SessionUser;
  manager: boolean;
  state: ListState;
  selectedId?: string;
  lookups: Lookups;
  onChange(change: Partial<ListState>): void;
  onCounts(counts: Counts): void;
}) {
  const [page, setPage] = useState<TaskPage>();
  const [counts, setCounts] = useState<Counts>({});
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const views = VIEWS.filter((v) => v.view !== 'all' || manager);
  const key = JSON.stringify(state);

  const load = async () => {
    const request = ++latest.current;
    setLoading(true);
    try {
      const [found, ...totals] = await Promise.all([listTasks(taskQuery(state, user.id)), ...views.map((v) => countTasks(viewQuery(v.view, user.id)))]);
      if (request !== latest.current) return;
      const byView = Object.fromEntries(views.map((v, i) => [v.view, totals[i]])) as Counts;
      setPage(found);
      setCounts(byView);
      onCounts(byView);
      setError(undefined);
    } catch (failure) {
      if (request === latest.current) setError((failure as Error).message);
    } finally {
      if (request === latest.current) setLoading(false);
    }
  };
  useEffect(() => void load(), [key]);
  useTaskChanges(() => void load());

  const filtered = Boolean(state.due || state.sla || state.process || state.q);
  const href = (id: string) => `/tasks/${id}${listSearch(state)}`;
  const first = page && page.total ? (state.page - 1) * PAGE_SIZE + 1 : 0;
  const last = page ? (state.page - 1) * PAGE_SIZE + page.items.length : 0;
  return (
    <section class="task-list" aria-labelledby="task-list-title">
      <h1 id="task-list-title" class="visually-hidden">Tasks</h1>
      <nav class="task-views" aria-label="Task views">
        {views.map((v) => (
          <a key={v.view} href={`/tasks${listSearch({ ...state, view: v.view, page: 1 })}`} onClick={linkClick} aria-current={state.view === v.view ? 'true' : undefined}>
            {v.label}
            <span class="count" aria-label={`${counts[v.view] ?? 'unknown'} tasks`}>{counts[v.view] ?? '–'}</span>
          </a>
        ))}
      </nav>
      <TaskFilters state={state} lookups={lookups} onChange={onChange} />
      {error && <div class="alert error" role="alert">The tasks could not be loaded: {error}</div>}
      <div class="task-list-body" aria-busy={loading}>
        {page && page.items.length > 0 && (
          <ul class="task-cards" aria-label={VIEWS.find((v) => v.view === state.view)!.label}>
            {page.items.map((task) => <TaskCard key={task.id} task={task} href={href(task.id)} selected={task.id === selectedId} userId={user.id} lookups={lookups} />)}
          </ul>
        )}
        {page && page.items.length === 0 && (
          <div class="list-empty">
            {filtered ? (
              <>
                <p>No tasks match these filters.</p>
                <button type="button" class="button" onClick={() => onChange({ due: '', sla: '', process: '', q: '', page: 1 })}>Clear filters</button>
              </>
            ) : (
              <p>{VIEWS.find((v) => v.view === state.view)!.empty}</p>
            )}
          </div>
        )}
        {!page && !error && <p class="list-loading">Loading tasks…</p>}
      </div>
      {page && page.total > PAGE_SIZE && (
        <div class="pager">
          <span>{first}–{last} of {page.total}</span>
          <button type="button" class="button" disabled={state.page <= 1} onClick={() => onChange({ page: state.page - 1 })}>Previous</button>
          <button type="button" class="button" disabled={last >= page.total} onClick={() => onChange({ page: state.page + 1 })}>Next</button>
        </div>
      )}
    </section>
  );
}
