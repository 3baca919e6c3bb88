/** The customer view: mails sent and held (the outbox), the timeline of a business key, SLA counts for monitoring. */
import * as z from 'zod';
import { route, page, paged, queryInt, type Route } from '../http/route.js';

export const customerRoutes: Route[] = [
  route({
    method: 'get', path: '/api/customers/:businessKey/timeline', tag: 'Customers', permission: 'customers:read',
    summary: 'Everything about one customer (business key) across processes, in time order: instances, tasks, messages, notifications, mails',
    params: z.object({ businessKey: z.string().min(1).max(200) }), query: z.object({ limit: queryInt(1, 5000).default(500) }),
    handler: async ({ params, query, services }) => ({ businessKey: params.businessKey, items: await services.engine.timeline(params.businessKey, query.limit) }),
  }),
  route({
    method: 'get', path: '/api/emails', tag: 'Mail', permission: 'mail:read',
    summary: 'Mails sent, waiting in the outbox (no SMTP configured) or failed; newest first',
    query: z.object({ state: z.enum(['sent', 'outbox', 'failed']).optional(), businessKey: z.string().optional(), instanceId: z.uuid().optional(), ...page }),
    handler: async ({ query, services }) => paged(await services.engine.listEmails(query), query.limit, query.offset),
  }),
  route({
    method: 'get', path: '/api/monitoring/sla', tag: 'Operations', permission: 'instances:read', summary: 'Open tasks per process key by SLA state: on time, at risk, breached',
    handler: async ({ services }) => ({ at: services.clock.now(), definitions: await services.engine.slaCounts() }),
  }),
];
