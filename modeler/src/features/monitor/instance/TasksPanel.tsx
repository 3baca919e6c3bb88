/** The instance's open user tasks: who has them (or who may take them), when they are due, and "Reassign". */
import { formatDateTime, formatRelative, serverNow } from '../format';
import type { InstanceView } from '../monitorApi';

type Task = InstanceView['tasks'][number];

export function TasksPanel({ tasks, nameOf, personName, canReassign, onReassign }: {
  tasks: Task[]; nameOf(id: string): string; personName(id: string | null | undefined): string; canReassign: boolean; onReassign(task: Task): void;
}) {
  const open = tasks.filter((t) => t.state === 'created');
  return (
    <section class="mon-card" aria-labelledby="mon-tasks-title">
      <header class="mon-card-header"><h2 id="mon-tasks-title">Open tasks</h2><span class="mon-count-chip">{open.length}</span></header>
      {!open.length && <p class="mon-empty">No task is waiting.</p>}
      <ul class="mon-list">
        {open.map((task) => {
          const overdue = task.dueAt !== null && new Date(task.dueAt).getTime() < serverNow();
          const candidates = [...task.candidateGroups.map((g) => `group ${g}`), ...task.candidateUsers.map(personName)];
          return (
            <li key={task.id}>
              <div>
                <strong>{task.name ?? nameOf(task.elementId)}</strong>
                <div class="mon-meta">
                  <span>{task.assignee ? <>Assigned to <strong>{personName(task.assignee)}</strong></> : `Unassigned${candidates.length ? ` · candidates: ${candidates.join(', ')}` : ' · anyone may claim it'}`}</span>
                  {task.dueAt && <span class={overdue ? 'mon-pill mon-pill-danger' : undefined} title={formatDateTime(task.dueAt)}>{overdue ? `Overdue: was due ${formatRelative(task.dueAt)}` : `Due ${formatRelative(task.dueAt)}`}</span>}
                  <span class="mon-muted" title={formatDateTime(task.createdAt)}>created {formatRelative(task.createdAt)}</span>
                </div>
              </div>
              {canReassign && <button type="button" class="button" onClick={() => onReassign(task)} aria-label={`Reassign ${task.name ?? nameOf(task.elementId)}`}>Reassign…</button>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
