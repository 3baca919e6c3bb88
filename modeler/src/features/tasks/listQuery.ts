/**
 * What the task list shows, kept in the URL (`/tasks?view=claimable&due=overdue&q=acme`),
 * so a view can be bookmarked, shared and reloaded, and the back button
 * works: the view (mine, claimable, everyone's for managers), the due-date
 * filter, the SLA filter, the process, the search text, the order and the page.
 */
import type { TaskQuery } from './taskApi';
import { dayOf } from './dates';
import { serverNow } from './serverClock';

export type View = 'mine' | 'claimable' | 'all';
export type DueFilter = '' | 'overdue' | 'today';
/** Tasks whose SLA is at risk, or breached (past the SLA target, else the due date), as the server judges it. */
export type SlaFilter = '' | 'at_risk' | 'breached';
export type Sort = 'due' | 'urgency' | 'priority' | 'created';

export interface ListState {
  view: View;
  due: DueFilter;
  sla: SlaFilter;
  process: string;
  q: string;
  sort: Sort;
  page: number;
}

export const PAGE_SIZE = 20;

const pick = <T extends string>(value: string | null, allowed: readonly T[], fallback: T): T => (allowed.includes(value as T) ? (value as T) : fallback);

export function readListState(search: URLSearchParams, manager: boolean): ListState {
  return {
    view: pick(search.get('view'), manager ? (['mine', 'claimable', 'all'] as const) : (['mine', 'claimable'] as const), 'mine'),
    due: pick(search.get('due'), ['', 'overdue', 'today'] as const, ''),
    sla: pick(search.get('sla'), ['', 'at_risk', 'breached'] as const, ''),
    process: search.get('process') ?? '',
    q: search.get('q') ?? '',
    sort: pick(search.get('sort'), ['due', 'urgency', 'priority', 'created'] as const, 'due'),
    page: Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1),
  };
}

/** The URL query of a state (defaults left out). */
export function listSearch(state: ListState): string {
  const params = new URLSearchParams();
  if (state.view !== 'mine') params.set('view', state.view);
  if (state.due) params.set('due', state.due);
  if (state.sla) params.set('sla', state.sla);
  if (state.process) params.set('process', state.process);
  if (state.q) params.set('q', state.q);
  if (state.sort !== 'due') params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The API query of a view alone (for the counts on the view tabs). */
export function viewQuery(view: View, userId: string): TaskQuery {
  if (view === 'mine') return { mine: 'true', assignee: userId };
  if (view === 'claimable') return { mine: 'true', unassigned: 'true' };
  return {};
}

/** The API query of the whole state. */
export function taskQuery(state: ListState, userId: string): TaskQuery {
  const query: TaskQuery = { ...viewQuery(state.view, userId), limit: PAGE_SIZE, offset: (state.page - 1) * PAGE_SIZE };
  if (state.due === 'overdue') query.overdue = 'true';
  if (state.due === 'today') {
    const { start, end } = dayOf(serverNow());
    query.dueAfter = new Date(start.getTime() - 1).toISOString();
    query.dueBefore = end.toISOString();
  }
  if (state.sla) query.slaState = state.sla;
  if (state.process) query.definitionKey = state.process;
  if (state.q.trim()) query.search = state.q.trim();
  if (state.sort === 'due') query.sort = 'due';
  else if (state.sort === 'urgency') query.sort = 'sla';
  else if (state.sort === 'priority') query.sort = 'priority';
  else Object.assign(query, { sort: 'created', order: 'desc' });
  return query;
}
