/** Users and groups (with memberships): the identity tables, plain functions over knex. */
import type { Knex } from 'knex';

export type Role = 'designer' | 'employee' | 'manager' | 'admin' | 'worker';
export const ROLES: Role[] = ['designer', 'employee', 'manager', 'admin', 'worker'];

export interface User {
  id: string;
  displayName: string;
  email: string | null;
  roles: Role[];
  groups: string[];
  createdAt: Date;
  /** Set while the account is disabled: no login, no sessions or tokens, not chosen by assignment. */
  disabledAt: Date | null;
}

export interface Group {
  id: string;
  name: string;
  members: string[];
}

type Row = { id: string; display_name: string; email: string | null; roles: Role[]; created_at: Date; disabled_at: Date | null; groups: string[] | null };

/** The columns of a user row `u` with its groups: every read of a user selects these (credentials.ts too), and toUser maps them. */
export const USER_COLUMNS = `u.id, u.display_name, u.email, u.roles, u.created_at, u.disabled_at,
  coalesce(array(select m.group_id from memberships m where m.user_id = u.id order by m.group_id), '{}') as groups`;

const userQuery = (db: Knex) => db('users as u').select(db.raw(USER_COLUMNS));

/** A user as read from a row of users with its groups (credentials.ts reads such rows too). */
export const toUser = (row: Row): User => ({ id: row.id, displayName: row.display_name, email: row.email, roles: row.roles, groups: row.groups ?? [], createdAt: row.created_at, disabledAt: row.disabled_at ?? null });

export async function getUser(db: Knex, id: string): Promise<User | undefined> {
  const row = await userQuery(db).where('u.id', id).first();
  return row ? toUser(row) : undefined;
}

export async function passwordHashOf(db: Knex, id: string): Promise<string | undefined> {
  return (await db('users').select('password_hash').where({ id }).first())?.password_hash;
}

export async function listUsers(db: Knex, page: { limit: number; offset: number }): Promise<{ items: User[]; total: number }> {
  const [{ count }] = await db('users').count<{ count: number }[]>('* as count');
  const rows = await userQuery(db).orderBy('u.id').limit(page.limit).offset(page.offset);
  return { items: rows.map(toUser), total: Number(count) };
}

export async function insertUser(db: Knex, user: { id: string; displayName: string; email?: string | null; roles: Role[]; passwordHash: string; groups?: string[] }, now: Date): Promise<void> {
  await db.transaction(async (trx) => {
    await trx('users').insert({ id: user.id, display_name: user.displayName, email: user.email ?? null, roles: user.roles, password_hash: user.passwordHash, created_at: now });
    if (user.groups?.length) await trx('memberships').insert(user.groups.map((g) => ({ user_id: user.id, group_id: g })));
  });
}

export async function updateUser(db: Knex, id: string, patch: { displayName?: string; email?: string | null; roles?: Role[]; passwordHash?: string; groups?: string[] }): Promise<boolean> {
  return db.transaction(async (trx) => {
    const columns: Record<string, unknown> = {};
    if (patch.displayName !== undefined) columns.display_name = patch.displayName;
    if (patch.email !== undefined) columns.email = patch.email;
    if (patch.roles !== undefined) columns.roles = patch.roles;
    if (patch.passwordHash !== undefined) columns.password_hash = patch.passwordHash;
    const found = await trx('users').where({ id }).forUpdate().first();
    if (!found) return false;
    if (Object.keys(columns).length) await trx('users').where({ id }).update(columns);
    if (patch.groups) {
      await trx('memberships').where({ user_id: id }).delete();
      if (patch.groups.length) await trx('memberships').insert(patch.groups.map((g) => ({ user_id: id, group_id: g })));
    }
    return true;
  });
}

export async function deleteUser(db: Knex, id: string): Promise<boolean> {
  return (await db('users').where({ id }).delete()) === 1;
}

export async function listGroups(db: Knex): Promise<Group[]> {
  const rows = await db('groups as g')
    .select('g.id', 'g.name', db.raw("coalesce(array_agg(m.user_id order by m.user_id) filter (where m.user_id is not null), '{}') as members"))
    .leftJoin('memberships as m', 'm.group_id', 'g.id')
    .groupBy('g.id')
    .orderBy('g.id');
  return rows.map((r: { id: string; name: string; members: string[] }) => ({ id: r.id, name: r.name, members: r.members }));
}

export async function getGroup(db: Knex, id: string): Promise<Group | undefined> {
  const members = (await db('memberships').select('user_id').where({ group_id: id }).orderBy('user_id')).map((r: { user_id: string }) => r.user_id);
  const row = await db('groups').select('id', 'name').where({ id }).first();
  return row ? { id: row.id, name: row.name, members } : undefined;
}

/** Adds a user to a group; adding twice is harmless. */
export async function addMembership(db: Knex, groupId: string, userId: string): Promise<void> {
  await db('memberships').insert({ user_id: userId, group_id: groupId }).onConflict(['user_id', 'group_id']).ignore();
}

/** Removes a user from a group; false when they were not a member. */
export async function removeMembership(db: Knex, groupId: string, userId: string): Promise<boolean> {
  return (await db('memberships').where({ user_id: userId, group_id: groupId }).delete()) === 1;
}

export async function upsertGroup(db: Knex, group: { id: string; name: string }): Promise<void> {
  await db('groups').insert(group).onConflict('id').merge();
}

export async function deleteGroup(db: Knex, id: string): Promise<boolean> {
  return (await db('groups').where({ id }).delete()) === 1;
}

export async function groupExists(db: Knex, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = (await db('groups').select('id').whereIn('id', ids)).map((r: { id: string }) => r.id);
  return ids.filter((id) => !found.includes(id));
}

/** Members of groups: the engine's Directory for assignment strategies (disabled accounts are left out). */
export async function membersOf(db: Knex, groups: string[]): Promise<string[]> {
  if (groups.length === 0) return [];
  const enabled = db('users').select('id').whereNull('disabled_at');
  return (await db('memberships').distinct('user_id').whereIn('group_id', groups).whereIn('user_id', enabled).orderBy('user_id')).map((r: { user_id: string }) => r.user_id);
}
