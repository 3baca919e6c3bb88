/**
 * User task commands that need more than a field update: assigning (the
 * new assignee must be a user when the engine knows its users; it resolves
 * an open unknown-assignee incident), and retrying an unknown-assignee
 * incident (the assignee expression is evaluated again with the instance's
 * variables as they are now).
 */
import { ConflictError, NotFoundError, ValidationError } from '../errors/LifelineError.js';
import { evaluateString } from '../expressions/feel.js';
import type { IncidentRecord, UserTaskRecord } from '../store/records.js';
import { emptyEffects } from '../store/Store.js';
import type { EngineContext, TxScope } from './EngineContext.js';
import { historyNote } from './history.js';
import { stepInTx, writeEffects } from './steps.js';
import { assignmentNotice, notificationsFor } from './notifications.js';

async function openTask(scope: TxScope, id: string): Promise<UserTaskRecord> {
  const task = await scope.tx.getTask(id);
  if (!task) throw new NotFoundError('task', id);
  if (task.state !== 'created') throw new ConflictError(`task ${id} is ${task.state}`, { taskId: id, state: task.state });
  return task;
}

async function refuseUnknown(ctx: EngineContext, scope: TxScope, assignee: string): Promise<void> {
  const unknown = await ctx.people(scope).unknownUsers?.([assignee]);
  if (unknown?.length) throw new ValidationError(`'${assignee}' is not a user: a task can only be assigned to a user`, { assignee });
}

/** Writes a new assignee on an open task (under the instance lock), with its history line, incident resolution and the assignee's notification. */
export async function setAssignee(ctx: EngineContext, scope: TxScope, task: UserTaskRecord, assignee: string | null, actor: string | null, data: Record<string, unknown> = {}, candidates: Partial<Pick<UserTaskRecord, 'candidateGroups' | 'candidateUsers'>> = {}): Promise<UserTaskRecord> {
  const patch = { assignee, claimedAt: assignee ? scope.now : null, ...candidates };
  await scope.tx.updateOpenTask(task.id, patch);
  const effects = emptyEffects();
  if (assignee && assignee !== actor) effects.notifications.push(...notificationsFor(ctx, scope, [assignee], assignmentNotice({ ...task, ...patch })));
  effects.history.push(historyNote(task.instanceId, scope.now, 'task.assigned', task.elementId, { taskId: task.id, assignee, ...data }, actor));
  const incident = assignee ? await scope.tx.getIncidentForTask(task.id) : undefined;
  if (incident) {
    effects.resolveIncidents.push(incident.id);
    effects.history.push(historyNote(task.instanceId, scope.now, 'incident.resolved', task.elementId, { incidentId: incident.id, type: incident.type }, actor));
  }
  await writeEffects(scope, effects);
  return { ...task, ...patch };
}

/** Assigns (or with null unassigns) an open task. */
export async function assignTask(ctx: EngineContext, id: string, assignee: string | null, actor: string | null): Promise<UserTaskRecord> {
  return ctx.transaction(async (scope) => {
    await scope.tx.lockInstance((await openTask(scope, id)).instanceId);
    const task = await openTask(scope, id);
    if (assignee) await refuseUnknown(ctx, scope, assignee);
    return setAssignee(ctx, scope, task, assignee, actor);
  });
}

/** Retries an unknown-assignee incident: evaluates the assignee again; a conflict when it still names nobody. */
export async function retryUnknownAssignee(ctx: EngineContext, scope: TxScope, incident: IncidentRecord, actor: string | null): Promise<void> {
  const task = await openTask(scope, incident.taskId!);
  let assignee: string | null = null;
  await stepInTx(ctx, scope, incident.instanceId, actor, (rt) => {
    const execution = rt.index.get(task.activityInstanceId);
    const expr = rt.model.node(task.elementId).userTask?.assignee;
    if (!execution || !expr) return;
    const value = evaluateString(expr, rt.context(execution), `${task.elementId} assignee`).trim();
    assignee = value === '' ? null : value;
  });
  if (!assignee) throw new ConflictError(`${task.elementId}: the assignee expression gives no one now; assign the task instead`, { taskId: task.id });
  const unknown = await ctx.people(scope).unknownUsers?.([assignee]);
  if (unknown?.length) throw new ConflictError(`${task.elementId}: assignee '${assignee}' is still not a user; fix the variable or assign the task`, { taskId: task.id, assignee });
  await setAssignee(ctx, scope, task, assignee, actor, { retried: true });
}
