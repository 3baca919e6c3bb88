/** Everyone's own inbox: notifications (assignments, SLA warnings and breaches, messages), unread count, mark read. */
import * as z from 'zod';
import { route, page, paged, queryBool, type Route } from '../http/route.js';

export const notificationRoutes: Route[] = [
  route({
    method: 'get', path: '/api/notifications', tag: 'Notifications', permission: 'self', summary: 'My notifications, newest first, with the unread count',
    query: z.object({ unread: queryBool.optional(), ...page }),
    handler: async ({ query, user, services }) => {
      const result = await services.engine.listNotifications({ userId: user.id, unread: query.unread, limit: query.limit, offset: query.offset });
      return { ...paged(result, query.limit, query.offset), unread: result.unread };
    },
  }),
  route({
    method: 'post', path: '/api/notifications/read', tag: 'Notifications', permission: 'self', summary: 'Mark my notifications read: the ones given, or all',
    body: z.object({ ids: z.array(z.uuid()).max(1000).optional() }),
    handler: async ({ body, user, services }) => ({ marked: await services.engine.markNotificationsRead(user.id, body.ids) }),
  }),
];
