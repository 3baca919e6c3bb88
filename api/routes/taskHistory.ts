/**
 * The history of a task's process instance, for whoever may see the task:
 * an employee needs "who did what, when" before answering a customer, but
 * may not read instance history in general (instances:read). Same row-level
 * rule as the task itself: a task you may not see is "not found".
 */
import * as z from 'zod';
import { displayNames } from '../../db/index.js';
import { route, uuidParam, type Route } from '../http/route.js';
import { elementNames } from '../history/elementNames.js';
import { historyLineShape, peopleIn, readableHistory } from '../history/readableHistory.js';
import { visibleTask } from './tasks.js';

export const taskHistoryRoutes: Route[] = [
  route({
    method: 'get', path: '/api/tasks/:id/history', tag: 'Tasks', permission: 'tasks:work',
    summary: "The history of the task's process instance so far (who did what, when), in readable form, for those who may see the task",
    params: uuidParam,
    response: z.object({ items: z.array(historyLineShape) }),
    handler: async ({ params, user, services }) => {
      const task = await visibleTask(services, user, params.id);
      const instance = await services.engine.getInstance(task.instanceId);
      const events = await services.engine.history(task.instanceId);
      const [names, who] = await Promise.all([
        elementNames(instance.definitionId, async () => (await services.engine.getDefinition(instance.definitionId)).ir),
        displayNames(services.knex, peopleIn(events)),
      ]);
      return { items: readableHistory(events, names, who) };
    },
  }),
];
