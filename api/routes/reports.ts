/**
 * Reports for managers (issue 13): per process and version over a period in
 * buckets of a time zone, per user task element with the trend, per employee
 * and group, the workload with bulk reassignment, the heat map of a
 * version's diagram, and the instances or tasks behind every figure. Every
 * figure is aggregated by PostgreSQL (db/reports).
 */
import * as z from 'zod';
import {
  AGE_BANDS, groupReport, heatMap, instancesBehind, peopleReport, previousPeriod, processReport, processSummary, taskElementReport, tasksBehind, workload,
} from '../../db/index.js';
import { NotFoundError } from '../../engine/index.js';
import { route, page, paged, queryDate, uuidParam, type Route, type Services } from '../http/route.js';
import { periodQuery, resolvePeriod } from './reportPeriod.js';
import * as shapes from './reportShapes.js';

const keyParam = z.object({ key: z.string().min(1).max(200) });

/** The absolute bounds of a period: local midnights in its zone. */
async function bounds(services: Services, period: { from: string; to: string; timeZone: string }): Promise<{ from: Date; to: Date }> {
  const { rows } = await services.knex.raw('select (?::date)::timestamp at time zone ? as starts, (?::date + 1)::timestamp at time zone ? as ends', [period.from, period.timeZone, period.to, period.timeZone]);
  return { from: rows[0].starts, to: rows[0].ends };
}

/** The versions of a process key, newest first; a 404 for a key never deployed. */
async function definitionOf(services: Services, key: string): Promise<{ key: string; name: string | null; versions: { id: string; version: number }[] }> {
  const rows: { id: string; version: number; name: string | null }[] = await services.knex('process_definitions').select('id', 'version', 'name').where({ key }).orderBy('version', 'desc');
  if (!rows.length) throw new NotFoundError('process', key);
  return { key, name: rows[0].name, versions: rows.map((r) => ({ id: r.id, version: r.version })) };
}

