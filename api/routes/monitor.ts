/**
 * The manager's monitor: counts per definition version, the filtered
 * instance list, and one page per instance and per definition. Repairs go
 * through the existing routes (incidents, variables, modify, cancel, assign).
 */
import * as z from 'zod';
import { definitionCounts, listInstanceRows, taskPeople } from '../../db/index.js';
import { route, page, paged, queryBool, queryDate, uuidParam, type Route } from '../http/route.js';
import { stuckSince } from './instances.js';
import { definitionView, instanceView } from './monitorViews.js';
import * as shapes from './monitorShapes.js';

/** "No step for longer than" as an ISO 8601 duration; a day unless the manager says otherwise. */
const stuckFor = z.string().min(2).max(40).default('P1D');

export const monitorRoutes: Route[] = [
  route({
    method: 'get', path: '/api/monitor/overview', tag: 'Monitor', permission: 'instances:read',
    summary: 'Per definition version: running, completed, cancelled, terminated, with incidents, stuck (no step for longer than stuckFor), with overdue tasks, holding a task whose SLA is at risk or breached',
    query: z.object({ stuckFor }),
    response: shapes.overview,
    handler: async ({ query, services }) => {
      const now = services.clock.now();
      const stuckBefore = stuckSince(query.stuckFor, now);
      return { now, stuckFor: query.stuckFor, stuckBefore, definitions: await definitionCounts(services.knex, { now, stuckBefore }) };
    },
  }),
  route({
    method: 'get', path: '/api/monitor/instances', tag: 'Monitor', permission: 'instances:read',
    summary: 'Instances by the overview\'s filters (incidents, stuck, overdue tasks, SLA at risk or breached), a business-key search, started between; newest first, paginated',
    query: z.object({
      definitionKey: z.string().optional(), definitionId: z.uuid().optional(), state: z.enum(['active', 'completed', 'terminated', 'cancelled']).optional(),
      incidents: queryBool.optional(), stuckFor: z.string().min(2).max(40).optional(), overdue: queryBool.optional(),
      sla: z.enum(['at_risk', 'breached']).optional().describe('Only instances holding an open task whose SLA is in this state'),
      businessKey: z.string().max(200).optional(), startedAfter: queryDate.optional(), startedBefore: queryDate.optional(),
      ...page,
    }),
    response: shapes.instanceList,
    handler: async ({ query, services }) => {
      const now = services.clock.now();
      const { incidents, stuckFor: stuck, overdue, ...filter } = query;
      const result = await listInstanceRows(services.knex, {
        ...filter, withIncidents: incidents, withOverdueTasks: overdue, ...(stuck ? { stuckBefore: stuckSince(stuck, now) } : {}),
      }, now);
      return { ...paged(result, query.limit, query.offset), now };
    },
  }),
  route({
    method: 'get', path: '/api/monitor/instances/:id', tag: 'Monitor', permission: 'instances:read',
    summary: 'One instance for the monitor: state, variables, tasks, timers, jobs, subscriptions, incidents, history, per-element token counts, names of the people involved',
    params: uuidParam,
    response: shapes.instanceView,
    handler: ({ params, services }) => instanceView(services, params.id),
  }),
  route({
    method: 'get', path: '/api/monitor/definitions/:id', tag: 'Monitor', permission: 'instances:read',
    summary: 'One definition version for the monitor: deploy-time metadata, every version of its key with counts, token counts across its running instances',
    params: uuidParam, query: z.object({ stuckFor }),
    response: shapes.definitionView,
    handler: ({ params, query, services }) => definitionView(services, params.id, query.stuckFor),
  }),
  route({
    method: 'get', path: '/api/monitor/people', tag: 'Monitor', permission: 'tasks:manage',
    summary: 'The people a manager may hand a task to (employees, managers, admins), with their groups',
    response: shapes.people,
    handler: async ({ services }) => ({ items: await taskPeople(services.knex) }),
  }),
];
