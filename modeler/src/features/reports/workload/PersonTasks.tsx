/** One person's open tasks, most urgent first, each with a checkbox to select it for reassignment. */
import { formatDateTime } from '../format';
import type { Workload } from '../reportsApi';
import { linkClick } from '../../../app/router';

type Person = Workload['people'][number];

export function PersonTasks({ person, selected, onToggle }: { person: Person; selected: Set<string>; onToggle(ids: string[], on: boolean): void }) {
  const ids = person.tasks.map((t) => t.id);
  const all = ids.length > 0 && ids.every((id) => selected.has(id));
  const headingId = `rep-person-${person.userId}`;
  return (
    <section class="rep-card rep-person" aria-labelledby={headingId} data-user={person.userId}>
      <header class="rep-card-header">
        <label class="rep-check">
          <input type="checkbox" checked={all} onChange={(e) => onToggle(ids, e.currentTarget.checked)} aria-label={`Select all tasks of ${person.displayName}`} />
          <h2 id={headingId}>{person.displayName}</h2>
        </label>
        <span class="rep-muted">
          {person.open} open{person.overdue ? <> · <span class="rep-danger-text">{person.overdue} overdue</span></> : ''}
          {person.tasks.length < person.open ? ` · the ${person.tasks.length} most urgent shown` : ''}
        </span>
      </header>
      <ul class="rep-task-list">
        {person.tasks.map((t) => (
          <li key={t.id} class={t.overdue ? 'rep-overdue' : undefined}>
            <label class="rep-check">
              <input type="checkbox" checked={selected.has(t.id)} onChange={(e) => onToggle([t.id], e.currentTarget.checked)} aria-label={`Select ${t.name ?? t.elementId}${t.businessKey ? ` for ${t.businessKey}` : ''}`} />
              <span class="rep-task-name">{t.name ?? t.elementId}</span>
            </label>
            <a class="rep-task-key" href={`/monitor/instances/${t.instanceId}`} onClick={linkClick}>{t.businessKey ?? t.definitionKey}</a>
            <span class="rep-task-due" title={t.deadline ? `deadline ${new Date(t.deadline).toISOString()}` : undefined}>
              {t.deadline ? (t.overdue ? `overdue since ${formatDateTime(t.deadline)}` : `due ${formatDateTime(t.deadline)}`) : 'no deadline'}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
