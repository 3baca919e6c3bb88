/**
 * The koa server: one app for the browser (sessions) and for workers (API
 * tokens). Health and readiness, Prometheus metrics, structured request
 * logs, problem+json errors, and a close() that lets in-flight requests finish.
 */
import Koa from 'koa';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { problemMiddleware } from './http/problem.js';
import { mountRoutes } from './http/router.js';
import type { Services } from './http/route.js';
import { authenticate } from './auth/authenticate.js';
import { routes } from './routes/index.js';
import { openApiDocument, docsPage } from './openapi.js';
import { Metrics, renderSlaMetrics } from './metrics.js';
import { securityHeaders, htmlPolicy } from './http/securityHeaders.js';
import { csrfGuard } from './auth/csrf.js';
import { LoginLimiter } from './auth/loginLimiter.js';
import { sendProblem } from './http/problem.js';
import { serveApp } from './static/index.js';
import { TaskFeed } from './live/TaskFeed.js';
import { Rehearsals } from './rehearsals/Rehearsals.js';

export interface LifelineServer {
  app: Koa;
  listen(port: number, host?: string): Promise<{ port: number }>;
  /** Stops accepting connections and resolves once in-flight requests have finished; requests that still arrive get 503 with Retry-After. */
  close(): Promise<void>;
  /** The rehearsals service (its pools close with the server). */
  rehearsals: Rehearsals;
  /** True once close() was called. */
  readonly stopping: boolean;
}

/** How long /ready waits for the database before it says it is unreachable. */
const READY_TIMEOUT_MS = 2_000;

async function databaseAnswers(services: Services): Promise<boolean> {
  if (services.health && !services.health.available) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS)));
  try {
    return await Promise.race([services.knex.raw('select 1').then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function createServer(given: Omit<Services, 'rehearsals'> & { rehearsals?: Rehearsals }, logger: Logger): LifelineServer {
  const taskFeed = given.taskFeed ?? new TaskFeed(given.knex, { onError: (error) => logger.warn({ err: error }, 'task change listener lost its connection; listening again') });
  const services: Services = { ...given, taskFeed, rehearsals: given.rehearsals ?? new Rehearsals({ knex: given.knex, engine: given.engine, clock: given.clock, mailFrom: given.config.mailFrom }) };
  const app = new Koa({ keys: [services.config.sessionSecret] });
  app.proxy = false;
  const metrics = new Metrics();
  const openapi = openApiDocument(routes);
  services.loginLimiter ??= new LoginLimiter(services.knex, services.config.login);
  let stopping = false;
  services.isStopping = () => stopping;
  app.use(async (ctx, next) => {
    const started = Date.now();
    await next();
    if (ctx.path !== '/health' && ctx.path !== '/metrics') logger.info({ method: ctx.method, route: ctx.state.route ?? ctx.path, status: ctx.status, ms: Date.now() - started, user: ctx.state.user?.id }, 'request');
  });
  app.use(metrics.middleware());
  app.use(securityHeaders());
  app.use(problemMiddleware(
    (error, ctx) => logger.error({ err: error, method: ctx.method, path: ctx.path }, 'request failed'),
    (error) => services.health?.reportFailure(error),
  ));
  app.use(async (ctx, next) => {
    // Shutting down: what is in flight finishes; what arrives now is refused before it does anything.
    if (stopping && ctx.path !== '/health') {
      ctx.set('Connection', 'close');
      sendProblem(ctx, 503, 'SHUTTING_DOWN', 'This server is shutting down; nothing was done. Send the request again (to another process, or after the restart).');
      return;
    }
    await next();
  });
  app.use(async (ctx, next) => {
    switch (ctx.path) {
      case '/health':
        ctx.body = { status: 'ok' };
        return;
      case '/ready':
        if (await databaseAnswers(services)) ctx.body = { status: 'ready' };
        else {
          ctx.status = 503;
          ctx.set('Retry-After', '5');
          ctx.body = { status: 'database unreachable', error: services.health?.lastError ?? null };
        }
        return;
      case '/metrics':
        ctx.type = 'text/plain; version=0.0.4';
        ctx.body = metrics.render() + renderSlaMetrics(await services.engine.slaCounts());
        return;
      case '/api/openapi.json':
        ctx.body = openapi;
        return;
      case '/api/docs':
        htmlPolicy(ctx);
        ctx.type = 'html';
        ctx.body = docsPage(routes);
        return;
      default:
        await next();
    }
  });
  app.use(async (ctx, next) => {
    // The database is away (the probe says so): answer at once instead of letting each request wait for its timeout.
    if (services.health && !services.health.available && ctx.path.startsWith('/api/')) {
      sendProblem(ctx, 503, 'DATABASE_UNAVAILABLE', 'The database cannot be reached. Try again shortly.');
      return;
    }
    await next();
  });
  app.use(serveApp());
  app.use(csrfGuard());
  app.use(authenticate(services.knex, services.clock));
  const router = mountRoutes(routes, services);
  app.use(router.routes());
  app.use(router.allowedMethods());

  let server: Server | undefined;
  const open = new Set<import('node:net').Socket>();
  return {
    app,
    rehearsals: services.rehearsals,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server = app.listen(port, host);
        server.on('connection', (socket) => {
          open.add(socket);
          socket.on('close', () => open.delete(socket));
        });
        server.once('listening', () => {
          const address = server!.address();
          resolve({ port: typeof address === 'object' && address ? address.port : port });
        });
        server.once('error', reject);
      });
    },
    get stopping() {
      return stopping;
    },
    async close() {
      stopping = true;
      // Event streams never finish by themselves: end them first.
      await taskFeed.close();
      return new Promise((resolve) => {
        const done = () => void services.rehearsals.close().finally(() => resolve());
        if (!server) return done();
        server.close(() => done());
        server.closeIdleConnections?.();
        // Keep-alive sockets that stay idle after their request would hold close() forever.
        setTimeout(() => {
          for (const socket of open) socket.destroy();
        }, 30_000).unref();
      });
    },
  };
}
