/**
 * Rehearsals (designers and managers): create one from a deployed version
 * or a drawing, with a virtual start time; list, look at, delete; and the
 * steps taken in it, each recorded for scenarios: start instances, work
 * tasks acting as anyone, complete, fail or throw from jobs, run the
 * built-in workers, send messages and signals, move the clock.
 */
import * as z from 'zod';
import { ValidationError } from '../../engine/index.js';
import { modelShape, rehearsalList, rehearsalShape, scenarioShape, stepList, takenShape } from '../rehearsals/schemas.js';
import { route, page, paged, variables, type Route } from '../http/route.js';
import { rehearsalView, stepView, takenView } from '../rehearsals/views.js';

const resources = z.array(z.object({ name: z.string().min(1), xml: z.string().min(1) }));
const forms = z.array(z.object({ name: z.string().min(1), json: z.union([z.string(), z.record(z.string(), z.unknown())]) }));
const toForms = (list: z.infer<typeof forms> | undefined) => (list ?? []).map((f) => ({ name: f.name, json: typeof f.json === 'string' ? f.json : JSON.stringify(f.json) }));

/** A model: exactly one of a deployed version (id or latest of a key) or a drawing (resources and forms). */
export const modelSourceBody = {
  definitionId: z.uuid().optional(),
  definitionKey: z.string().min(1).optional(),
  resources: resources.optional(),
  forms: forms.optional(),
  processKey: z.string().min(1).optional(),
};

/** The ModelSource of a body with `modelSourceBody` fields; undefined when none is given and `optional`. */
export function modelSourceOf(body: { definitionId?: string; definitionKey?: string; resources?: { name: string; xml: string }[]; forms?: z.infer<typeof forms>; processKey?: string }, optional = false) {
  const given = [body.definitionId, body.definitionKey, body.resources].filter((x) => x !== undefined).length;
  if (given === 0 && optional) return undefined;
  if (given !== 1) throw new ValidationError('give exactly one of definitionId, definitionKey or resources (a drawing, with forms)');
  if (body.definitionId) return { definitionId: body.definitionId };
  if (body.definitionKey) return { definitionKey: body.definitionKey };
  return { resources: body.resources!, forms: toForms(body.forms), processKey: body.processKey };
}

const rehearsalParam = z.object({ id: z.uuid() });
const taskParam = z.object({ id: z.uuid(), taskId: z.uuid() });
const jobParam = z.object({ id: z.uuid(), jobId: z.uuid() });

