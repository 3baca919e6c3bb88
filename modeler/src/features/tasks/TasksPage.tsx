/**
 * /tasks: the employee's task list, Camunda Tasklist style. The list (views,
 * filters, pages) on the left, the chosen task (/tasks/<id>) on the right;
 * on a narrow screen one at a time. The tab title counts my open tasks.
 */
import { useState } from 'preact/hooks';
import type { PageProps } from '../../app/PageDefinition';
import { linkClick, navigate, useLocation } from '../../app/router';
import { useTitleCount } from '../../app/title';
import { listSearch, readListState, type ListState } from './listQuery';
import { useLookups } from './lookups';
import { TaskList, type Counts } from './TaskList';
import { TaskDetail } from './TaskDetail';
import './tasks.css';

export default function TasksPage({ user, subpath }: PageProps) {
  const { search } = useLocation();
  const manager = user.roles.includes('manager') || user.roles.includes('admin');
  const state = readListState(search, manager);
  const selectedId = subpath.split('/')[0] || undefined;
  const lookups = useLookups();
  const [counts, setCounts] = useState<Counts>({});
  useTitleCount(counts.mine);

  const change = (patch: Partial<ListState>) => navigate(`/tasks${selectedId ? `/${selectedId}` : ''}${listSearch({ ...state, ...patch })}`, { replace: true });
  return (
    <div class={`tasks-page${selectedId ? ' has-selection' : ''}`}>
      <TaskList user={user} manager={manager} state={state} selectedId={selectedId} lookups={lookups} onChange={change} onCounts={setCounts} />
      <main class="task-pane" aria-label="Task">
        {selectedId ? (
          <TaskDetail key={selectedId} id={selectedId} user={user} manager={manager} lookups={lookups} backHref={`/tasks${listSearch(state)}`} />
        ) : (
          <div class="task-pane-empty">
            <h2>Pick a task</h2>
            <p>{counts.mine ? `You have ${counts.mine} open task${counts.mine === 1 ? '' : 's'}.` : 'Nothing is assigned to you right now.'} Choose one from the list to see its details, fill in its form and complete it.</p>
            <p>A customer called? <a href="/tasks/start" onClick={linkClick}>Start a process</a> to register the request.</p>
          </div>
        )}
      </main>
    </div>
  );
}
