/**
 * Where an open task stands against its SLA (lifeline:sla), as the server
 * judged it: "At risk" once past its at-risk moment, "SLA breached" once past
 * its target. A task without an SLA shows nothing here (its due date says
 * enough: "Overdue by …").
 */
import type { Task } from './taskApi';

export function SlaBadge({ task }: { task: Task }) {
  if (task.state !== 'created') return null;
  if (task.sla.state === 'at_risk') return <span class="sla at-risk" title={task.sla.breachAt ? `Target ${new Date(task.sla.breachAt).toLocaleString()}` : undefined}>At risk</span>;
  if (task.sla.state === 'breached' && task.slaBreachAt) return <span class="sla breached">SLA breached</span>;
  return null;
}
