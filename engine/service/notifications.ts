/**
 * In-app notifications, written in the step's own transaction: one per
 * recipient user (groups resolve to their members). Each starts with its
 * email copy pending; the built-in email worker sends it, or leaves it in
 * the outbox when no SMTP server is configured.
 */
import type { NotificationRecord, UserTaskRecord } from '../store/records.js';
import type { EngineContext, TxScope } from './EngineContext.js';

/** What a notification says and what it is about. */
export interface NotificationContent {
  type: string;
  title: string;
  body: string;
  instanceId?: string | null;
  taskId?: string | null;
  elementId?: string | null;
  businessKey?: string | null;
}

/** Who to notify: users, and members of groups. */
export interface Recipients {
  users?: string[];
  groups?: string[];
}

/** The user ids `recipients` stand for, deduplicated. */
export async function resolveRecipients(ctx: EngineContext, scope: TxScope, recipients: Recipients): Promise<string[]> {
  const members = recipients.groups?.length ? await ctx.people(scope).membersOf(recipients.groups) : [];
  return [...new Set([...(recipients.users ?? []), ...members])].filter((u) => u.trim() !== '').sort();
}

/** One notification record per user. */
export function notificationsFor(ctx: EngineContext, scope: TxScope, users: string[], content: NotificationContent): NotificationRecord[] {
  return users.map((userId) => ({
    id: ctx.newId(),
    userId,
    type: content.type,
    title: content.title,
    body: content.body,
    instanceId: content.instanceId ?? null,
    taskId: content.taskId ?? null,
    elementId: content.elementId ?? null,
    businessKey: content.businessKey ?? null,
    createdAt: scope.now,
    readAt: null,
    emailState: 'pending',
  }));
}

/** How a task is named in a notification: its name and the customer it is for. */
export function taskLabel(task: Pick<UserTaskRecord, 'name' | 'elementId' | 'businessKey'>): string {
  return `${task.name ?? task.elementId}${task.businessKey ? ` (${task.businessKey})` : ''}`;
}

/** The notification a new assignee gets. */
export function assignmentNotice(task: UserTaskRecord): NotificationContent {
  const due = task.dueAt ? ` It is due ${task.dueAt.toISOString()}.` : '';
  return {
    type: 'task.assigned',
    title: `New task: ${taskLabel(task)}`,
    body: `You have been assigned the task "${task.name ?? task.elementId}"${task.businessKey ? ` for ${task.businessKey}` : ''}.${due}`,
    instanceId: task.instanceId, taskId: task.id, elementId: task.elementId, businessKey: task.businessKey,
  };
}
