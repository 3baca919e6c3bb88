/** Every mail sent or held (the outbox), and the addresses of users and groups. */
import type { EmailFilter, EmailRecord, Page } from '../../engine/index.js';
import { page, rowMapper, type Db } from './rows.js';

/** Row mapping of `emails`. */
export const emailRows = rowMapper<EmailRecord>([]);

/** Stores a mail. */
export async function insertEmail(db: Db, email: EmailRecord): Promise<void> {
  await db('emails').insert(emailRows.toRow(email));
}

/** The mail sent for an `email` job, if any. */
export async function emailForJob(db: Db, jobId: string): Promise<EmailRecord | undefined> {
  const row = await db('emails').where({ job_id: jobId }).first();
  return row ? emailRows.fromRow(row) : undefined;
}

/** Mails by state, business key or instance, newest first. */
export async function listEmails(db: Db, filter: EmailFilter): Promise<Page<EmailRecord>> {
  let query = db('emails').select('*');
  if (filter.state) query = query.where({ state: filter.state });
  if (filter.businessKey) query = query.where({ business_key: filter.businessKey });
  if (filter.instanceId) query = query.where({ instance_id: filter.instanceId });
  return page(query, (row) => emailRows.fromRow(row), [['created_at', 'desc'], ['id', 'asc']], filter.limit, filter.offset);
}

/** Email addresses of users that have one. */
export async function emailsOf(db: Db, users: string[]): Promise<Record<string, string>> {
  if (users.length === 0) return {};
  const rows = await db('users').select('id', 'email').whereIn('id', users).whereNotNull('email');
  return Object.fromEntries(rows.map((r: { id: string; email: string }) => [r.id, r.email]));
}

/** Which of `ids` are groups. */
export async function groupsAmong(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  return (await db('groups').select('id').whereIn('id', ids)).map((r: { id: string }) => r.id);
}
