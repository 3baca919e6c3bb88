/** Business calendars: everyone who plans work reads them; admins define them. */
import * as z from 'zod';
import { route, type Route } from '../http/route.js';

const nameParam = z.object({ name: z.string().min(1).max(63) });
const hhmm = z.string().regex(/^\d{2}:\d{2}$/, 'a time HH:MM');

const calendarBody = z.object({
  timeZone: z.string().min(1),
  workingDays: z.array(z.number().int()).min(1),
  workingHours: z.object({ start: hhmm, end: hhmm }),
  holidays: z.array(z.string()).default([]),
  isDefault: z.boolean().default(false),
});

export const calendarRoutes: Route[] = [
  route({
    method: 'get', path: '/api/calendars', tag: 'Calendars', permission: 'calendars:read', summary: 'List business calendars (working days and hours, holidays, time zone; one is the default)',
    handler: async ({ services }) => {
      const items = await services.engine.listCalendars();
      return { items, total: items.length, limit: items.length, offset: 0 };
    },
  }),
  route({
    method: 'get', path: '/api/calendars/:name', tag: 'Calendars', permission: 'calendars:read', summary: 'One business calendar',
    params: nameParam,
    handler: ({ params, services }) => services.engine.getCalendar(params.name),
  }),
  route({
    method: 'put', path: '/api/calendars/:name', tag: 'Calendars', permission: 'calendars:manage', summary: 'Create or replace a business calendar (admins); isDefault makes it the default',
    params: nameParam, body: calendarBody,
    handler: ({ params, body, user, services }) => {
      const { isDefault, ...definition } = body;
      return services.engine.saveCalendar({ name: params.name, definition, isDefault, actor: user.id });
    },
  }),
  route({
    method: 'delete', path: '/api/calendars/:name', tag: 'Calendars', permission: 'calendars:manage', status: 204, summary: 'Delete a business calendar (admins); models bound to it raise incidents until it exists again',
    params: nameParam,
    handler: async ({ params, services }) => {
      await services.engine.deleteCalendar(params.name);
      return undefined;
    },
  }),
];
