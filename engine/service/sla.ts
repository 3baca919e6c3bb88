/**
 * An SLA moment of a user task came due (its timer fired): if the task is
 * still open, run the policy's actions for that moment in the timer's
 * transaction: raise escalations at the task (a boundary event or event
 * subprocess may catch them), notify users, groups, the assignee or the
 * assignee's manager, and reassign by strategy.
 */
import type { SlaAction, SlaMoment } from '../ir/types.js';
import { evaluateStringList } from '../expressions/feel.js';
import type { TimerRecord, UserTaskRecord } from '../store/records.js';
import { emptyEffects } from '../store/Store.js';
import type { EngineContext, TxScope } from './EngineContext.js';
import { candidatesOf, chooseAssignee } from './assignment.js';
import { notificationsFor, resolveRecipients, taskLabel, type NotificationContent } from './notifications.js';
import { stepInTx, writeEffects } from './steps.js';
import { setAssignee } from './tasks.js';

type Notify = Extract<SlaAction, { type: 'notify' }>;
type Reassign = Extract<SlaAction, { type: 'reassign' }>;

/** What the step evaluated for the actions that run after it. */
interface Evaluated {
  notify: { action: Notify; users: string[]; groups: string[] }[];
  reassign: { action: Reassign; groups?: string[]; users?: string[] }[];
}

function notice(moment: SlaMoment, task: UserTaskRecord): NotificationContent {
  const due = task.slaBreachAt ?? task.dueAt;
  return moment === 'atRisk'
    ? { type: 'sla.atRisk', title: `At risk: ${taskLabel(task)}`, body: `"${task.name ?? task.elementId}"${task.businessKey ? ` for ${task.businessKey}` : ''} is at risk of missing its SLA${due ? `, due ${due.toISOString()}` : ''}.` }
    : { type: 'sla.breached', title: `SLA breached: ${taskLabel(task)}`, body: `"${task.name ?? task.elementId}"${task.businessKey ? ` for ${task.businessKey}` : ''} has missed its SLA${due ? ` (due ${due.toISOString()})` : ''} and is still open${task.assignee ? ` with ${task.assignee}` : ''}.` };
}

/** Runs the SLA actions of `timer`'s moment; false when there was nothing to do (task closed, instance ended). */
export async function fireSlaCheck(ctx: EngineContext, scope: TxScope, timer: TimerRecord): Promise<boolean> {
  const { tx, now } = scope;
  const moment: SlaMoment = timer.purpose === 'sla:atRisk' ? 'atRisk' : 'breach';
  const task = timer.taskId ? await tx.getTask(timer.taskId) : undefined;
  if (!task || task.state !== 'created') return tx.markTimerFired(timer.id, now).then(() => false);
  const evaluated: Evaluated = { notify: [], reassign: [] };
  const stepped = await stepInTx(
    ctx, scope, task.instanceId, null,
    (rt) => {
      const execution = rt.index.get(task.activityInstanceId);
      if (!execution) return;
      const actions = (rt.model.node(task.elementId).lifeline?.sla?.actions ?? []).filter((a) => a.when === moment);
      const context = rt.context(execution);
      const list = (expr: Notify['users'], what: string) => (expr ? evaluateStringList(expr, context, `${task.elementId} SLA ${what}`) : undefined);
      rt.history(moment === 'atRisk' ? 'sla.atRisk' : 'sla.breached', execution, { taskId: task.id, breachAt: task.slaBreachAt?.toISOString() ?? null });
      for (const action of actions) {
        if (action.type === 'notify') evaluated.notify.push({ action, users: list(action.users, 'notify users') ?? [], groups: list(action.groups, 'notify groups') ?? [] });
        if (action.type === 'reassign') evaluated.reassign.push({ action, groups: list(action.candidateGroups, 'reassign candidate groups'), users: list(action.candidateUsers, 'reassign candidate users') });
      }
      for (const action of actions) {
        if (action.type !== 'escalate' || rt.index.get(execution.id) !== execution) continue;
        rt.history('escalation.thrown', execution, { code: action.escalationCode, sla: moment });
        rt.send(execution, { type: 'ESCALATION', code: action.escalationCode });
        rt.run();
      }
    },
    async () => tx.markTimerFired(timer.id, now),
    { skipEnded: true },
  );
  if (!stepped) {
    await tx.markTimerFired(timer.id, now);
    return false;
  }
  await notifyAll(ctx, scope, task, moment, evaluated.notify);
  for (const { action, groups, users } of evaluated.reassign) await reassign(ctx, scope, task, action, groups, users);
  return true;
}

async function notifyAll(ctx: EngineContext, scope: TxScope, task: UserTaskRecord, moment: SlaMoment, actions: Evaluated['notify']): Promise<void> {
  if (actions.length === 0) return;
  const people = ctx.people(scope);
  const users = new Set<string>();
  for (const { action, users: named, groups } of actions) {
    for (const user of await resolveRecipients(ctx, scope, { users: named, groups })) users.add(user);
    if (action.assignee) {
      if (task.assignee) users.add(task.assignee);
      else for (const user of await resolveRecipients(ctx, scope, { users: task.candidateUsers, groups: task.candidateGroups })) users.add(user);
    }
    if (action.manager && task.assignee) {
      const manager = (await people.managersOf?.([task.assignee]))?.[task.assignee];
      if (manager) users.add(manager);
    }
  }
  const content = { ...notice(moment, task), instanceId: task.instanceId, taskId: task.id, elementId: task.elementId, businessKey: task.businessKey };
  await writeEffects(scope, { ...emptyEffects(), notifications: notificationsFor(ctx, scope, [...users].sort(), content) });
}

async function reassign(ctx: EngineContext, scope: TxScope, before: UserTaskRecord, action: Reassign, groups: string[] | undefined, users: string[] | undefined): Promise<void> {
  const task = await scope.tx.getTask(before.id);
  if (!task || task.state !== 'created') return;
  const candidateGroups = groups ?? task.candidateGroups;
  const candidateUsers = users ?? task.candidateUsers;
  const everyone = await candidatesOf(ctx, scope, candidateGroups, candidateUsers);
  // someone other than the person who let it slip, when there is anyone else
  const others = everyone.filter((u) => u !== task.assignee);
  const choice = await chooseAssignee(scope, action.strategy, `${task.definitionKey}/${task.elementId}`, others.length ? others : everyone);
  const changedCandidates = { ...(groups ? { candidateGroups } : {}), ...(users ? { candidateUsers } : {}) };
  await setAssignee(ctx, scope, task, choice?.assignee ?? null, null, { ...(choice?.data ?? { strategy: action.strategy }), reason: 'sla.breached', previous: task.assignee }, changedCandidates);
}
