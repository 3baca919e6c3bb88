/**
 * Scenarios: rehearsals saved with their process, listed per process key,
 * and replayed against the latest deployed version, another version, or a
 * drawing not deployed yet: a pass, or the first step where the path
 * differs (with the elements to mark on the diagram). Declared before the
 * `/api/rehearsals/:id` routes so that "scenarios" is never taken for an id.
 */
import * as z from 'zod';
import { NotFoundError } from '../../engine/index.js';
import { replayAnswer, scenarioList, scenarioShape } from '../rehearsals/schemas.js';
import { route, uuidParam, type Route } from '../http/route.js';
import { stepView } from '../rehearsals/views.js';
import { modelSourceBody, modelSourceOf } from './rehearsals.js';

export const scenarioRoutes: Route[] = [
  route({
    method: 'get', path: '/api/rehearsals/scenarios', response: scenarioList, tag: 'Rehearsals', permission: 'rehearsals:run', summary: 'Scenarios of a process key (or all), with their last replay',
    query: z.object({ processKey: z.string().optional() }),
    handler: async ({ query, services }) => ({ items: await services.rehearsals.register.listScenarios(query.processKey) }),
  }),
  route({
    method: 'get', path: '/api/rehearsals/scenarios/:id', response: scenarioShape, tag: 'Rehearsals', permission: 'rehearsals:run', summary: 'One scenario with its steps and their recorded outcomes',
    params: uuidParam,
    handler: async ({ params, services }) => {
      const scenario = await services.rehearsals.scenario(params.id);
      return { ...scenario, steps: scenario.steps.map(stepView) };
    },
  }),
  route({
    method: 'delete', path: '/api/rehearsals/scenarios/:id', tag: 'Rehearsals', permission: 'rehearsals:run', status: 204, summary: 'Delete a scenario',
    params: uuidParam,
    handler: async ({ params, services }) => {
      if (!(await services.rehearsals.register.deleteScenario(params.id))) throw new NotFoundError('scenario', params.id);
      return undefined;
    },
  }),
  route({
    method: 'post', path: '/api/rehearsals/scenarios/:id/replay', response: replayAnswer, tag: 'Rehearsals', permission: 'rehearsals:run',
    summary: 'Replay a scenario against the latest deployed version of its process, a version (definitionId) or a drawing (resources, forms): pass, or the first differing step. keep: true leaves the replayed rehearsal to look at',
    params: uuidParam, body: z.object({ ...modelSourceBody, keep: z.boolean().default(false) }),
    handler: async ({ params, body, user, services }) => services.rehearsals.replay(params.id, modelSourceOf(body, true), user.id, body.keep),
  }),
];