export const rehearsalRoutes: Route[] = [
  route({
    method: 'post', path: '/api/rehearsals', response: rehearsalShape, tag: 'Rehearsals', permission: 'rehearsals:run', status: 201,
    summary: 'Create a rehearsal of a deployed version (definitionId, or the latest of definitionKey) or of a drawing (resources and forms), its virtual clock at startAt',
    body: z.object({ ...modelSourceBody, name: z.string().min(1).max(200).optional(), startAt: z.string().min(1).optional().describe('ISO 8601; without a zone, wall-clock time of the default calendar'), workers: z.enum(['auto', 'manual']).default('auto') }),
    handler: async ({ body, user, services }) => {
      const record = await services.rehearsals.create({ source: modelSourceOf(body)!, name: body.name, startAt: body.startAt, workers: body.workers, actor: user.id });
      return rehearsalView(record);
    },
  }),
  route({
    method: 'get', path: '/api/rehearsals', response: rehearsalList, tag: 'Rehearsals', permission: 'rehearsals:run', summary: 'List rehearsals, newest first',
    query: z.object({ processKey: z.string().optional(), purpose: z.enum(['rehearsal', 'replay']).optional(), ...page }),
    handler: async ({ query, services }) => {
      const result = await services.rehearsals.register.listRehearsals(query);
      return paged({ items: result.items.map((r) => rehearsalView(r)), total: result.total }, query.limit, query.offset);
    },
  }),
  route({
    method: 'get', path: '/api/rehearsals/:id', response: rehearsalShape, tag: 'Rehearsals', permission: 'rehearsals:run', summary: 'One rehearsal: its clock, model, steps taken and next timer',
    params: rehearsalParam,
    handler: async ({ params, services }) => {
      const { record, sandbox } = await services.rehearsals.sandbox(params.id);
      const [next] = await sandbox.probe.scheduledTimers(1);
      return rehearsalView(record, { nextTimer: next ? { dueAt: next.dueAt, elementId: next.elementId, number: next.instanceId ? sandbox.session.numberOf(next.instanceId) ?? null : null } : null });
    },
  }),
  route({
    method: 'get', path: '/api/rehearsals/:id/model', response: modelShape, tag: 'Rehearsals', permission: 'rehearsals:run', summary: 'The BPMN and forms deployed in a rehearsal',
    params: rehearsalParam,
    handler: async ({ params, services }) => (await services.rehearsals.get(params.id)).model,
  }),
  route({
    method: 'delete', path: '/api/rehearsals/:id', tag: 'Rehearsals', permission: 'rehearsals:run', status: 204, summary: 'Delete a rehearsal and every row it made',
    params: rehearsalParam,
    handler: async ({ params, services }) => {
      await services.rehearsals.delete(params.id);
      return undefined;
    },
  }),
  route({
    method: 'get', path: '/api/rehearsals/:id/steps', response: stepList, tag: 'Rehearsals', permission: 'rehearsals:run', summary: 'The steps taken, each with the path and outcomes it produced',
    params: rehearsalParam,
    handler: async ({ params, services }) => {
      await services.rehearsals.get(params.id);
      return { items: (await services.rehearsals.register.steps(params.id)).map(stepView) };
    },
  }),
  route({
    method: 'post', path: '/api/rehearsals/:id/clock', response: takenShape, tag: 'Rehearsals', permission: 'rehearsals:run',
    summary: 'Move the virtual clock: by a duration, by working time (on a calendar), to a date, or to the next due timer; every timer due on the way fires at its own time',
    params: rehearsalParam,
    body: z.object({ by: z.string().min(1).optional(), workingTime: z.string().min(1).optional(), calendar: z.string().min(1).optional(), to: z.string().min(1).optional(), nextTimer: z.literal(true).optional() }),
    handler: async ({ params, body, user, services }) => {
      const moves = [body.by, body.workingTime, body.to, body.nextTimer].filter((x) => x !== undefined).length;
      if (moves !== 1) throw new ValidationError('give exactly one of by, workingTime, to or nextTimer');
      if (body.calendar && !body.workingTime) throw new ValidationError('calendar goes with workingTime');
      const move = body.nextTimer ? { nextTimer: true as const } : body.by ? { by: body.by } : body.workingTime ? { workingTime: body.workingTime, ...(body.calendar ? { calendar: body.calendar } : {}) } : { to: body.to! };
      const { sandbox } = await services.rehearsals.sandbox(params.id);
      return takenView(sandbox.session, await services.rehearsals.act(params.id, user.id, () => ({ kind: 'clock', move })));
    },
  }),
  route({
    method: 'post', path: '/api/rehearsals/:id/instances', response: takenShape, tag: 'Rehearsals', permission: 'rehearsals:run', status: 201,
    summary: 'Start an instance in the rehearsal (the rehearsed process unless definitionKey names another)',
    params: rehearsalParam,
    body: z.object({ definitionKey: z.string().min(1).optional(), businessKey: z.string().max(200).optional(), variables: variables.optional(), actor: z.string().min(1).optional() }),
    handler: async ({ params, body, user, services }) => {
      const { record, sandbox } = await services.rehearsals.sandbox(params.id);
      const input = { kind: 'start' as const, definitionKey: body.definitionKey ?? record.processKey, businessKey: body.businessKey ?? null, variables: body.variables ?? {}, actor: body.actor ?? user.id };
      return takenView(sandbox.session, await services.rehearsals.act(params.id, user.id, () => input));
    },
  }),
  route({
    method: 'post', path: '/api/rehearsals/:id/tasks/:taskId/complete', response: takenShape, tag: 'Rehearsals', permission: 'rehearsals:run', summary: 'Complete a task of the rehearsal, acting as any user (actor)',
    params: taskParam, body: z.object({ variables: variables.optional(), actor: z.string().min(1).optional() }),
    handler: async ({ params, body, user, services }) => {
      const { sandbox } = await services.rehearsals.sandbox(params.id);
      return takenView(sandbox.session, await services.rehearsals.act(params.id, user.id, async (s) => ({ kind: 'completeTask', task: await s.taskRef(params.taskId), variables: body.variables ?? {}, actor: body.actor ?? user.id })));
    },
  }),
  route({
    method: 'post', path: '/api/rehearsals/:id/tasks/:taskId/assign', response: takenShape, tag: 'Rehearsals', permission: 'rehearsals:run', summary: 'Assign a task of the rehearsal to anyone (null: unassign)',
    params: taskParam, body: z.object({ assignee: z.string().min(1).nullable() }),
    handler: async ({ params, body, user, services }) => {
      const { sandbox } = await services.rehearsals.sandbox(params.id);
      return takenView(sandbox.session, await services.rehearsals.act(params.id, user.id, async (s) => ({ kind: 'assignTask', task: await s.taskRef(params.taskId), assignee: body.assignee, actor: user.id })));
    },
  }),
  route({
    method: 'post', path: '/api/rehearsals/:id/jobs/:jobId/complete', response: takenShape, tag: 'Rehearsals', permission: 'rehearsals:run', summary: 'Complete a job of the rehearsal, as its worker would',
    params: jobParam, body: z.object({ variables: variables.optional() }),
    handler: async ({ params, body, user, services }) => {
      const { sandbox } = await services.rehearsals.sandbox(params.id);
      return takenView(sandbox.session, await services.rehearsals.act(params.id, user.id, async (s) => ({ kind: 'completeJob', job: await s.jobRef(params.jobId), variables: body.variables ?? {} })));
    },
  }),
  route({
    method: 'post', path: '/api/rehearsals/:id/jobs/:jobId/fail', response: takenShape, tag: 'Rehearsals', permission: 'rehearsals:run', summary: 'Fail a job of the rehearsal (retries left, an optional backoff as an ISO duration; 0 retries: an incident)',
    params: jobParam, body: z.object({ retries: z.number().int().min(0).max(100), errorMessage: z.string().max(2000).optional(), backoff: z.string().min(1).optional() }),
    handler: async ({ params, body, user, services }) => {
      const { sandbox } = await services.rehearsals.sandbox(params.id);
      return takenView(sandbox.session, await services.rehearsals.act(params.id, user.id, async (s) => ({ kind: 'failJob', job: await s.jobRef(params.jobId), retries: body.retries, errorMessage: body.errorMessage, backoff: body.backoff })));
    },
  }),
  route({
    method: 'post', path: '/api/rehearsals/:id/jobs/:jobId/error', response: takenShape, tag: 'Rehearsals', permission: 'rehearsals:run', summary: 'Throw a BPMN error from a job of the rehearsal',
    params: jobParam, body: z.object({ errorCode: z.string().min(1), errorMessage: z.string().max(2000).optional(), variables: variables.optional() }),
    handler: async ({ params, body, user, services }) => {
      const { sandbox } = await services.rehearsals.sandbox(params.id);
      return takenView(sandbox.session, await services.rehearsals.act(params.id, user.id, async (s) => ({ kind: 'throwError', job: await s.jobRef(params.jobId), errorCode: body.errorCode, errorMessage: body.errorMessage, variables: body.variables ?? {} })));
    },
  }),
  route({
    method: 'post', path: '/api/rehearsals/:id/workers/run', response: takenShape, tag: 'Rehearsals', permission: 'rehearsals:run', summary: "Let the built-in workers (email) do the rehearsal's jobs: mails go to its own outbox",
    params: rehearsalParam,
    handler: async ({ params, user, services }) => {
      const { sandbox } = await services.rehearsals.sandbox(params.id);
      return takenView(sandbox.session, await services.rehearsals.act(params.id, user.id, () => ({ kind: 'runWorkers' })));
    },
  }),
  route({
    method: 'post', path: '/api/rehearsals/:id/messages', response: takenShape, tag: 'Rehearsals', permission: 'rehearsals:run', summary: 'Correlate a message in the rehearsal',
    params: rehearsalParam, body: z.object({ name: z.string().min(1), correlationKey: z.string().optional(), variables: variables.optional() }),
    handler: async ({ params, body, user, services }) => {
      const { sandbox } = await services.rehearsals.sandbox(params.id);
      return takenView(sandbox.session, await services.rehearsals.act(params.id, user.id, () => ({ kind: 'message', name: body.name, correlationKey: body.correlationKey, variables: body.variables ?? {} })));
    },
  }),
  route({
    method: 'post', path: '/api/rehearsals/:id/signals', response: takenShape, tag: 'Rehearsals', permission: 'rehearsals:run', summary: 'Broadcast a signal in the rehearsal',
    params: rehearsalParam, body: z.object({ name: z.string().min(1), variables: variables.optional() }),
    handler: async ({ params, body, user, services }) => {
      const { sandbox } = await services.rehearsals.sandbox(params.id);
      return takenView(sandbox.session, await services.rehearsals.act(params.id, user.id, () => ({ kind: 'signal', name: body.name, variables: body.variables ?? {} })));
    },
  }),
  route({
    method: 'post', path: '/api/rehearsals/:id/scenarios', response: scenarioShape, tag: 'Rehearsals', permission: 'rehearsals:run', status: 201, summary: "Save the rehearsal's steps as a scenario of its process",
    params: rehearsalParam, body: z.object({ name: z.string().min(1).max(200) }),
    handler: async ({ params, body, user, services }) => {
      const scenario = await services.rehearsals.saveScenario(params.id, body.name, user.id);
      return { ...scenario, steps: scenario.steps.map(stepView) };
    },
  }),
];
