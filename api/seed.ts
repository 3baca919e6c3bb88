/**
 * Demo data for `npm start`: one user per role (password `demo`), the
 * people of the shipped processes' stories (with email addresses and
 * managers), the groups they use, the default business calendar, and the
 * processes in processes/.
 * Idempotent: existing users and identical models are left as they are.
 */
import { readFile, readdir } from 'node:fs/promises';
import type { Knex } from 'knex';
import type { Engine } from '../engine/index.js';
import { hashPassword, users, type Role } from '../db/index.js';

export const DEMO_PASSWORD = 'demo';

/** The demo users (all with DEMO_PASSWORD); the login page lists them when demo data is on. */
export const DEMO_USERS: { id: string; displayName: string; roles: (Role | 'worker')[]; groups: string[]; email?: string; manager?: string }[] = [
  { id: 'admin', displayName: 'Ada Admin', roles: ['admin'], groups: [], email: 'ada.admin@lifeline.example' },
  { id: 'designer', displayName: 'Dana Designer', roles: ['designer'], groups: [], email: 'dana.designer@lifeline.example' },
  { id: 'manager', displayName: 'Max Manager', roles: ['manager'], groups: ['department-heads'], email: 'max.manager@lifeline.example' },
  { id: 'employee', displayName: 'Erin Employee', roles: ['employee'], groups: ['support', 'sales'], email: 'erin.employee@lifeline.example', manager: 'manager' },
  { id: 'specialist', displayName: 'Sam Specialist', roles: ['employee'], groups: ['support', 'support-specialists'], email: 'sam.specialist@lifeline.example', manager: 'manager' },
  { id: 'worker', displayName: 'Walt Worker', roles: ['worker'], groups: [] },
  // the people of the shipped processes' stories (issue 7)
  { id: 'sofia', displayName: 'Sofia Second-Line', roles: ['employee'], groups: ['support', 'support-specialists'], email: 'sofia.secondline@lifeline.example', manager: 'manager' },
  { id: 'sven', displayName: 'Sven Second-Line', roles: ['employee'], groups: ['support', 'support-specialists'], email: 'sven.secondline@lifeline.example', manager: 'manager' },
  { id: 'paula', displayName: 'Paula Production', roles: ['manager'], groups: ['production-managers'], email: 'paula.production@lifeline.example' },
  { id: 'sarah', displayName: 'Sarah Sales', roles: ['employee'], groups: ['sales'], email: 'sarah.sales@lifeline.example', manager: 'manager' },
  { id: 'alex', displayName: 'Alex Account', roles: ['employee'], groups: ['sales', 'account-managers'], email: 'alex.account@lifeline.example', manager: 'manager' },
  { id: 'eve', displayName: 'Eve Events', roles: ['employee'], groups: ['events'], email: 'eve.events@lifeline.example', manager: 'manager' },
  { id: 'mark', displayName: 'Mark Marketing', roles: ['employee'], groups: ['marketing'], email: 'mark.marketing@lifeline.example', manager: 'manager' },
  { id: 'fiona', displayName: 'Fiona Finance', roles: ['employee'], groups: ['finance'], email: 'fiona.finance@lifeline.example', manager: 'manager' },
];

/** The default business calendar the shipped processes count working days on (German public holidays 2026 and 2027). */
const DEMO_CALENDAR = {
  name: 'office',
  definition: {
    timeZone: 'Europe/Berlin',
    workingDays: [1, 2, 3, 4, 5],
    workingHours: { start: '09:00', end: '17:00' },
    holidays: [
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-14', '2026-05-25', '2026-10-03', '2026-12-25', '2026-12-26',
      '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-01', '2027-05-06', '2027-05-17', '2027-10-03', '2027-12-25', '2027-12-26',
    ],
  },
};

const DEMO_GROUPS = [
  { id: 'sales', name: 'Sales' },
  { id: 'support', name: 'Support' },
  { id: 'support-specialists', name: 'Support specialists' },
  { id: 'department-heads', name: 'Department heads' },
  { id: 'production-managers', name: 'Production managers' },
  { id: 'account-managers', name: 'Account managers' },
  { id: 'events', name: 'Events' },
  { id: 'marketing', name: 'Marketing' },
  { id: 'finance', name: 'Finance' },
];

export async function seedDemo(knex: Knex, engine: Engine, now: Date): Promise<{ users: string[]; definitions: string[] }> {
  for (const group of DEMO_GROUPS) await users.upsertGroup(knex, group);
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const user of DEMO_USERS) {
    const existing = await users.getUser(knex, user.id);
    if (!existing) await users.insertUser(knex, { ...user, roles: user.roles as Role[], passwordHash: hash }, now);
    else if (!existing.email && user.email) await users.updateUser(knex, user.id, { email: user.email });
  }
  for (const user of DEMO_USERS) {
    if (user.manager) await knex('users').where({ id: user.id }).whereNull('manager_id').update({ manager_id: user.manager });
  }
  if (!(await engine.listCalendars()).some((c) => c.name === DEMO_CALENDAR.name)) {
    await engine.saveCalendar({ ...DEMO_CALENDAR, isDefault: !(await engine.listCalendars()).some((c) => c.isDefault), actor: 'admin' });
  }
  const folder = new URL('../processes/', import.meta.url);
  const files = (await readdir(folder)).sort();
  const read = (name: string) => readFile(new URL(name, folder), 'utf8');
  const result = await engine.deploy({
    name: 'demo processes',
    actor: 'designer',
    resources: await Promise.all(files.filter((f) => f.endsWith('.bpmn')).map(async (name) => ({ name, xml: await read(name) }))),
    forms: await Promise.all(files.filter((f) => f.endsWith('.form')).map(async (name) => ({ name, json: await read(name) }))),
  });
  return { users: DEMO_USERS.map((u) => u.id), definitions: result.definitions.map((d) => `${d.key} v${d.version}`) };
}
