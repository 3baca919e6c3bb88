/**
 * Demo data for `npm start`: one user per role (password `demo`), the
 * groups the shipped processes use, and the processes in processes/.
 * Idempotent: existing users and identical models are left as they are.
 */
import { readFile, readdir } from 'node:fs/promises';
import type { Knex } from 'knex';
import type { Engine } from '../engine/index.js';
import { hashPassword, users, type Role } from '../db/index.js';

export const DEMO_PASSWORD = 'demo';

/** The demo users (all with DEMO_PASSWORD); the login page lists them when demo data is on. */
export const DEMO_USERS: { id: string; displayName: string; roles: (Role | 'worker')[]; groups: string[] }[] = [
  { id: 'admin', displayName: 'Ada Admin', roles: ['admin'], groups: [] },
  { id: 'designer', displayName: 'Dana Designer', roles: ['designer'], groups: [] },
  { id: 'manager', displayName: 'Max Manager', roles: ['manager'], groups: ['department-heads'] },
  { id: 'employee', displayName: 'Erin Employee', roles: ['employee'], groups: ['support', 'sales'] },
  { id: 'specialist', displayName: 'Sam Specialist', roles: ['employee'], groups: ['support', 'support-specialists'] },
  { id: 'worker', displayName: 'Walt Worker', roles: ['worker'], groups: [] },
];

const DEMO_GROUPS = [
  { id: 'sales', name: 'Sales' },
  { id: 'support', name: 'Support' },
  { id: 'support-specialists', name: 'Support specialists' },
  { id: 'department-heads', name: 'Department heads' },
];

export async function seedDemo(knex: Knex, engine: Engine, now: Date): Promise<{ users: string[]; definitions: string[] }> {
  for (const group of DEMO_GROUPS) await users.upsertGroup(knex, group);
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const user of DEMO_USERS) {
    if (!(await users.getUser(knex, user.id))) await users.insertUser(knex, { ...user, roles: user.roles as Role[], passwordHash: hash }, now);
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
