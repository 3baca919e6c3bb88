/**
 * What the built-in email worker needs from the engine besides the job
 * API: who recipients are (addresses, users, groups), the outbox of mails,
 * and the queue of notification email copies.
 */
import { ValidationError } from '../errors/LifelineError.js';
import type { EmailRecord, NotificationRecord } from '../store/records.js';
import { emptyEffects } from '../store/Store.js';
import type { EngineContext } from './EngineContext.js';
import { notificationsFor, type NotificationContent } from './notifications.js';
import { writeEffects } from './steps.js';

/** Recipients resolved: addresses to mail, and the staff users among them (who also get an inbox entry). */
export interface ResolvedRecipients {
  addresses: string[];
  /** Users named directly or as group members, with their address when they have one. */
  users: { id: string; email: string | null }[];
}

const ADDRESS = /^[^\s@,;]+@[^\s@,;]+$/;

/**
 * Resolves a recipient list ("ann, department-heads, customer@example.com"):
 * an address is itself, a user id is that user's address, a group is its
 * members' addresses. Anything else is a ValidationError naming it.
 */
export async function resolveMailRecipients(ctx: EngineContext, list: string | string[]): Promise<ResolvedRecipients> {
  const tokens = (Array.isArray(list) ? list : list.split(/[,;]/)).map((t) => t.trim()).filter(Boolean);
  if (tokens.length === 0) throw new ValidationError('a mail needs at least one recipient');
  return ctx.transaction(async ({ tx }) => {
    const addresses = tokens.filter((t) => ADDRESS.test(t));
    const names = tokens.filter((t) => !ADDRESS.test(t));
    const groups = await tx.groupsAmong(names);
    const users = names.filter((n) => !groups.includes(n));
    const unknown = await tx.unknownUsers(users);
    if (unknown.length) throw new ValidationError(`recipient${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `'${u}'`).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} neither an email address, a user nor a group`, { unknown });
    const everyone = [...new Set([...users, ...(await tx.membersOf(groups))])].sort();
    const emails = await tx.emailsOf(everyone);
    return {
      addresses: [...new Set([...addresses, ...everyone.map((u) => emails[u]).filter((e): e is string => Boolean(e))])],
      users: everyone.map((id) => ({ id, email: emails[id] ?? null })),
    };
  });
}

/** Stores a mail (sent, held in the outbox or failed) and, for staff recipients, an inbox entry each. */
export async function recordEmail(ctx: EngineContext, email: EmailRecord, staff: string[] = [], notice?: NotificationContent): Promise<void> {
  await ctx.transaction(async (scope) => {
    await scope.tx.insertEmail(email);
    if (staff.length && notice) {
      const notifications = notificationsFor(ctx, scope, staff, notice).map((n) => ({ ...n, emailState: email.state === 'sent' ? ('sent' as const) : email.state === 'outbox' ? ('outbox' as const) : ('failed' as const) }));
      await writeEffects(scope, { ...emptyEffects(), notifications });
    }
  });
}

/** The mail already sent for an `email` job, if any. */
export function emailForJob(ctx: EngineContext, jobId: string): Promise<EmailRecord | undefined> {
  return ctx.transaction(({ tx }) => tx.emailForJob(jobId));
}

/** Claims notifications whose email copy is due, with their recipient's address. */
export async function claimNotificationEmails(ctx: EngineContext, max: number): Promise<{ notification: NotificationRecord; email: string | null; attempts: number }[]> {
  return ctx.transaction(async ({ tx, now }) => {
    const claimed = await tx.claimNotificationEmails(max, now);
    if (claimed.length === 0) return [];
    const emails = await tx.emailsOf([...new Set(claimed.map((n) => n.userId))]);
    // claimed for a minute: another worker skips them meanwhile
    for (const n of claimed) await tx.settleNotificationEmail(n.id, { emailState: 'pending', nextAt: new Date(now.getTime() + 60_000) });
    return claimed.map(({ emailAttempts, ...notification }) => ({ notification, email: emails[notification.userId] ?? null, attempts: emailAttempts }));
  });
}

/** Records the outcome of a notification's email copy (and the mail itself, when one was sent or held). */
export async function settleNotificationEmail(ctx: EngineContext, id: string, outcome: { emailState: NotificationRecord['emailState']; error?: string | null; retryAt?: Date | null; attempts?: number }, email?: EmailRecord): Promise<void> {
  await ctx.transaction(async ({ tx }) => {
    if (email) await tx.insertEmail(email);
    await tx.settleNotificationEmail(id, { emailState: outcome.emailState, error: outcome.error, nextAt: outcome.retryAt, attempts: outcome.attempts });
  });
}
