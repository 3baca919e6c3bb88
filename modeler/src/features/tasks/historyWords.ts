/**
 * History lines in plain words ("Erin Employee claimed “Answer request”"),
 * leaving out the engine's bookkeeping (gateways passed, elements entered)
 * that tells a person nothing. Undefined: not worth a line.
 */
import type { HistoryLine } from './taskApi';

const WORK = new Set(['task', 'serviceTask', 'scriptTask', 'sendTask', 'receiveTask', 'manualTask', 'callActivity', 'subProcess', 'businessRuleTask']);

export function historyWords(line: HistoryLine, processName: string): string | undefined {
  const who = line.actorName ?? line.actor ?? 'The process';
  const what = `“${line.elementName ?? line.elementId ?? 'a step'}”`;
  const names = line.variableNames.join(', ');
  switch (line.type) {
    case 'process.started':
      return line.actor ? `${who} started ${processName}` : `${processName} started`;
    case 'process.completed':
      return `${processName} finished`;
    case 'process.cancelled':
    case 'process.cancel.requested':
      return line.actor ? `${who} cancelled ${processName}` : `${processName} was cancelled`;
    case 'process.terminated':
      return `${processName} was ended`;
    case 'process.modified':
      return `${who} moved the process on by hand`;
    case 'task.created':
      return `Task ${what} was created`;
    case 'task.claimed':
      return `${who} claimed ${what}`;
    case 'task.unclaimed':
      return `${who} gave ${what} back to the group`;
    case 'task.assigned':
      if (!line.assigneeName) return `${who} took ${what} away from its assignee`;
      return line.actor === line.details.assignee ? `${who} took ${what}` : `${who} handed ${what} to ${line.assigneeName}`;
    case 'task.completed':
      return `${who} completed ${what}`;
    case 'element.completed':
      return line.elementType && WORK.has(line.elementType) ? `${what} was done` : undefined;
    case 'element.terminated':
      return line.elementType && (WORK.has(line.elementType) || line.elementType === 'userTask') ? `${what} was cancelled` : undefined;
    case 'timer.fired':
      return `Timer ${what} went off`;
    case 'incident.created':
      return `A problem stopped ${what}${typeof line.details.message === 'string' ? `: ${line.details.message}` : ''}`;
    case 'incident.resolved':
      return `${who} resolved the problem at ${what}`;
    case 'variables.set':
      return `${who} changed ${names || 'data'}`;
    case 'error.thrown':
      return `${what} reported the error ${String(line.details.code ?? '')}`.trim();
    case 'escalation.thrown':
      return `${what} escalated (${String(line.details.code ?? '')})`;
    default:
      return undefined;
  }
}
