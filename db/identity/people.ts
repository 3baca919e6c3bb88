/**
 * People as colleagues see them: the colleagues a task can be handed to,
 * and whether an account is disabled. Plain functions over knex, like
 * users.ts. (Display names for history lines: db/monitoring/people.ts.)
 */
import type { Knex } from 'knex';

/** A colleague a task can go to: enabled, and working tasks (employee, manager or admin). */
export interface Colleague {
  id: string;
  displayName: string;
  groups: string[];
}

/** Colleagues whose id or name contains `search` (any case), members of `group` if given; by name, at most `limit`. */
export async function colleagues(db: Knex, filter: { search?: string; group?: string; limit: number }): Promise<Colleague[]> {
  let query = db('users as u')
    .select('u.id', 'u.display_name', db.raw("coalesce(array_agg(m.group_id order by m.group_id) filter (where m.group_id is not null), '{}') as groups"))
    .leftJoin('memberships as m', 'm.user_id', 'u.id')
    .whereNull('u.disabled_at')
    .whereRaw("u.roles && array['employee', 'manager', 'admin']::text[]")
    .groupBy('u.id')
    .orderBy([{ column: 'u.display_name' }, { column: 'u.id' }])
    .limit(filter.limit);
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((q) => q.whereILike('u.id', pattern).orWhereILike('u.display_name', pattern));
  }
  if (filter.group) query = query.whereExists((q) => q.select(db.raw('1')).from('memberships as g').whereRaw('g.user_id = u.id').andWhere('g.group_id', filter.group!));
  const rows = await query;
  return rows.map((r: { id: string; display_name: string; groups: string[] }) => ({ id: r.id, displayName: r.display_name, groups: r.groups }));
}

/** Disables (at `at`, keeping an earlier moment) or enables (null) an account; false when there is no such user. */
export async function setDisabled(db: Knex, id: string, at: Date | null): Promise<boolean> {
  return (await db('users').where({ id }).update({ disabled_at: at === null ? null : db.raw('coalesce(disabled_at, ?)', [at]) })) === 1;
}

/** When the account was disabled, or null while it is enabled (undefined: no such user). */
export async function disabledAt(db: Knex, id: string): Promise<Date | null | undefined> {
  const row = await db('users').select('disabled_at').where({ id }).first();
  return row ? row.disabled_at : undefined;
}

/** Ends every browser session of a user (their account was disabled). */
export async function endSessions(db: Knex, userId: string): Promise<number> {
  return db('sessions').where({ user_id: userId }).delete();
}
