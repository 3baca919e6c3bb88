/**
 * Readers for Lifeline's own `lifeline:` extension elements: the business
 * calendar an element or process is bound to, and SLA policies on user
 * tasks. Problems name the element and say what is wrong.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { CalendarRef, Expr, SlaAction, SlaDefinition, SlaMoment } from '../ir/types.js';
import { toExpr } from '../expressions/feel.js';
import { ext } from './extensions.js';
import { ASSIGNMENT_STRATEGIES } from './lifelineModdle.js';
import type { Problems } from './Problems.js';

const text = (value: unknown): string | undefined => (value === undefined || value === null || String(value).trim() === '' ? undefined : String(value).trim());
const MOMENTS: SlaMoment[] = ['atRisk', 'breach'];

/** `lifeline:calendar` of an element or process; a calendar without a name is the default calendar. */
export function readCalendar(element: ModdleElement): CalendarRef | undefined {
  const calendar = ext(element, 'lifeline:Calendar');
  if (!calendar) return undefined;
  const name = text(calendar.name);
  return name ? { name } : {};
}

function optionalExpr(value: unknown): Expr | undefined {
  const written = text(value);
  return written === undefined ? undefined : toExpr(written);
}

function readAction(action: ModdleElement, nodeId: string, problems: Problems): SlaAction | undefined {
  const when = text(action.when) as SlaMoment | undefined;
  const kind = String(action.$type).replace('lifeline:', '').toLowerCase();
  if (!when || !MOMENTS.includes(when)) {
    problems.at(nodeId, `lifeline:${kind} needs when="atRisk" or when="breach"${when ? `, not '${when}'` : ''}`);
    return undefined;
  }
  switch (action.$type) {
    case 'lifeline:Notify': {
      const notify: SlaAction = { type: 'notify', when, users: optionalExpr(action.users), groups: optionalExpr(action.groups), assignee: action.assignee === true, manager: action.manager === true, template: text(action.template) };
      if (!notify.users && !notify.groups && !notify.manager) notify.assignee = true;
      return notify;
    }
    case 'lifeline:Reassign': {
      const strategy = text(action.strategy) ?? 'leastLoaded';
      if (!ASSIGNMENT_STRATEGIES.includes(strategy)) {
        problems.at(nodeId, `lifeline:reassign: unknown assignment strategy '${strategy}' (known: ${ASSIGNMENT_STRATEGIES.join(', ')})`);
        return undefined;
      }
      return { type: 'reassign', when, strategy, candidateGroups: optionalExpr(action.candidateGroups), candidateUsers: optionalExpr(action.candidateUsers) };
    }
    case 'lifeline:Escalate': {
      const escalationCode = text(action.escalationCode);
      if (!escalationCode) {
        problems.at(nodeId, 'lifeline:escalate needs an escalationCode for a boundary event or event subprocess to catch');
        return undefined;
      }
      return { type: 'escalate', when, escalationCode };
    }
    default:
      problems.at(nodeId, `${action.$type} is not an SLA action (notify, reassign or escalate)`);
      return undefined;
  }
}

/** `lifeline:sla` of a user task: target, at-risk threshold and actions. */
export function readSla(element: ModdleElement, nodeId: string, problems: Problems): SlaDefinition | undefined {
  const sla = ext(element, 'lifeline:Sla');
  if (!sla) return undefined;
  const target = optionalExpr(sla.target);
  if (!target) {
    problems.at(nodeId, 'lifeline:sla needs a target, a duration such as P2D (counted on the calendar) or a date-time');
    return undefined;
  }
  const atRisk = optionalExpr(sla.atRisk);
  const actions = ((sla.actions ?? []) as ModdleElement[]).map((action) => readAction(action, nodeId, problems)).filter((a): a is SlaAction => a !== undefined);
  if (!atRisk && actions.some((a) => a.when === 'atRisk')) problems.at(nodeId, 'lifeline:sla has actions when="atRisk" but no atRisk threshold');
  return { target, ...(atRisk ? { atRisk } : {}), actions };
}
