/**
 * Assignment of new user tasks, inside the step's own transaction:
 * - an assignee that is not a user raises an incident on the task's element
 *   and leaves the task to its candidates, instead of an invisible task;
 * - `leastLoaded`: the candidate (candidate users plus members of candidate
 *   groups) with the fewest open tasks gets it; the loads are read under
 *   per-user locks, so steps choosing among the same people at the same
 *   moment choose one after another and spread the work;
 * - `roundRobin`: the next candidate after the one who got the element's
 *   last task, in user id order.
 * Ties go to the user id that sorts first. Each choice is a history line
 * with the loads (or the rotation) it saw.
 */
import type { HistoryEventRecord, IncidentRecord, InstanceRecord, UserTaskRecord } from '../store/records.js';
import type { Effects } from '../store/Store.js';
import type { ProcessModel } from '../runtime/ProcessModel.js';
import type { EngineContext, TxScope } from './EngineContext.js';
import { historyNote } from './history.js';
import { assignmentNotice, notificationsFor } from './notifications.js';

/** One choice: who, and what it was based on (for the history line). */
export interface AssignmentChoice {
  assignee: string;
  data: Record<string, unknown>;
}

/** The candidates of a task: candidate users and members of candidate groups, sorted. */
export async function candidatesOf(ctx: EngineContext, scope: TxScope, groups: string[], users: string[]): Promise<string[]> {
  const members = groups.length ? await ctx.people(scope).membersOf(groups) : [];
  return [...new Set([...users, ...members])].sort();
}

/**
 * Chooses an assignee among `candidates` by `strategy`; `pending` counts
 * tasks already given to people earlier in this same step (not yet written).
 */
export async function chooseAssignee(scope: TxScope, strategy: string, rotationKey: string, candidates: string[], pending: Map<string, number> = new Map()): Promise<AssignmentChoice | undefined> {
  if (candidates.length === 0) return undefined;
  if (strategy === 'roundRobin') {
    const previous = await scope.tx.lockRotation(rotationKey);
    const assignee = candidates.find((c) => previous === null || c > previous) ?? candidates[0];
    await scope.tx.saveRotation(rotationKey, assignee);
    return { assignee, data: { strategy, previous, candidates } };
  }
  const stored = await scope.tx.assignmentLoads(candidates);
  const loads: Record<string, number> = {};
  for (const user of candidates) loads[user] = (stored[user] ?? 0) + (pending.get(user) ?? 0);
  let assignee = candidates[0];
  for (const user of candidates) if (loads[user] < loads[assignee]) assignee = user;
  return { assignee, data: { strategy, loads } };
}

function unknownAssigneeIncident(ctx: EngineContext, scope: TxScope, instance: InstanceRecord, task: UserTaskRecord, assignee: string): IncidentRecord {
  const offered = [...task.candidateGroups.map((g) => `group ${g}`), ...task.candidateUsers].join(', ');
  return {
    id: ctx.newId(), instanceId: instance.id, activityInstanceId: task.activityInstanceId, elementId: task.elementId, definitionKey: instance.definitionKey,
    type: 'unknown_assignee', jobId: null, taskId: task.id, state: 'open', createdAt: scope.now, resolvedAt: null,
    message: `${task.elementId}: assignee '${assignee}' is not a user; the task waits unassigned${offered ? ` for ${offered}` : ' for anyone'} until it is assigned (or the variable is fixed and the incident retried)`,
  };
}

/** Checks explicit assignees and applies assignment strategies to the tasks a step created, before they are written. */
export async function assignNewTasks(ctx: EngineContext, scope: TxScope, instance: InstanceRecord, model: ProcessModel, effects: Effects): Promise<void> {
  const people = ctx.people(scope);
  const named = [...new Set(effects.tasks.map((t) => t.assignee).filter((a): a is string => a !== null))];
  const unknown = new Set(named.length && people.unknownUsers ? await people.unknownUsers(named) : []);
  const pending = new Map<string, number>();
  const history: HistoryEventRecord[] = [];
  for (const task of effects.tasks) {
    if (task.assignee && unknown.has(task.assignee)) {
      const incident = unknownAssigneeIncident(ctx, scope, instance, task, task.assignee);
      effects.incidents.push(incident);
      history.push(historyNote(instance.id, scope.now, 'incident.created', task.elementId, { type: 'unknown_assignee', taskId: task.id, assignee: task.assignee }));
      task.assignee = null;
      continue;
    }
    if (task.assignee) continue;
    const strategy = model.node(task.elementId).lifeline?.assignmentStrategy;
    if (!strategy) continue;
    const candidates = await candidatesOf(ctx, scope, task.candidateGroups, task.candidateUsers);
    const choice = await chooseAssignee(scope, strategy, `${instance.definitionKey}/${task.elementId}`, candidates, pending);
    if (!choice) continue;
    task.assignee = choice.assignee;
    task.claimedAt = task.createdAt;
    pending.set(choice.assignee, (pending.get(choice.assignee) ?? 0) + 1);
    history.push(historyNote(instance.id, scope.now, 'task.assigned', task.elementId, { taskId: task.id, assignee: choice.assignee, ...choice.data }));
  }
  effects.history.push(...history);
  for (const task of effects.tasks) {
    if (task.assignee) effects.notifications.push(...notificationsFor(ctx, scope, [task.assignee], assignmentNotice(task)));
  }
}
