/** The caller of a request, and the row-level rule for tasks. */
import type { UserTaskRecord } from '../../engine/index.js';

export interface AuthUser {
  id: string;
  displayName: string;
  roles: string[];
  groups: string[];
  via: 'session' | 'token';
  /** Set for API tokens: `worker` tokens act with the worker role only, whatever their owner's roles. */
  tokenScope?: 'user' | 'worker';
}

/** Managers and admins see every task; others see theirs and the ones they may claim. */
export function canSeeTask(user: AuthUser, task: Pick<UserTaskRecord, 'assignee' | 'candidateGroups' | 'candidateUsers'>): boolean {
  if (user.roles.includes('manager') || user.roles.includes('admin')) return true;
  if (task.assignee === user.id) return true;
  if (task.assignee) return false;
  return canWorkOn(user, task);
}

/** Whether the user may work on (claim, complete) the task now: theirs, or open to them (a task with no candidates is open to everyone). */
export function canWorkOn(user: AuthUser, task: Pick<UserTaskRecord, 'assignee' | 'candidateGroups' | 'candidateUsers'>): boolean {
  if (task.assignee) return task.assignee === user.id;
  return task.candidateUsers.includes(user.id) || task.candidateGroups.some((g) => user.groups.includes(g)) || (task.candidateUsers.length === 0 && task.candidateGroups.length === 0);
}

export function isManager(user: AuthUser): boolean {
  return user.roles.includes('manager') || user.roles.includes('admin');
}
