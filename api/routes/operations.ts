/** Operations for managers: incidents and monitoring counts. */
import * as z from 'zod';
import { route, page, paged, uuidParam, type Route } from '../http/route.js';

export const operationRoutes: Route[] = [
  route({
    method: 'get', path: '/api/incidents', tag: 'Operations', permission: 'incidents:manage', summary: 'List incidents',
    query: z.object({ state: z.enum(['open', 'resolved']).default('open'), instanceId: z.uuid().optional(), definitionKey: z.string().optional(), ...page }),
    handler: async ({ query, services }) => paged(await services.engine.listIncidents(query), query.limit, query.offset),
  }),
  route({
    method: 'post', path: '/api/incidents/:id/retry', tag: 'Operations', permission: 'incidents:manage', status: 204, summary: 'Retry what failed (a job gets retries again)',
    params: uuidParam, body: z.object({ retries: z.number().int().min(1).max(100).optional() }),
    handler: async ({ params, body, user, services }) => {
      await services.engine.retryIncident(params.id, { retries: body.retries, actor: user.id });
      return undefined;
    },
  }),
  route({
    method: 'post', path: '/api/incidents/:id/resolve', tag: 'Operations', permission: 'incidents:manage', status: 204, summary: 'Mark an incident resolved without retrying',
    params: uuidParam,
    handler: async ({ params, user, services }) => {
      await services.engine.resolveIncident(params.id, user.id);
      return undefined;
    },
  }),
  route({
    method: 'get', path: '/api/process-definitions/key/:key/element-counts', tag: 'Operations', permission: 'instances:read',
    summary: 'Per element: instances waiting there, open incidents, overdue tasks (for diagram overlays)',
    params: z.object({ key: z.string().min(1) }),
    handler: async ({ params, services }) => ({ elements: await services.engine.elementCounts(params.key) }),
  }),
];
