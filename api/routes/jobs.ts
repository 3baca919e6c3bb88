/** Workers: activate jobs (long poll), complete, fail with retries and backoff, throw BPMN errors. */
import * as z from 'zod';
import { route, uuidParam, variables, type Route } from '../http/route.js';

export const jobRoutes: Route[] = [
  route({
    method: 'post', path: '/api/jobs/activate', tag: 'Jobs', permission: 'jobs:work',
    summary: 'Lock up to maxJobs jobs of a type; waits up to requestTimeout ms for one to appear (long poll)',
    body: z.object({
      type: z.string().min(1), worker: z.string().min(1).default('worker'), maxJobs: z.number().int().min(1).max(100).default(10),
      lockDuration: z.number().int().min(100).max(86_400_000).default(60_000), requestTimeout: z.number().int().min(0).max(60_000).default(0),
    }),
    handler: async ({ body, services, koa }) => {
      const deadline = Date.now() + body.requestTimeout;
      for (;;) {
        const jobs = await services.engine.activateJobs({ type: body.type, worker: body.worker, maxJobs: body.maxJobs, lockDurationMs: body.lockDuration });
        if (jobs.length && koa.req.socket.destroyed) {
          // Nobody will receive these: hand them back at once rather than after the lock runs out.
          await services.engine.releaseJobs(jobs.map((j) => j.id), body.worker);
          return { jobs: [] };
        }
        // A server shutting down answers its long polls now (empty), so it can stop without waiting for them.
        if (jobs.length || Date.now() >= deadline || koa.req.socket.destroyed || services.isStopping?.()) return { jobs };
        await new Promise((resolve) => setTimeout(resolve, Math.min(250, Math.max(0, deadline - Date.now()))));
      }
    },
  }),
  route({
    method: 'post', path: '/api/jobs/:id/complete', tag: 'Jobs', permission: 'jobs:work', status: 204, summary: 'Complete a job with variables',
    params: uuidParam, body: z.object({ variables: variables.default({}) }),
    handler: async ({ params, body, user, services }) => {
      await services.engine.completeJob(params.id, body.variables, user.id);
      return undefined;
    },
  }),
  route({
    method: 'post', path: '/api/jobs/:id/fail', tag: 'Jobs', permission: 'jobs:work', status: 204, summary: 'Fail a job: retried after the backoff while retries remain, else an incident',
    params: uuidParam, body: z.object({ retries: z.number().int().min(0), errorMessage: z.string().optional(), retryBackoff: z.number().int().min(0).default(0) }),
    handler: async ({ params, body, user, services }) => {
      await services.engine.failJob(params.id, { retries: body.retries, errorMessage: body.errorMessage, backoffMs: body.retryBackoff, actor: user.id });
      return undefined;
    },
  }),
  route({
    method: 'post', path: '/api/jobs/:id/error', tag: 'Jobs', permission: 'jobs:work', status: 204, summary: 'Throw a BPMN error from a job: caught by the nearest error boundary or event subprocess',
    params: uuidParam, body: z.object({ errorCode: z.string().min(1), errorMessage: z.string().optional(), variables: variables.optional() }),
    handler: async ({ params, body, user, services }) => {
      await services.engine.throwJobError(params.id, { ...body, actor: user.id });
      return undefined;
    },
  }),
];
