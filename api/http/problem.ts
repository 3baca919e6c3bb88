/**
 * The one place errors become HTTP responses: application/problem+json with
 * a stable `code`, a human `detail`, and for BPMN the problems with element
 * ids. Unknown errors are logged and answered with a generic 500.
 */
import type Koa from 'koa';
import { LifelineError, BpmnValidationError } from '../../engine/index.js';

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
  INFINITE_LOOP: 422,
  DELIVERY_TOO_DEEP: 422,
  FORM_INVALID: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

const TITLES: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content', 500: 'Internal Server Error' };

export function statusOf(code: string): number {
  return STATUS[code] ?? 500;
}

export function sendProblem(ctx: Koa.Context, status: number, code: string, detail: string, extra: Record<string, unknown> = {}): void {
  ctx.status = status;
  ctx.type = 'application/problem+json';
  ctx.body = { type: `https://lifeline.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`, title: TITLES[status] ?? 'Error', status, code, detail, ...extra };
}

/** Koa middleware: catches everything below it. */
export function problemMiddleware(log: (error: unknown, ctx: Koa.Context) => void): Koa.Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) sendProblem(ctx, 404, 'NOT_FOUND', `no route for ${ctx.method} ${ctx.path}`);
    } catch (error) {
      if (error instanceof BpmnValidationError) sendProblem(ctx, 422, error.code, error.message, { problems: error.problems });
      else if (error instanceof LifelineError) {
        const status = statusOf(error.code);
        if (status === 500) log(error, ctx);
        sendProblem(ctx, status, error.code, error.message, error.details ? { details: error.details } : {});
      } else {
        log(error, ctx);
        sendProblem(ctx, 500, 'INTERNAL', 'Something went wrong on our side; it has been logged.');
      }
    }
  };
}
