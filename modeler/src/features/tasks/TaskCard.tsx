/** One task in the list: what, for which customer, when it is due, how urgent, who has it. */
import { linkClick } from '../../app/router';
import type { Task } from './taskApi';
import type { Lookups } from './lookups';
import { describeDue } from './dates';
import { priorityLabel } from './priority';
import { serverNow } from './serverClock';
import { SlaBadge } from './SlaBadge';

export function TaskCard({ task, href, selected, userId, lookups }: { task: Task; href: string; selected: boolean; userId: string; lookups: Lookups }) {
  const due = task.dueAt ? describeDue(task.dueAt, task.overdue, serverNow()) : undefined;
  const priority = priorityLabel(task.priority);
  const holder = task.assignee === userId ? 'Assigned to me' : task.assignee ? lookups.personName(task.assignee) : task.candidateGroups.length ? `Unassigned · ${task.candidateGroups.join(', ')}` : 'Unassigned';
  return (
    <li>
      <a class={`task-card${selected ? ' selected' : ''}${task.overdue ? ' overdue' : ''}`} href={href} onClick={linkClick} aria-current={selected ? 'page' : undefined}>
        <span class="task-card-top">
          <span class="task-card-name">{task.name ?? task.elementId}</span>
          <span class={`priority ${priority.level}`} title={`Priority ${task.priority}`}>{priority.label}</span>
        </span>
        <span class="task-card-process">
          {lookups.processName(task.definitionKey)}
          {task.businessKey && <> · <span class="business-key">{task.businessKey}</span></>}
        </span>
        <span class="task-card-bottom">
          <span class="due-line">
            {due ? <span class={`due ${due.tone}`}>{due.text}</span> : <span class="due none">No due date</span>}
            <SlaBadge task={task} />
          </span>
          <span class="holder">{holder}</span>
        </span>
      </a>
    </li>
  );
}
