/** Process instances: start, look, cancel, set variables, repair. */
import * as z from 'zod';
import { ValidationError, parseDuration, addDuration } from '../../engine/index.js';
import { route, page, paged, queryBool, queryDate, uuidParam, variables, type Route } from '../http/route.js';

const startBody = z.object({ businessKey: z.string().max(200).optional(), variables: variables.optional() });

/** "Stuck longer than PT4H": active and unchanged since now minus the duration. */
export function stuckSince(duration: string, now: Date): Date {
  let d;
  try {
    d = parseDuration(duration);
  } catch (e) {
    throw new ValidationError(`stuckFor: ${(e as Error).message}`);
  }
  const later = addDuration(now, d);
  return new Date(now.getTime() - (later.getTime() - now.getTime()));
}

export const instanceRoutes: Route[] = [
  route({
    method: 'post', path: '/api/process-definitions/:key/start', tag: 'Instances', permission: 'instances:start', status: 201,
    summary: 'Start an instance of the latest version of a process key',
    params: z.object({ key: z.string().min(1) }), body: startBody,
    handler: ({ params, body, user, services }) => services.engine.startInstance({ definitionKey: params.key, businessKey: body.businessKey, variables: body.variables, actor: user.id }),
  }),
  route({
    method: 'post', path: '/api/process-instances', tag: 'Instances', permission: 'instances:start', status: 201,
    summary: 'Start an instance by process key (latest version) or exact definition id',
    body: startBody.extend({ definitionKey: z.string().min(1).optional(), definitionId: z.uuid().optional() }).refine((b) => Boolean(b.definitionKey) !== Boolean(b.definitionId), { message: 'give exactly one of definitionKey and definitionId' }),
    handler: ({ body, user, services }) => services.engine.startInstance({ ...body, actor: user.id }),
  }),
  route({
    method: 'get', path: '/api/process-instances', tag: 'Instances', permission: 'instances:read',
    summary: 'List instances: by definition, state, business key, start time, incidents, waiting element, stuck longer than a duration',
    query: z.object({
      definitionKey: z.string().optional(), definitionId: z.uuid().optional(),
      state: z.enum(['active', 'completed', 'terminated', 'cancelled']).optional(),
      businessKey: z.string().optional(), startedBefore: queryDate.optional(), startedAfter: queryDate.optional(),
      hasIncident: queryBool.optional(), activeElement: z.string().optional(), stuckFor: z.string().optional(), parentInstanceId: z.uuid().optional(),
      ...page,
    }),
    handler: async ({ query, services }) => {
      const { stuckFor, ...filter } = query;
      const result = await services.engine.listInstances({ ...filter, ...(stuckFor ? { updatedBefore: stuckSince(stuckFor, services.clock.now()) } : {}) });
      return paged({ items: result.items.map(({ snapshot: _s, ...rest }) => rest), total: result.total }, query.limit, query.offset);
    },
  }),
  route({
    method: 'get', path: '/api/process-instances/:id', tag: 'Instances', permission: 'instances:read',
    summary: 'One instance with its active elements, variables, tasks, timers, jobs, incidents and history',
    params: uuidParam,
    handler: async ({ params, services }) => {
      const { snapshot: _s, ...details } = await services.engine.getInstance(params.id);
      return { ...details, history: await services.engine.history(params.id) };
    },
  }),
  route({
    method: 'get', path: '/api/process-instances/:id/history', tag: 'Instances', permission: 'instances:read', summary: 'The history of an instance, in order',
    params: uuidParam,
    handler: async ({ params, services }) => {
      await services.engine.getInstance(params.id);
      return { items: await services.engine.history(params.id) };
    },
  }),
  route({
    method: 'post', path: '/api/process-instances/:id/cancel', tag: 'Instances', permission: 'instances:repair', summary: 'Cancel an instance (and the instances it called)',
    params: uuidParam,
    handler: async ({ params, user, services }) => {
      const { snapshot: _s, ...rest } = await services.engine.cancelInstance(params.id, user.id);
      return rest;
    },
  }),
  route({
    method: 'put', path: '/api/process-instances/:id/variables', tag: 'Instances', permission: 'instances:repair', summary: 'Set process variables',
    params: uuidParam, body: z.object({ variables }),
    handler: async ({ params, body, user, services }) => {
      const { snapshot: _s, ...rest } = await services.engine.setVariables(params.id, body.variables, user.id);
      return rest;
    },
  }),
  route({
    method: 'post', path: '/api/process-instances/:id/modify', tag: 'Instances', permission: 'instances:repair',
    summary: 'Repair: cancel tokens in elements and/or start tokens before elements',
    params: uuidParam,
    body: z.object({ activate: z.array(z.object({ elementId: z.string().min(1) })).default([]), cancel: z.array(z.object({ elementId: z.string().min(1) })).default([]), variables: variables.optional() }),
    handler: async ({ params, body, user, services }) => {
      if (!body.activate.length && !body.cancel.length) throw new ValidationError('modify needs at least one element to activate or cancel');
      const { snapshot: _s, ...rest } = await services.engine.modifyInstance(params.id, { ...body, actor: user.id });
      return rest;
    },
  }),
];
