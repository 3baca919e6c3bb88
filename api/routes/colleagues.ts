/**
 * Colleagues for the task list's "delegate to…" picker: enabled users who
 * work tasks, found by part of their id or name. Employees may not list
 * users (admins do that at /api/users), so this answers only what a picker
 * shows: id, name and groups.
 */
import * as z from 'zod';
import { people } from '../../db/index.js';
import { route, queryInt, type Route } from '../http/route.js';
import { colleagueShape } from './identityShapes.js';

export const colleagueRoutes: Route[] = [
  route({
    method: 'get', path: '/api/colleagues', tag: 'Tasks', permission: 'tasks:work',
    summary: 'Colleagues a task can be handed to (enabled users who work tasks), by part of id or name, optionally in a group',
    query: z.object({ search: z.string().max(100).optional(), group: z.string().optional(), limit: queryInt(1, 100).default(20) }),
    response: z.object({ items: z.array(colleagueShape) }),
    handler: async ({ query, services }) => ({ items: await people.colleagues(services.knex, query) }),
  }),
];
