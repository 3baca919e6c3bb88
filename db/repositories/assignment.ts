/**
 * What fair assignment reads and writes inside the step's own transaction:
 * group members, which users exist and who manages them, the open-task
 * loads of candidates (under per-user locks, so concurrent steps choose one
 * after another), and the round-robin position of a task element.
 */
import type { Db } from './rows.js';

/** User ids of the members of `groups` (deduplicated, sorted); disabled accounts are left out. */
export async function membersOf(db: Db, groups: string[]): Promise<string[]> {
  if (groups.length === 0) return [];
  const enabled = db('users').select('id').whereNull('disabled_at');
  return (await db('memberships').distinct('user_id').whereIn('group_id', groups).whereIn('user_id', enabled).orderBy('user_id')).map((r: { user_id: string }) => r.user_id);
}

/** Of `users`, those that are not users. */
export async function unknownUsers(db: Db, users: string[]): Promise<string[]> {
  if (users.length === 0) return [];
  const found = new Set((await db('users').select('id').whereIn('id', users)).map((r: { id: string }) => r.id));
  return users.filter((u) => !found.has(u));
}

/** The manager of each of `users` (null when none is recorded). */
export async function managersOf(db: Db, users: string[]): Promise<Record<string, string | null>> {
  if (users.length === 0) return {};
  const rows = await db('users').select('id', 'manager_id').whereIn('id', users);
  return Object.fromEntries(rows.map((r: { id: string; manager_id: string | null }) => [r.id, r.manager_id]));
}

/**
 * Open tasks per user among `users`, after taking a transaction-scoped
 * advisory lock per user (in sorted order, so two steps never wait for each
 * other in a circle). A step that chose among the same people before us has
 * committed its task by the time we count: the count sees it.
 */
export async function assignmentLoads(db: Db, users: string[]): Promise<Record<string, number>> {
  if (users.length === 0) return {};
  const sorted = [...new Set(users)].sort();
  await db.raw("select count(pg_advisory_xact_lock(k)) from (select hashtextextended('lifeline-assignee:' || u, 0) as k from unnest(?::text[]) as u order by u) as locks", [sorted]);
  const rows = await db('user_tasks').select('assignee').count<{ assignee: string; count: number }[]>('* as count').where({ state: 'created' }).whereIn('assignee', sorted).groupBy('assignee');
  const loads: Record<string, number> = Object.fromEntries(sorted.map((u) => [u, 0]));
  for (const row of rows) loads[row.assignee] = Number(row.count);
  return loads;
}

/** The last assignee of a round-robin rotation, with its row locked until commit (created when new). */
export async function lockRotation(db: Db, key: string): Promise<string | null> {
  await db('assignment_rotations').insert({ key, last_assignee: null }).onConflict('key').ignore();
  const row = await db('assignment_rotations').select('last_assignee').where({ key }).forUpdate().first();
  return row?.last_assignee ?? null;
}

/** Records who got the last task of a rotation. */
export async function saveRotation(db: Db, key: string, assignee: string): Promise<void> {
  await db('assignment_rotations').where({ key }).update({ last_assignee: assignee });
}
