/**
 * The instance list's filter lives in the URL (/monitor/instances?…), so
 * every count on the overview is a plain link to exactly the instances it
 * counts, and a filtered list can be bookmarked and shared.
 */
import type { InstanceQuery } from '../monitorApi';

export type InstanceState = 'active' | 'completed' | 'cancelled' | 'terminated';
/** An SLA the monitor alarms about: a task at risk, or breached (past its SLA target, else its due date). */
export type SlaAlarm = 'at_risk' | 'breached';

export interface ListFilter {
  definitionKey?: string;
  definitionId?: string;
  state?: InstanceState;
  /** Only instances with an open incident. */
  incidents?: boolean;
  /** Only instances with no step for longer than this ISO 8601 duration. */
  stuckFor?: string;
  /** Only instances with an overdue task. */
  overdue?: boolean;
  /** Only instances holding an open task whose SLA is at risk, or breached. */
  sla?: SlaAlarm;
  /** Part of the business key. */
  businessKey?: string;
  /** Started on or after this day (YYYY-MM-DD, the browser's time zone). */
  from?: string;
  /** Started on or before this day. */
  to?: string;
  offset?: number;
}

export const PAGE_SIZE = 25;
const STATES: InstanceState[] = ['active', 'completed', 'cancelled', 'terminated'];
const SLA_ALARMS: SlaAlarm[] = ['at_risk', 'breached'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The link to the list showing `filter`. */
export function listHref(filter: ListFilter): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (value === undefined || value === '' || value === false || (name === 'offset' && value === 0)) continue;
    search.set(name, String(value));
  }
  const text = search.toString();
  return `/monitor/instances${text ? `?${text}` : ''}`;
}

/** The filter a list URL names (unknown or malformed parts are left out). */
export function filterFrom(search: URLSearchParams): ListFilter {
  const text = (name: string) => search.get(name)?.trim() || undefined;
  const state = text('state') as InstanceState | undefined;
  const sla = text('sla') as SlaAlarm | undefined;
  const offset = Number(search.get('offset'));
  return {
    definitionKey: text('definitionKey'),
    definitionId: text('definitionId'),
    state: state && STATES.includes(state) ? state : undefined,
    incidents: search.get('incidents') === 'true' || undefined,
    stuckFor: text('stuckFor'),
    overdue: search.get('overdue') === 'true' || undefined,
    sla: sla && SLA_ALARMS.includes(sla) ? sla : undefined,
    businessKey: text('businessKey'),
    from: DAY.test(text('from') ?? '') ? text('from') : undefined,
    to: DAY.test(text('to') ?? '') ? text('to') : undefined,
    offset: Number.isInteger(offset) && offset > 0 ? offset : undefined,
  };
}

/** Local midnight of a YYYY-MM-DD day, plus `days`. */
const startOfDay = (day: string, days = 0) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + days).toISOString();
};

/** What the server's list route takes for `filter`. */
export function toQuery(filter: ListFilter): InstanceQuery {
  return {
    definitionKey: filter.definitionKey,
    definitionId: filter.definitionId,
    state: filter.state,
    incidents: filter.incidents ? 'true' : undefined,
    stuckFor: filter.stuckFor,
    overdue: filter.overdue ? 'true' : undefined,
    sla: filter.sla,
    businessKey: filter.businessKey,
    startedAfter: filter.from ? startOfDay(filter.from) : undefined,
    startedBefore: filter.to ? startOfDay(filter.to, 1) : undefined,
    limit: PAGE_SIZE,
    offset: filter.offset ?? 0,
  };
}
