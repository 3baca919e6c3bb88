/**
 * Routes are declared, not just registered: method, path, permission and
 * zod schemas for params, query and body. The same declarations drive
 * validation at the edge, the authorization check, the OpenAPI document and
 * the authorization matrix test.
 */
import type Koa from 'koa';
import type { Knex } from 'knex';
import * as z from 'zod';
import type { Engine, Clock } from '../../engine/index.js';
import type { Config } from '../config.js';
import type { Permission } from '../auth/permissions.js';
import type { AuthUser } from '../auth/AuthUser.js';
import type { TaskFeed } from '../live/TaskFeed.js';
import type { Rehearsals } from '../rehearsals/Rehearsals.js';

export interface Services {
  engine: Engine;
  knex: Knex;
  clock: Clock;
  config: Config;
  /** Whether the database answers (a probe keeps checking): while it does not, the API answers 503 at once. */
  health?: { available: boolean; lastError?: string; reportFailure(error: unknown): void };
  /** True while the server shuts down (long polls return at once); set by createServer. */
  isStopping?: () => boolean;
  /** Failed-login counting; createServer makes one when absent. */
  loginLimiter?: import('../auth/loginLimiter.js').LoginLimiter;
  /** Live task changes for server-sent events; createServer makes one when none is given. */
  taskFeed?: TaskFeed;
  /** Rehearsals on virtual clocks (createServer makes the service when none is given). */
  rehearsals: Rehearsals;
}

export interface RouteContext<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  /** Null only on public routes. */
  user: AuthUser;
  services: Services;
  koa: Koa.Context;
}

export interface Route<P = any, Q = any, B = any> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** koa-router style path, e.g. /api/tasks/:id */
  path: string;
  summary: string;
  tag: string;
  permission: Permission;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Accepts a raw text body (BPMN XML) besides JSON. */
  rawText?: boolean;
  /** Success status (200 by default). */
  status?: number;
  /** What a successful response looks like (documentation). */
  response?: z.ZodType;
  handler: (ctx: RouteContext<P, Q, B>) => Promise<unknown>;
}

/** Declares a route with its schemas typed through to the handler. */
export function route<P = Record<string, never>, Q = Record<string, never>, B = undefined>(def: Route<P, Q, B>): Route<P, Q, B> {
  return def;
}

/** Query strings: numbers and booleans arrive as text. */
export const queryInt = (min = 0, max = 1000) => z.coerce.number().int().min(min).max(max);
export const queryBool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const queryDate = z.iso.datetime({ offset: true }).transform((v) => new Date(v));
export const page = { limit: queryInt(1, 1000).default(50), offset: queryInt(0, 10_000_000).default(0) };
export const idParam = z.object({ id: z.string().min(1) });
export const uuidParam = z.object({ id: z.uuid() });
export const variables = z.record(z.string(), z.unknown());

/** A page of a list in the response shape every list uses. */
export function paged<T>(result: { items: T[]; total: number }, limit: number, offset: number) {
  return { items: result.items, total: result.total, limit, offset };
}
