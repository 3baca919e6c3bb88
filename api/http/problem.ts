/**
 * The one place errors become HTTP responses: application/problem+json with
 * a stable `code`, a human `detail`, and for BPMN the problems with element
 * ids. Unknown errors are logged and answered with a generic 500.
 */
import type Koa from 'koa';
import { LifelineError, BpmnValidationError } from '../../engine/index.js';
import { isDatabaseUnavailable, isDataException } from '../../db/index.js';

const STATUS: Record<string, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  MESSAGE_NOT_CORRELATED: 404,
  CONFLICT: 409,
  BPMN_INVALID: 422,
  EXPRESSION_FAILED: 422,
  NO_OUTGOING_FLOW: 422,
  FORM_INVALID: 422,
  CALENDAR_NOT_FOUND: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  CSRF_REJECTED: 403,
  TOO_MANY_ATTEMPTS: 429,
  DATABASE_UNAVAILABLE: 503,
  SHUTTING_DOWN: 503,
};

/** Seconds a client should wait before trying again after a 503 (the database away, or the server stopping). */
export const RETRY_AFTER_SECONDS = 5;

const TITLES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content', 429: 'Too Many Requests', 500: 'Internal Server Error', 501: 'Not Implemented', 503: 'Service Unavailable' };

/** Codes for error statuses koa or the router set without throwing (no route, wrong method). */
const BARE_STATUS_CODES: Record<number, string> = { 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED', 501: 'NOT_IMPLEMENTED' };

const GENERIC_500 = 'Something went wrong on our side; it has been logged.';

export function statusOf(code: string): number {
  return STATUS[code] ?? 500;
}

export function sendProblem(ctx: Koa.Context, status: number, code: string, detail: string, extra: Record<string, unknown> = {}): void {
  ctx.status = status;
  if (status === 503 && !ctx.response.get('Retry-After')) ctx.set('Retry-After', String(RETRY_AFTER_SECONDS));
  ctx.type = 'application/problem+json';
  ctx.body = { type: `https://lifeline.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`, title: TITLES[status] ?? 'Error', status, code, detail, ...extra };
}

function bareDetail(ctx: Koa.Context): string {
  if (ctx.status === 405) return `${ctx.method} is not allowed on ${ctx.path} (allowed: ${ctx.response.get('allow') || 'none'})`;
  if (ctx.status === 501) return `method ${ctx.method} is not supported`;
  return `no route for ${ctx.method} ${ctx.path}`;
}

/** http-errors thrown by koa or its middleware for bad input (e.g. a malformed URL escape), meant to be shown. */
function isClientHttpError(error: unknown): error is { status: number; message: string } {
  const { status, expose } = (error ?? {}) as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true;
}

/** Koa middleware: catches everything below it. `unavailable` hears of database errors that answered 503. */
export function problemMiddleware(log: (error: unknown, ctx: Koa.Context) => void, unavailable?: (error: unknown) => void): Koa.Middleware {
  return async (ctx, next) => {
    try {
      await next();
      // Statuses set without an error (unknown route, wrong method) still answer as problems.
      const bare = BARE_STATUS_CODES[ctx.status];
      if (bare && ctx.body == null) sendProblem(ctx, ctx.status, bare, bareDetail(ctx));
    } catch (error) {
      if (error instanceof BpmnValidationError) sendProblem(ctx, 422, error.code, error.message, { problems: error.problems });
      else if (error instanceof LifelineError && statusOf(error.code) !== 500) {
        const wait = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
        if (wait) ctx.set('Retry-After', String(wait));
        sendProblem(ctx, statusOf(error.code), error.code, error.message, error.details ? { details: error.details } : {});
      } else if (isDatabaseUnavailable(error)) {
        unavailable?.(error);
        sendProblem(ctx, 503, 'DATABASE_UNAVAILABLE', 'The database cannot be reached or did not answer in time. Try again shortly.');
      } else if (isDataException(error)) {
        sendProblem(ctx, 400, 'INVALID_DATA', `PostgreSQL refused a value of the request: ${(error as Error).message}`);
      } else if (isClientHttpError(error)) {
        sendProblem(ctx, error.status, BARE_STATUS_CODES[error.status] ?? 'BAD_REQUEST', error.message);
      } else {
        // Unknown errors, and typed errors with no mapping, are ours: log them, tell the client nothing internal.
        log(error, ctx);
        sendProblem(ctx, 500, 'INTERNAL', GENERIC_500);
      }
    }
  };
}
