/** The in-app inbox: notifications per user, and the queue of their email copies (claimed with SKIP LOCKED). */
import type { NotificationFilter, NotificationRecord, Page } from '../../engine/index.js';
import { page, rowMapper, type Db } from './rows.js';

/** Row mapping of `notifications` (the email bookkeeping columns stay in the database). */
export const notificationRows = rowMapper<NotificationRecord>([]);

const COLUMNS = ['id', 'user_id', 'type', 'title', 'body', 'instance_id', 'task_id', 'element_id', 'business_key', 'created_at', 'read_at', 'email_state'];

/** A user's notifications, newest first, with the total and the unread count. */
export async function listNotifications(db: Db, filter: NotificationFilter): Promise<Page<NotificationRecord> & { unread: number }> {
  let query = db('notifications').select(COLUMNS).where({ user_id: filter.userId });
  if (filter.unread) query = query.whereNull('read_at');
  const [{ count }] = await db('notifications').count<{ count: number }[]>('* as count').where({ user_id: filter.userId }).whereNull('read_at');
  const result = await page(query, (row) => notificationRows.fromRow(row), [['created_at', 'desc'], ['id', 'asc']], filter.limit, filter.offset);
  return { ...result, unread: Number(count) };
}

/** Marks a user's notifications read (all unread ones without ids); how many changed. */
export async function markNotificationsRead(db: Db, userId: string, ids: string[] | undefined, at: Date): Promise<number> {
  let query = db('notifications').where({ user_id: userId }).whereNull('read_at');
  if (ids) query = query.whereIn('id', ids);
  return query.update({ read_at: at });
}

/** Claims notifications whose email copy is pending and due, oldest first, skipping rows other workers hold. */
export async function claimNotificationEmails(db: Db, max: number, now: Date): Promise<(NotificationRecord & { emailAttempts: number })[]> {
  const rows = await db('notifications')
    .select([...COLUMNS, 'email_attempts'])
    .where({ email_state: 'pending' })
    .andWhere((q) => q.whereNull('email_next_at').orWhere('email_next_at', '<=', now))
    .orderBy('created_at')
    .limit(max)
    .forUpdate()
    .skipLocked();
  return rows.map((row) => notificationRows.fromRow(row) as NotificationRecord & { emailAttempts: number });
}

/** Records what became of a notification's email copy, or when to try again. */
export async function settleNotificationEmail(db: Db, id: string, patch: { emailState: NotificationRecord['emailState']; error?: string | null; nextAt?: Date | null; attempts?: number }): Promise<void> {
  await db('notifications').where({ id }).update({
    email_state: patch.emailState,
    ...(patch.error !== undefined ? { email_error: patch.error } : {}),
    ...(patch.nextAt !== undefined ? { email_next_at: patch.nextAt } : {}),
    ...(patch.attempts !== undefined ? { email_attempts: patch.attempts } : {}),
  });
}
