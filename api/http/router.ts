/**
 * Mounts declared routes on a koa router: authorization by the route's
 * permission, then validation of params, query and body, then the handler.
 */
import Router from '@koa/router';
import type Koa from 'koa';
import type * as z from 'zod';
import { ForbiddenError, UnauthorizedError } from '../../engine/index.js';
import { allows } from '../auth/permissions.js';
import type { AuthUser } from '../auth/AuthUser.js';
import { readBody } from './body.js';
import { RequestValidationError } from './errors.js';
import type { Route, Services } from './route.js';

function parse<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return (where === 'body' ? undefined : {}) as T;
  const result = schema.safeParse(value);
  if (!result.success) throw new RequestValidationError(where, result.error.issues);
  return result.data;
}

export function mountRoutes(routes: Route[], services: Services): Router {
  const router = new Router();
  for (const route of routes) {
    router[route.method](route.path, async (ctx: Koa.Context) => {
      ctx.state.route = route.path;
      const user = ctx.state.user as AuthUser | undefined;
      if (route.permission !== 'public') {
        if (!user) throw new UnauthorizedError('Log in, or send an API token as "Authorization: Bearer <token>"');
        if (!allows(route.permission, user.roles)) throw new ForbiddenError(`your roles (${user.roles.join(', ') || 'none'}) do not allow ${route.permission}`);
      }
      const params = parse(route.params, ctx.params, 'path');
      const query = parse(route.query, ctx.query, 'query');
      const raw = await readBody(ctx);
      const body = typeof raw === 'string' && route.rawText ? raw : parse(route.body, raw ?? (route.body ? {} : undefined), 'body');
      const result = await route.handler({ params, query, body, user: user as AuthUser, services, koa: ctx });
      if (ctx.body === undefined || ctx.body === null) {
        ctx.status = route.status ?? (result === undefined ? 204 : 200);
        if (result !== undefined) ctx.body = result;
      }
    });
  }
  return router;
}
