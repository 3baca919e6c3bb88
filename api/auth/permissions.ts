/**
 * Who may do what: ONE table from permission to roles. Every route names
 * one permission (or `public`); the authorization matrix test is generated
 * from this table and the route list.
 */
import type { Role } from '../../db/index.js';

export type ApiRole = Role | 'worker';

export const PERMISSIONS = {
  'definitions:read': ['designer', 'employee', 'manager', 'admin'],
  'definitions:deploy': ['designer', 'admin'],
  'instances:start': ['designer', 'employee', 'manager', 'admin'],
  'instances:read': ['designer', 'manager', 'admin'],
  'instances:repair': ['manager', 'admin'],
  'tasks:work': ['employee', 'manager', 'admin'],
  'tasks:manage': ['manager', 'admin'],
  'messages:publish': ['manager', 'admin', 'worker'],
  'jobs:work': ['worker', 'admin'],
  'incidents:manage': ['manager', 'admin'],
  'identity:manage': ['admin'],
  'tokens:own': ['designer', 'employee', 'manager', 'admin', 'worker'],
  self: ['designer', 'employee', 'manager', 'admin', 'worker'],
  'calendars:read': ['designer', 'employee', 'manager', 'admin'],
  'calendars:manage': ['admin'],
  'customers:read': ['designer', 'employee', 'manager', 'admin'],
  'mail:read': ['manager', 'admin'],
  'rehearsals:run': ['designer', 'manager', 'admin'],
  'reports:read': ['manager', 'admin'],
} as const satisfies Record<string, readonly ApiRole[]>;

export type Permission = keyof typeof PERMISSIONS | 'public';

export const API_ROLES: ApiRole[] = ['designer', 'employee', 'manager', 'admin', 'worker'];

export function allows(permission: Permission, roles: readonly string[]): boolean {
  if (permission === 'public') return true;
  const allowed = PERMISSIONS[permission] as readonly string[];
  return roles.some((r) => allowed.includes(r));
}
