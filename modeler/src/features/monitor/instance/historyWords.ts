/**
 * History lines in words a manager reads: "Max Manager retried 'Charge
 * card'", with people's names and the elements' names from the model.
 * Minor lines (a gateway passed, a start event left) show only when asked.
 */
import { formatValue } from '../format';

export interface HistoryEvent {
  type: string;
  elementId: string | null;
  elementType: string | null;
  actor: string | null;
  data: Record<string, unknown> | null;
}

export interface Words {
  text: string;
  tone?: 'danger' | 'warning' | 'success';
  /** Shown only with "every step". */
  minor?: boolean;
}

export interface Names {
  element(id: string | null | undefined): string;
  person(id: string | null | undefined): string;
}

const ACTIVITIES = new Set(['task', 'userTask', 'serviceTask', 'scriptTask', 'sendTask', 'receiveTask', 'manualTask', 'businessRuleTask', 'subProcess', 'callActivity']);
const INCIDENTS: Record<string, string> = {
  job_no_retries: 'a job failed with no retries left',
  unhandled_error: 'a BPMN error nothing catches',
  expression_failed: 'an expression failed',
  no_outgoing_flow: 'no way out of a gateway',
  called_process_missing: 'the called process is not deployed',
  unknown_assignee: 'the assignee is no known user',
  step_budget_exceeded: 'a step ran too long',
  delivery_failed: 'work for another instance could not be delivered',
  delivery_too_deep: 'a message or call cycle between instances',
};

const quoted = (name: string) => `‘${name}’`;

export function describe(event: HistoryEvent, names: Names): Words {
  const who = event.actor ? names.person(event.actor) : undefined;
  const element = quoted(names.element(event.elementId));
  const data = event.data ?? {};
  const activity = ACTIVITIES.has(event.elementType ?? '');
  switch (event.type) {
    case 'process.started': return { text: who ? `${who} started the instance` : 'The instance started' };
    case 'process.completed': return { text: 'The instance completed', tone: 'success' };
    case 'process.cancelled': return { text: 'The instance was cancelled', tone: 'warning' };
    case 'process.terminated': return { text: 'The instance was terminated', tone: 'warning' };
    case 'process.failed': return { text: 'The instance failed', tone: 'danger' };
    case 'process.cancel.requested': return { text: `${who ?? 'Someone'} cancelled the instance`, tone: 'warning' };
    case 'process.modified': {
      const list = (key: string) => ((data[key] as { elementId: string }[] | undefined) ?? []).map((e) => quoted(names.element(e.elementId))).join(', ');
      const parts = [list('cancel') && `cancelled the token at ${list('cancel')}`, list('activate') && `started a token at ${list('activate')}`].filter(Boolean);
      return { text: `${who ?? 'Someone'} ${parts.join(' and ') || 'modified the instance'}`, tone: 'warning' };
    }
    case 'element.activated': return activity ? { text: `${element} started`, minor: event.elementType === 'userTask' } : { text: `Entered ${element}`, minor: true };
    case 'element.completed':
      if (event.elementType === 'endEvent') return { text: `Reached the end ${element}` };
      return activity ? { text: `${element} completed`, minor: event.elementType === 'userTask' } : { text: `Passed ${element}`, minor: true };
    case 'element.terminated': return { text: `${element} was interrupted`, minor: !activity };
    case 'element.failed': return { text: `${element} failed`, tone: 'danger' };
    case 'task.created': return { text: `Task ${element} is waiting to be done` };
    case 'task.claimed': return { text: `${who ?? 'Someone'} claimed ${element}` };
    case 'task.unclaimed': return { text: `${who ?? 'Someone'} gave ${element} back` };
    case 'task.assigned': {
      const by = who ?? (data.reason === 'sla.breached' ? 'The SLA' : data.strategy ? 'Assignment by workload' : 'The process');
      return { text: data.assignee ? `${by} assigned ${element} to ${names.person(data.assignee as string)}` : `${by} unassigned ${element}` };
    }
    case 'sla.atRisk': return { text: `${element} is at risk of missing its SLA`, tone: 'warning' };
    case 'sla.breached': return { text: `${element} missed its SLA`, tone: 'danger' };
    case 'message.correlated': return { text: `Message ${String(data.name ?? '')} arrived${data.correlationKey ? ` for ${String(data.correlationKey)}` : ''} at ${element}` };
    case 'signal.caught': return { text: `Signal ${String(data.name ?? '')} reached ${element}` };
    case 'condition.met': return { text: `The condition of ${element} came true` };
    case 'event.occurred': return { text: `${element} occurred` };
    case 'compensation.started': return { text: `${element} started compensating`, tone: 'warning' };
    case 'compensation.completed': return { text: `Compensation at ${element} completed` };
    case 'transaction.cancelled': return { text: `The transaction ${element} was cancelled`, tone: 'warning' };
    case 'task.completed': return { text: `${who ?? 'Someone'} completed ${element}`, tone: 'success' };
    case 'variables.changed': {
      const values = Object.entries((data.variables as Record<string, unknown> | undefined) ?? {}).map(([name, value]) => `${name} = ${formatValue(value, 60)}`);
      return { text: `${who ?? 'The process'} set ${values.join(', ')}`, minor: !who };
    }
    case 'variables.set': return { text: `${who ?? 'Someone'} set ${((data.names as string[] | undefined) ?? []).join(', ')}`, minor: true };
    case 'incident.created': return { text: `Incident at ${element}: ${INCIDENTS[data.type as string] ?? String(data.type ?? 'something failed')}${data.message ? ` (${String(data.message)})` : ''}`, tone: 'danger' };
    case 'incident.resolved':
      if (data.reason) return { text: `The incident at ${element} was resolved: ${String(data.reason)}` };
      if (data.retried === false) return { text: `${who ?? 'Someone'} resolved the incident at ${element} without retrying`, tone: 'warning' };
      return { text: `${who ?? 'Someone'} retried ${element}`, tone: 'success' };
    case 'job.failed': return { text: `${who ?? 'A worker'} reported that ${element} failed: ${String(data.message ?? 'no reason given')} (${Number(data.retries ?? 0)} retries left)`, tone: 'warning' };
    case 'timer.fired': return { text: `Timer ${element} fired` };
    case 'timer.failed': return { text: `Timer ${element} could not fire: ${String(data.message ?? '')}`, tone: 'danger' };
    case 'error.thrown': return { text: `${element} threw the error ${String(data.code ?? '')}`, tone: 'warning' };
    case 'error.uncaught': return { text: `${element} threw the error ${String(data.code ?? '')}, which nothing catches`, tone: 'danger' };
    case 'escalation.thrown': return { text: `${element} escalated ${String(data.code ?? '')}`, tone: 'warning' };
    case 'escalation.uncaught': return { text: `An escalation ${String(data.code ?? '')} was not caught`, minor: true };
    case 'message.uncorrelated': return { text: `A message from ${element} reached nobody`, tone: 'warning' };
    default: return { text: `${event.type.replace(/[._]/g, ' ')}${event.elementId ? ` at ${element}` : ''}`, minor: true };
  }
}
