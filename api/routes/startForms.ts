/**
 * Starting a process from its start form, as Camunda Tasklist's "Processes"
 * tab does: the processes the caller may start (latest versions with a none
 * start event) with their documentation and start form, and a start that
 * the server checks against that form first, as it checks a task's
 * completion (422 FORM_INVALID naming the fields). The answer says what
 * happened: the instance, and the tasks of it the caller may now work on.
 * (`POST /api/process-definitions/:key/start` stays the unchecked start of
 * integrations and workers, like Camunda 7's start beside its submit-form.)
 */
import * as z from 'zod';
import { LifelineError, NotFoundError } from '../../engine/index.js';
import { route, variables, type Route } from '../http/route.js';
import { allows } from '../auth/permissions.js';
import { validateForm } from '../forms/validateForm.js';

const startableShape = z.object({
  definitionId: z.string(), key: z.string(), version: z.number().int(), name: z.string().nullable(),
  description: z.string().nullable().describe('the process documentation'),
  startEventId: z.string(), startEventName: z.string().nullable(),
  formId: z.string().nullable().describe('the linked form id, or the embedded form key; null without a start form'),
  form: z.record(z.string(), z.unknown()).nullable().describe('the start form (form-js JSON), latest version'),
  formMissing: z.boolean().describe('a linked start form nobody deployed: the process cannot be started from it yet'),
  businessKeyField: z.string().nullable().describe('the field whose value becomes the business key when none is given'),
});

const startedShape = z.object({
  instance: z.object({
    id: z.string(), definitionId: z.string(), definitionKey: z.string(), definitionVersion: z.number().int(),
    businessKey: z.string().nullable(), state: z.string(), startedAt: z.string(),
  }),
  tasks: z.array(z.object({ id: z.string(), name: z.string().nullable(), elementId: z.string(), assignee: z.string().nullable(), mine: z.boolean() }))
    .describe('open tasks of the new instance that the caller may work on (assigned to them, or theirs to claim)'),
});

export const startFormRoutes: Route[] = [
  route({
    method: 'get', path: '/api/startable-processes', tag: 'Instances', permission: 'instances:start',
    summary: 'The processes the caller may start by hand (latest versions with a none start event), with their documentation and start form',
    response: z.object({ items: z.array(startableShape) }),
    handler: async ({ services }) => ({ items: await services.engine.startableProcesses() }),
  }),
  route({
    method: 'post', path: '/api/process-definitions/:key/submit-form', tag: 'Instances', permission: 'instances:start', status: 201,
    summary: 'Start the latest version of a process from its start form: the variables are checked against the form (422 FORM_INVALID with fields); without a business key, the field the model names gives it',
    params: z.object({ key: z.string().min(1) }),
    body: z.object({ businessKey: z.string().trim().min(1).max(200).optional(), variables: variables.default({}) }),
    response: startedShape,
    handler: async ({ params, body, user, services }) => {
      const process = await services.engine.startableProcess(params.key);
      if (process.formMissing) throw new NotFoundError('form', process.formId ?? '');
      if (process.form) {
        const problems = validateForm(process.form, body.variables);
        if (problems.length) throw new LifelineError('FORM_INVALID', `the form is not filled in correctly: ${problems.map((p) => p.message).join('; ')}`, { fields: problems });
      }
      const instance = await services.engine.startInstance({ definitionId: process.definitionId, businessKey: body.businessKey, variables: body.variables, actor: user.id });
      const tasks = allows('tasks:work', user.roles)
        ? (await services.engine.listTasks({ instanceId: instance.id, state: 'created', claimableBy: { userId: user.id, groups: user.groups }, sort: 'created', order: 'asc', limit: 50 })).items
        : [];
      return {
        instance: { id: instance.id, definitionId: instance.definitionId, definitionKey: instance.definitionKey, definitionVersion: instance.definitionVersion, businessKey: instance.businessKey, state: instance.state, startedAt: instance.startedAt },
        tasks: tasks.map((task) => ({ id: task.id, name: task.name, elementId: task.elementId, assignee: task.assignee, mine: task.assignee === user.id })),
      };
    },
  }),
];