export const reportRoutes: Route[] = [
  route({
    method: 'get', path: '/api/reports/processes', tag: 'Reports', permission: 'reports:read',
    summary: 'Every process (all versions) over a period: started, completed, cancelled, terminated, duration median and p90, share completed within SLA, open now',
    query: z.object(periodQuery),
    response: shapes.processSummary,
    handler: async ({ query, services }) => {
      const period = await resolvePeriod(query, services);
      const { from, to } = await bounds(services, period);
      return { now: services.clock.now(), period, periodStarts: from, periodEnds: to, items: await processSummary(services.knex, period) };
    },
  }),
  route({
    method: 'get', path: '/api/reports/processes/:key', tag: 'Reports', permission: 'reports:read',
    summary: 'One process (or one version: definitionId) over a period in day, week or month buckets of a time zone: started, ended, duration median and p90, share within SLA; open instances by age',
    params: keyParam, query: z.object({ definitionId: z.uuid().optional(), ...periodQuery }),
    response: shapes.processReport,
    handler: async ({ params, query, services }) => {
      const definition = await definitionOf(services, params.key);
      if (query.definitionId && !definition.versions.some((v) => v.id === query.definitionId)) throw new NotFoundError(`version of ${params.key}`, query.definitionId);
      const period = await resolvePeriod(query, services);
      const now = services.clock.now();
      const report = await processReport(services.knex, { definitionKey: params.key, definitionId: query.definitionId }, period, now);
      return { now, period, definition: { ...definition, definitionId: query.definitionId ?? null }, ...report, openByAge: report.openByAge.map((band, n) => ({ band: n, ...band })) };
    },
  }),
  route({
    method: 'get', path: '/api/reports/processes/:key/tasks', tag: 'Reports', permission: 'reports:read',
    summary: 'Per user task element of a process (or version) over a period: completed, waiting before claim and working time (median, p90), on-time rate, open and overdue now, and the period before',
    params: keyParam, query: z.object({ definitionId: z.uuid().optional(), ...periodQuery }),
    response: shapes.taskElements,
    handler: async ({ params, query, services }) => {
      await definitionOf(services, params.key);
      const period = await resolvePeriod(query, services);
      const now = services.clock.now();
      const [current, previous] = [await bounds(services, period), await bounds(services, previousPeriod(period))];
      const items = await taskElementReport(services.knex, { definitionKey: params.key, definitionId: query.definitionId }, period, now);
      return { now, period, from: current.from, to: current.to, previousFrom: previous.from, previousTo: previous.to, items };
    },
  }),
  route({
    method: 'get', path: '/api/reports/people', tag: 'Reports', permission: 'reports:read',
    summary: 'Per employee and per group over a period (optionally one process, one group): completed, open now, overdue now, on-time rate, handling time median and p90',
    query: z.object({ definitionKey: z.string().max(200).optional(), group: z.string().max(200).optional(), ...periodQuery }),
    response: shapes.people,
    handler: async ({ query, services }) => {
      const period = await resolvePeriod(query, services);
      const now = services.clock.now();
      const filter = { definitionKey: query.definitionKey, group: query.group };
      const { from, to } = await bounds(services, period);
      return { now, period, from, to, people: await peopleReport(services.knex, period, now, filter), groups: await groupReport(services.knex, period, now, filter) };
    },
  }),
  route({
    method: 'get', path: '/api/reports/workload', tag: 'Reports', permission: 'reports:read',
    summary: 'Open tasks and their deadlines per person (of a group), most loaded first; the groups to choose from',
    query: z.object({ group: z.string().max(200).optional(), perPerson: z.coerce.number().int().min(1).max(500).default(100) }),
    response: shapes.workload,
    handler: async ({ query, services }) => {
      const now = services.clock.now();
      const groups = await services.knex('groups').select('id', 'name').orderBy('name');
      return { now, groups, people: await workload(services.knex, now, { group: query.group, perPerson: query.perPerson }) };
    },
  }),
  route({
    method: 'post', path: '/api/reports/workload/reassign', tag: 'Reports', permission: 'tasks:manage',
    summary: 'Hands several open tasks to a colleague ({userId}) or each to the least-loaded member of a group ({leastLoadedIn}); all in one transaction, or none',
    body: z.object({
      taskIds: z.array(z.uuid()).min(1).max(200),
      to: z.union([z.object({ userId: z.string().min(1) }).strict(), z.object({ leastLoadedIn: z.string().min(1) }).strict()]),
    }),
    response: shapes.reassigned,
    handler: async ({ body, user, services }) => ({ moves: await services.engine.reassignTasks({ taskIds: body.taskIds, to: body.to, actor: user.id }) }),
  }),
  route({
    method: 'get', path: '/api/reports/heat-map/:id', tag: 'Reports', permission: 'reports:read',
    summary: 'Per element of a process version: median and p90 time of the tokens that completed it in the period, and the tokens waiting there now',
    params: uuidParam, query: z.object(periodQuery),
    response: shapes.heatMap,
    handler: async ({ params, query, services }) => {
      const definition = await services.knex('process_definitions').select('id', 'key', 'version', 'name').where({ id: params.id }).first();
      if (!definition) throw new NotFoundError('process definition', params.id);
      const period = await resolvePeriod(query, services);
      const { from, to } = await bounds(services, period);
      return { now: services.clock.now(), period, from, to, definition, elements: await heatMap(services.knex, params.id, from, to) };
    },
  }),
  route({
    method: 'get', path: '/api/reports/instances', tag: 'Reports', permission: 'reports:read',
    summary: 'The instances behind a figure: started, completed, cancelled or terminated in [from, to), completed within or past their SLA, open in an age band at a moment, or (heat map) whose token completed an element in [from, to) or waits there now',
    query: z.object({
      definitionKey: z.string().min(1).max(200), definitionId: z.uuid().optional(),
      figure: z.enum(['started', 'completed', 'cancelled', 'terminated', 'withinSla', 'breachedSla', 'open', 'passedElement', 'atElement']),
      elementId: z.string().max(200).optional(),
      from: queryDate.optional(), to: queryDate.optional(), ageBand: z.coerce.number().int().min(0).max(AGE_BANDS.length - 1).optional(), at: queryDate.optional(),
      ...page,
    }).refine((q) => q.figure === 'open' || q.figure === 'atElement' || (q.from && q.to), { message: 'from and to are needed for every figure but open and atElement' })
      .refine((q) => !['passedElement', 'atElement'].includes(q.figure) || q.elementId, { message: 'the heat map\'s figures need elementId' }),
    response: shapes.instancesBehind,
    handler: async ({ query, services }) => {
      const result = await instancesBehind(services.knex, { ...query, at: query.at ?? services.clock.now() });
      return paged(result, query.limit, query.offset);
    },
  }),
  route({
    method: 'get', path: '/api/reports/tasks', tag: 'Reports', permission: 'reports:read',
    summary: 'The tasks behind a task figure: of a process, version, element, person or group; completed (on time, late) in [from, to), open, overdue or queued now',
    query: z.object({
      definitionKey: z.string().max(200).optional(), definitionId: z.uuid().optional(), elementId: z.string().max(200).optional(),
      userId: z.string().max(200).optional(), group: z.string().max(200).optional(),
      figure: z.enum(['completed', 'onTime', 'late', 'open', 'overdue', 'queued']),
      from: queryDate.optional(), to: queryDate.optional(),
      ...page,
    }).refine((q) => !['completed', 'onTime', 'late'].includes(q.figure) || (q.from && q.to), { message: 'from and to are needed for completed, onTime and late' })
      .refine((q) => q.figure !== 'queued' || q.group, { message: 'queued tasks are those of a group: give group' }),
    response: shapes.tasksBehind,
    handler: async ({ query, services }) => {
      const now = services.clock.now();
      const result = await tasksBehind(services.knex, { ...query, now });
      return { ...paged(result, query.limit, query.offset), now };
    },
  }),
];
