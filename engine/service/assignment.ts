/**
 * Assignment strategies from the `lifeline:` extension, applied to new user
 * tasks before they are written. `leastLoaded`: the candidate (candidate
 * users plus members of candidate groups) with the fewest open tasks gets
 * the task; ties go to the user id that sorts first, so the choice is stable.
 */
import type { UserTaskRecord } from '../store/records.js';
import type { ProcessModel } from '../runtime/ProcessModel.js';
import type { EngineContext } from './EngineContext.js';

export async function applyAssignmentStrategies(ctx: EngineContext, model: ProcessModel, tasks: UserTaskRecord[]): Promise<void> {
  for (const task of tasks) {
    if (task.assignee) continue;
    const strategy = model.node(task.elementId).lifeline?.assignmentStrategy;
    if (strategy !== 'leastLoaded') continue;
    const members = task.candidateGroups.length ? await ctx.directory.membersOf(task.candidateGroups) : [];
    const candidates = [...new Set([...task.candidateUsers, ...members])].sort();
    if (candidates.length === 0) continue;
    const counts = await ctx.store.openTaskCounts(candidates);
    let best = candidates[0];
    for (const user of candidates) if ((counts[user] ?? 0) < (counts[best] ?? 0)) best = user;
    task.assignee = best;
    task.claimedAt = task.createdAt;
  }
}
