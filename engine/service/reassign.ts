/**
 * A manager hands several open tasks on at once (the reports' workload
 * view): to one colleague, or each to the least-loaded member of a group
 * other than its current assignee. ONE transaction for the whole batch:
 * every task is checked first (open, and a user to give it to), so either
 * all move or none does. Instances are locked in id order, so two batches
 * never wait for each other in a circle; the loads are read under the same
 * per-user locks as least-loaded assignment of new tasks, after the batch's
 * earlier moves are written, so they count them. Each move is a `task.assigned` history
 * line with the manager as actor (and the loads seen), and a notification
 * to the new assignee.
 */
import { ConflictError, NotFoundError, ValidationError } from '../errors/LifelineError.js';
import type { UserTaskRecord } from '../store/records.js';
import type { EngineContext } from './EngineContext.js';
import { candidatesOf, chooseAssignee } from './assignment.js';
import { setAssignee } from './tasks.js';

/** Who gets the tasks: one user, or the least loaded of a group's members (each task to the least loaded at that moment). */
export type ReassignTarget = { userId: string } | { leastLoadedIn: string };

export interface ReassignCommand {
  taskIds: string[];
  to: ReassignTarget;
  actor: string | null;
}

/** One task moved: from whom to whom. */
export interface Reassignment {
  taskId: string;
  from: string | null;
  to: string;
}

/** Reassigns every task of the command, or none (a task not open, an unknown user, nobody in the group: an error naming it). */
export async function reassignTasks(ctx: EngineContext, command: ReassignCommand): Promise<Reassignment[]> {
  const ids = [...new Set(command.taskIds)];
  if (ids.length === 0) throw new ValidationError('no tasks to reassign');
  return ctx.transaction(async (scope) => {
    const instanceIds = new Set<string>();
    for (const id of ids) {
      const task = await scope.tx.getTask(id);
      if (!task) throw new NotFoundError('task', id);
      instanceIds.add(task.instanceId);
    }
    for (const instanceId of [...instanceIds].sort()) await scope.tx.lockInstance(instanceId);
    const tasks: UserTaskRecord[] = [];
    for (const id of ids) {
      const task = await scope.tx.getTask(id);
      if (!task || task.state !== 'created') throw new ConflictError(`task ${id} is ${task?.state ?? 'gone'}: nothing was reassigned`, { taskId: id, state: task?.state ?? null });
      tasks.push(task);
    }
    const people = ctx.people(scope);
    const moves: Reassignment[] = [];
    if ('userId' in command.to) {
      const unknown = await people.unknownUsers?.([command.to.userId]);
      if (unknown?.length) throw new ValidationError(`'${command.to.userId}' is not a user: tasks can only be assigned to a user`, { assignee: command.to.userId });
      for (const task of tasks) {
        await setAssignee(ctx, scope, task, command.to.userId, command.actor, { previous: task.assignee, bulk: true });
        moves.push({ taskId: task.id, from: task.assignee, to: command.to.userId });
      }
      return moves;
    }
    const group = command.to.leastLoadedIn;
    const members = await candidatesOf(ctx, scope, [group], []);
    for (const task of tasks) {
      const candidates = members.filter((m) => m !== task.assignee);
      if (candidates.length === 0) throw new ValidationError(`group '${group}' has no member to take task ${task.id} from ${task.assignee ?? 'nobody'}`, { group, taskId: task.id });
      // each move is written before the next choice, so the loads read count the tasks this batch already handed out
      const choice = (await chooseAssignee(scope, 'leastLoaded', `reassign/${group}`, candidates))!;
      await setAssignee(ctx, scope, task, choice.assignee, command.actor, { ...choice.data, group, previous: task.assignee, bulk: true });
      moves.push({ taskId: task.id, from: task.assignee, to: choice.assignee });
    }
    return moves;
  });
}
