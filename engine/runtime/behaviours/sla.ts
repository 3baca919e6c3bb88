/**
 * SLA policies of user tasks (`lifeline:sla`), when the task is created:
 * the breach moment from the target, the at-risk moment from its
 * threshold (a duration or date, or a share of the target's working time),
 * both on the task's business calendar, and a timer row for each moment
 * that has actions (checked when it fires, in the timer's own step).
 */
import type { NodeIR } from '../../ir/types.js';
import { evaluateRaw, ExpressionError } from '../../expressions/feel.js';
import type { TimerPurpose } from '../../store/records.js';
import { resolveDueDate } from '../../time/dueDate.js';
import { addWorkingMillis, workingMillisBetween } from '../../time/businessTime.js';
import type { Runtime } from '../Runtime.js';
import type { Execution } from '../tree.js';

const SHARE = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/;

const isNothing = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');

/** The SLA moments of a new task, and its SLA timers (pushed to the step's effects and the execution's waits). */
export function openSla(rt: Runtime, execution: Execution, node: NodeIR, taskId: string): { slaAtRiskAt: Date | null; slaBreachAt: Date | null } {
  const sla = node.lifeline?.sla;
  if (!sla) return { slaAtRiskAt: null, slaBreachAt: null };
  const context = rt.context(execution);
  const time = rt.timeContext(node.id);
  const now = rt.env.now;
  const read = (what: string, source: string, work: () => Date) => {
    try {
      return work();
    } catch (e) {
      if (e instanceof ExpressionError) throw e;
      throw new ExpressionError(`${node.id}: SLA ${what}: ${(e as Error).message}`, source);
    }
  };
  const target = evaluateRaw(sla.target, context);
  if (isNothing(target)) return { slaAtRiskAt: null, slaBreachAt: null };
  const breachAt = read('target', sla.target.source, () => resolveDueDate(target, now, time));
  let atRiskAt: Date | null = null;
  const threshold = sla.atRisk ? evaluateRaw(sla.atRisk, context) : null;
  if (!isNothing(threshold)) {
    atRiskAt = read('at-risk threshold', sla.atRisk!.source, () => {
      const share = typeof threshold === 'string' ? SHARE.exec(threshold) : null;
      if (!share) return resolveDueDate(threshold, now, time);
      const fraction = Number(share[1]) / 100;
      if (time.calendar) return addWorkingMillis(time.calendar, now, fraction * workingMillisBetween(time.calendar, now, breachAt));
      return new Date(now.getTime() + fraction * Math.max(0, breachAt.getTime() - now.getTime()));
    });
  }
  const arm = (purpose: TimerPurpose, dueAt: Date | null, moment: 'atRisk' | 'breach') => {
    if (!dueAt || !sla.actions.some((a) => a.when === moment)) return;
    const id = rt.env.newId();
    rt.env.effects.timers.push({
      id, instanceId: rt.env.instance.id, definitionId: rt.env.instance.definitionId, activityInstanceId: execution.id, elementId: node.id,
      dueAt, cycle: null, state: 'scheduled', createdAt: now, firedAt: null, purpose, taskId,
    });
    execution.waits!.timers.push(id);
  };
  arm('sla:atRisk', atRiskAt, 'atRisk');
  arm('sla:breach', breachAt, 'breach');
  return { slaAtRiskAt: atRiskAt, slaBreachAt: breachAt };
}
