/**
 * Reading a rehearsal as live instances are read: instances with state,
 * variables and history, tasks (with their forms), jobs, timers still to
 * fire, incidents, per-element counts for the diagram, the whole history,
 * and the rehearsal's own outbox and inboxes. Everything carries the
 * instance's number in the rehearsal.
 */
import * as z from 'zod';
import { countsShape, emailList, historyList, incidentList, instanceList, jobList, notificationList, taskList, taskWithForm, timerList } from '../rehearsals/schemas.js';
import { route, page, paged, type Route } from '../http/route.js';
import { instanceView, numbered, taskView } from '../rehearsals/views.js';

const rehearsalParam = z.object({ id: z.uuid() });

export const rehearsalReadRoutes: Route[] = [
  route({
    method: 'get', path: '/api/rehearsals/:id/instances', response: instanceList, tag: 'Rehearsals', permission: 'rehearsals:run', summary: "The rehearsal's instances, newest first",
    params: rehearsalParam, query: z.object({ state: z.enum(['active', 'completed', 'terminated', 'cancelled']).optional(), definitionKey: z.string().optional(), ...page }),
    handler: async ({ params, query, services }) => {
      const { sandbox } = await services.rehearsals.sandbox(params.id);
      const result = await sandbox.engine.listInstances(query);
      return paged({ items: result.items.map((i) => instanceView(sandbox.session, i)), total: result.total }, query.limit, query.offset);
    },
  }),
  route({
    method: 'get', path: '/api/rehearsals/:id/instances/:instanceId', tag: 'Rehearsals', permission: 'rehearsals:run', summary: 'One instance of the rehearsal with its tasks, timers, jobs, incidents and history',
    params: z.object({ id: z.uuid(), instanceId: z.uuid() }),
    handler: async ({ params, services }) => {
      const { sandbox } = await services.rehearsals.sandbox(params.id);
      const { session, engine } = sandbox;
      const details = await engine.getInstance(params.instanceId);
      const now = sandbox.clock.now();
      return {
        ...instanceView(session, details),
        tasks: details.tasks.map((t) => taskView(session, t, now)),
        history: await engine.history(params.instanceId),
      };
    },
  }),
  route({
    method: 'get', path: '/api/rehearsals/:id/tasks', response: taskList, tag: 'Rehearsals', permission: 'rehearsals:run', summary: "The rehearsal's tasks (open ones by default), whoever they belong to",
    params: rehearsalParam,
    query: z.object({ state: z.enum(['created', 'completed', 'cancelled']).default('created'), assignee: z.string().optional(), instanceId: z.uuid().optional(), elementId: z.string().optional(), ...page }),
    handler: async ({ params, query, services }) => {
      const { sandbox } = await services.rehearsals.sandbox(params.id);
      const now = sandbox.clock.now();
      const result = await sandbox.engine.listTasks({ ...query, now, sort: 'created', order: 'asc' });
      return paged({ items: result.items.map((t) => taskView(sandbox.session, t, now)), total: result.total }, query.limit, query.offset);
    },
  }),
  route({
    method: 'get', path: '/api/rehearsals/:id/tasks/:taskId', response: taskWithForm, tag: 'Rehearsals', permission: 'rehearsals:run', summary: 'One task of the rehearsal with its form',
    params: z.object({ id: z.uuid(), taskId: z.uuid() }),
    handler: async ({ params, services }) => {
      const { sandbox } = await services.rehearsals.sandbox(params.id);
      const task = await sandbox.engine.getTask(params.taskId);
      const form = task.form ?? (task.formId ? (await sandbox.engine.getForm(task.formId)).schema : null);
      return { ...taskView(sandbox.session, task, sandbox.clock.now()), form };
    },
  }),
  route({
    method: 'get', path: '/api/rehearsals/:id/jobs', response: jobList, tag: 'Rehearsals', permission: 'rehearsals:run', summary: "The rehearsal's jobs (open ones: activatable or activated)",
    params: rehearsalParam, query: z.object({ state: z.enum(['activatable', 'activated', 'completed', 'failed', 'error_thrown', 'cancelled']).optional(), ...page }),
    handler: async ({ params, query, services }) => {
      const { sandbox } = await services.rehearsals.sandbox(params.id);
      const all = query.state ? [await sandbox.engine.listJobs(query)] : await Promise.all([sandbox.engine.listJobs({ ...query, state: 'activatable' }), sandbox.engine.listJobs({ ...query, state: 'activated' })]);
      const items = all.flatMap((p) => p.items).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      return paged({ items: items.map((j) => numbered(sandbox.session, j)), total: all.reduce((n, p) => n + p.total, 0) }, query.limit, query.offset);
    },
  }),
  route({
    method: 'get', path: '/api/rehearsals/:id/timers', response: timerList, tag: 'Rehearsals', permission: 'rehearsals:run', summary: 'Timers still to fire, earliest first',
    params: rehearsalParam,
    handler: async ({ params, services }) => {
      const { sandbox } = await services.rehearsals.sandbox(params.id);
      return { items: (await sandbox.probe.scheduledTimers(200)).map((t) => numbered(sandbox.session, t)) };
    },
  }),
  route({
    method: 'get', path: '/api/rehearsals/:id/incidents', response: incidentList, tag: 'Rehearsals', permission: 'rehearsals:run', summary: "The rehearsal's incidents",
    params: rehearsalParam, query: z.object({ state: z.enum(['open', 'resolved']).default('open'), ...page }),
    handler: async ({ params, query, services }) => {
      const { sandbox } = await services.rehearsals.sandbox(params.id);
      const result = await sandbox.engine.listIncidents(query);
      return paged({ items: result.items.map((i) => numbered(sandbox.session, i)), total: result.total }, query.limit, query.offset);
    },
  }),
  route({
    method: 'get', path: '/api/rehearsals/:id/element-counts', response: countsShape, tag: 'Rehearsals', permission: 'rehearsals:run',
    summary: 'Per element of a process (the rehearsed one by default): tokens waiting there, completions, open incidents, overdue tasks (for the diagram)',
    params: rehearsalParam, query: z.object({ definitionKey: z.string().optional() }),
    handler: async ({ params, query, services }) => {
      const { record, sandbox } = await services.rehearsals.sandbox(params.id);
      const key = query.definitionKey ?? record.processKey;
      const elements: Record<string, { active: number; incidents: number; overdue: number; completed: number }> = {};
      for (const [id, counts] of Object.entries(await sandbox.engine.elementCounts(key))) elements[id] = { ...counts, completed: 0 };
      for (const [id, n] of Object.entries(await sandbox.probe.completions(key))) (elements[id] ??= { active: 0, incidents: 0, overdue: 0, completed: 0 }).completed = n;
      return { definitionKey: key, elements };
    },
  }),
  route({
    method: 'get', path: '/api/rehearsals/:id/history', response: historyList, tag: 'Rehearsals', permission: 'rehearsals:run', summary: 'Everything that happened in the rehearsal, in order (the newest `limit` lines)',
    params: rehearsalParam, query: z.object({ limit: z.coerce.number().int().min(1).max(5000).default(500) }),
    handler: async ({ params, query, services }) => {
      const { sandbox } = await services.rehearsals.sandbox(params.id);
      const latest = await sandbox.probe.historySeq();
      const items = await sandbox.probe.historySince(Math.max(0, latest - query.limit));
      return { items: items.map((h) => numbered(sandbox.session, h)) };
    },
  }),
  route({
    method: 'get', path: '/api/rehearsals/:id/emails', response: emailList, tag: 'Rehearsals', permission: 'rehearsals:run', summary: "The rehearsal's outbox: every mail its processes and workers wrote (never sent)",
    params: rehearsalParam, query: z.object({ ...page }),
    handler: async ({ params, query, services }) => {
      const { sandbox } = await services.rehearsals.sandbox(params.id);
      const result = await sandbox.engine.listEmails(query);
      return paged({ items: result.items.map((m) => numbered(sandbox.session, m)), total: result.total }, query.limit, query.offset);
    },
  }),
  route({
    method: 'get', path: '/api/rehearsals/:id/notifications', response: notificationList, tag: 'Rehearsals', permission: 'rehearsals:run', summary: "Every inbox entry the rehearsal gave anyone, newest first",
    params: rehearsalParam,
    handler: async ({ params, services }) => {
      const { sandbox } = await services.rehearsals.sandbox(params.id);
      return { items: (await sandbox.probe.notificationsSince(new Date(0))).reverse().map((n) => numbered(sandbox.session, n)) };
    },
  }),
];
