/**
 * Why tokens end without completing: a cancelled instance, a terminate end
 * event, an interrupting boundary event, a completion condition, instance
 * modification. The reason travels down to the tokens ended with it, and
 * every incident resolved because its token ended says it.
 */
import type { RuntimeEvent } from './machines.js';
import type { Execution } from './tree.js';

/** States in which a token has ended without completing. */
export const ENDED_WITHOUT_COMPLETING: ReadonlySet<string> = new Set(['interrupted', 'failed', 'terminated']);

/** Why `execution` reached its (ending) state on `event`, when no behaviour above it gave a reason. */
export function describeEnding(execution: Execution, event: RuntimeEvent): string {
  const { code } = event as { code?: string };
  if (event.type.startsWith('TRIGGER.')) return `${execution.nodeId} interrupted by ${event.type.slice('TRIGGER.'.length)}`;
  if (event.type === 'ERROR') return `${execution.nodeId} ${execution.state === 'failed' ? 'ended by' : 'interrupted by'} error '${code}'`;
  if (event.type === 'ESCALATION') return `${execution.nodeId} interrupted by escalation '${code}'`;
  return `${execution.nodeId} ${execution.state}`;
}
