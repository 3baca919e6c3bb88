/**
 * What the browser app asks before anyone has logged in: whether a session
 * exists (always 200, so an anonymous visit logs no failed request in the
 * browser console), and the demo users, only while demo data is on
 * (DEMO_DATA=true, the default of `npm start`); otherwise that route
 * answers 404, so a real installation tells nobody its user names.
 */
import * as z from 'zod';
import { NotFoundError } from '../../engine/index.js';
import { route, type Route } from '../http/route.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../seed.js';

const demoUsers = z.object({
  password: z.string(),
  users: z.array(z.object({ id: z.string(), displayName: z.string(), roles: z.array(z.string()) })),
});
const sessionUser = z.object({ id: z.string(), displayName: z.string(), roles: z.array(z.string()), groups: z.array(z.string()) });

export const loginPageRoutes: Route[] = [
  route({
    method: 'get', path: '/api/auth/session', tag: 'Identity', permission: 'public', response: z.object({ user: sessionUser.nullable() }),
    summary: 'The current session user, or null when nobody is logged in (never 401)',
    handler: async ({ user }) => ({ user: user ? { id: user.id, displayName: user.displayName, roles: user.roles, groups: user.groups } : null }),
  }),
  route({
    method: 'get', path: '/api/auth/demo-users', tag: 'Identity', permission: 'public', response: demoUsers,
    summary: 'The demo users and their password (only while demo data is on; 404 otherwise)',
    handler: async ({ services }) => {
      if (!services.config.demoData) throw new NotFoundError('route', 'GET /api/auth/demo-users');
      return { password: DEMO_PASSWORD, users: DEMO_USERS.map((u) => ({ id: u.id, displayName: u.displayName, roles: [...u.roles] })) };
    },
  }),
];
