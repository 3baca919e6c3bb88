/**
 * Who is who, for the monitor: names to show for the ids in history and on
 * tasks, and the people a manager may hand a task to.
 */
import type { Knex } from 'knex';

/** Someone a task can go to. */
export interface Person {
  id: string;
  displayName: string;
  groups: string[];
}

/** Display names of the given user ids (ids that are no user are left out). */
export async function displayNames(db: Knex, ids: string[]): Promise<Record<string, string>> {
  const wanted = [...new Set(ids.filter(Boolean))];
  if (!wanted.length) return {};
  const rows: { id: string; display_name: string }[] = await db('users').select('id', 'display_name').whereIn('id', wanted);
  return Object.fromEntries(rows.map((row) => [row.id, row.display_name]));
}

/** Everyone who can work on tasks (employees, managers, admins; not disabled accounts), by name, with their groups. */
export async function taskPeople(db: Knex): Promise<Person[]> {
  const rows: { id: string; display_name: string; groups: string[] }[] = await db('users as u')
    .select('u.id', 'u.display_name', db.raw("coalesce(array_agg(m.group_id order by m.group_id) filter (where m.group_id is not null), '{}') as groups"))
    .leftJoin('memberships as m', 'm.user_id', 'u.id')
    .whereRaw("u.roles && array['employee', 'manager', 'admin']::text[]")
    .whereNull('u.disabled_at')
    .groupBy('u.id')
    .orderBy('u.display_name');
  return rows.map((row) => ({ id: row.id, displayName: row.display_name, groups: row.groups }));
}
