/**
 * The task list: employees see their tasks and the ones they may claim;
 * managers see and reassign all. Completion is validated against the
 * task's form when it has one.
 */
import * as z from 'zod';
import { ConflictError, ForbiddenError, LifelineError, NotFoundError, slaOf, type UserTaskRecord } from '../../engine/index.js';
import { route, page, paged, queryBool, queryDate, uuidParam, variables, type Route, type Services } from '../http/route.js';
import { canSeeTask, canWorkOn, isManager, type AuthUser } from '../auth/AuthUser.js';
import { validateForm } from '../forms/validateForm.js';
import { taskPageShape, taskShape, withOverdue } from './taskShapes.js';

/** A task the caller may see; others' tasks are "not found" for them (no leaking of existence). */
export async function visibleTask(services: Services, user: AuthUser, id: string): Promise<UserTaskRecord> {
  const task = await services.engine.getTask(id);
  if (!canSeeTask(user, task)) throw new NotFoundError('task', id);
  return task;
}

async function formOf(services: Services, task: UserTaskRecord): Promise<Record<string, unknown> | null> {
  if (task.form) return task.form;
  if (task.formId) return (await services.engine.getForm(task.formId)).schema;
  return null;
}

/** A task as the API shows it: with where it stands against its SLA (or due date). */
function withSla(task: UserTaskRecord, now: Date) {
  return { ...task, sla: slaOf(task, now) };
}

export const taskRoutes: Route[] = [
  route({
    method: 'get', path: '/api/tasks', tag: 'Tasks', permission: 'tasks:work',
    summary: 'List tasks: employees see theirs and those they may claim; filters (unassigned: the claimable ones only; search: part of the business key or name), sorting (due: soonest first, then priority), pagination',
    query: z.object({
      state: z.enum(['created', 'completed', 'cancelled']).default('created'),
      assignee: z.string().optional(), candidateGroup: z.string().optional(), candidateUser: z.string().optional(),
      mine: queryBool.optional(), dueBefore: queryDate.optional(), dueAfter: queryDate.optional(), overdue: queryBool.optional(),
      definitionKey: z.string().optional(), businessKey: z.string().optional(), instanceId: z.uuid().optional(), elementId: z.string().optional(),
      sort: z.enum(['created', 'due', 'priority', 'sla']).default('created'), order: z.enum(['asc', 'desc']).optional(),
      slaState: z.enum(['on_time', 'at_risk', 'breached']).optional(),
      unassigned: queryBool.optional(), search: z.string().max(200).optional(),
      ...page,
    }),
    response: taskPageShape,
    handler: async ({ query, user, services }) => {
      const { mine, overdue, ...filter } = query;
      const restrict = mine || !isManager(user);
      const now = services.clock.now();
      const dueBefore = overdue ? (filter.dueBefore && filter.dueBefore < now ? filter.dueBefore : now) : filter.dueBefore;
      const result = await services.engine.listTasks({ ...filter, dueBefore, now, ...(restrict ? { claimableBy: { userId: user.id, groups: user.groups } } : {}) });
      return { ...paged({ items: result.items.map((task) => withOverdue(withSla(task, now), now)), total: result.total }, query.limit, query.offset), now };
    },
  }),
  route({
    method: 'get', path: '/api/tasks/:id', tag: 'Tasks', permission: 'tasks:work', summary: 'One task with its form and variables',
    params: uuidParam, response: taskShape,
    handler: async ({ params, user, services }) => {
      const task = await visibleTask(services, user, params.id);
      const now = services.clock.now();
      return { ...withOverdue(withSla(task, now), now), form: await formOf(services, task) };
    },
  }),
  route({
    method: 'post', path: '/api/tasks/:id/claim', tag: 'Tasks', permission: 'tasks:work', summary: 'Claim a task (a conflict when someone else holds it)',
    params: uuidParam,
    handler: async ({ params, user, services }) => {
      const task = await visibleTask(services, user, params.id);
      if (!canWorkOn(user, task) && !isManager(user)) throw new ConflictError(`task ${task.id} is claimed by ${task.assignee}`);
      return services.engine.claimTask(task.id, user.id);
    },
  }),
  route({
    method: 'post', path: '/api/tasks/:id/unclaim', tag: 'Tasks', permission: 'tasks:work', summary: 'Give a claimed task back to its candidates',
    params: uuidParam,
    handler: async ({ params, user, services }) => {
      const task = await visibleTask(services, user, params.id);
      if (task.assignee !== user.id && !isManager(user)) throw new ForbiddenError('only the assignee or a manager can unclaim a task');
      return services.engine.unclaimTask(task.id, user.id);
    },
  }),
  route({
    method: 'post', path: '/api/tasks/:id/assign', tag: 'Tasks', permission: 'tasks:manage', summary: 'Assign (or with null, unassign) a task: managers',
    params: uuidParam, body: z.object({ assignee: z.string().min(1).nullable() }),
    handler: async ({ params, body, user, services }) => services.engine.assignTask(params.id, body.assignee, user.id),
  }),
  route({
    method: 'post', path: '/api/tasks/:id/delegate', tag: 'Tasks', permission: 'tasks:work', summary: 'Hand your task to a colleague',
    params: uuidParam, body: z.object({ assignee: z.string().min(1) }),
    handler: async ({ params, body, user, services }) => {
      const task = await visibleTask(services, user, params.id);
      if (task.assignee !== user.id && !isManager(user)) throw new ForbiddenError('only the assignee can delegate a task; claim it first');
      return services.engine.assignTask(task.id, body.assignee, user.id);
    },
  }),
  route({
    method: 'post', path: '/api/tasks/:id/complete', tag: 'Tasks', permission: 'tasks:work', status: 204,
    summary: 'Complete a task with variables (validated against its form)',
    params: uuidParam, body: z.object({ variables: variables.default({}) }),
    handler: async ({ params, body, user, services }) => {
      // checked under the instance's lock, on the task as it stands then: no read before, no window between check and completion
      await services.engine.completeTask(params.id, body.variables, user.id, {
        check: async (task, linkedForm) => {
          if (!canSeeTask(user, task)) throw new NotFoundError('task', task.id);
          if (task.state !== 'created') throw new ConflictError(`task ${task.id} is ${task.state}`);
          if (!canWorkOn(user, task) && !isManager(user)) throw new ConflictError(`task ${task.id} is claimed by ${task.assignee}`);
          const form = task.form ?? (task.formId ? (await linkedForm())?.schema : null);
          if (task.formId && !form) throw new NotFoundError('form', task.formId);
          if (form) {
            const problems = validateForm(form, body.variables);
            if (problems.length) throw new LifelineError('FORM_INVALID', `the form is not filled in correctly: ${problems.map((p) => p.message).join('; ')}`, { fields: problems });
          }
        },
      });
      return undefined;
    },
  }),
];
