/**
 * Security headers on every response, through helmet: no MIME sniffing,
 * no framing, no referrer leaks, and a Content-Security-Policy that lets a
 * JSON answer load nothing. Handlers that serve HTML set their own policy
 * after this runs (a later header wins): see `htmlPolicy`.
 */
import type Koa from 'koa';
import helmet from 'helmet';

/** The policy of API and JSON responses: nothing may be loaded or framed. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** A policy for server-rendered HTML pages with inline styles only (API docs, the placeholder page). */
export const HTML_PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const headers = helmet({
  contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
  crossOriginEmbedderPolicy: false,
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  strictTransportSecurity: false, // set by the TLS proxy in front, where there is one; meaningless over plain HTTP
});

/** Koa middleware: helmet's headers before anything else answers. */
export function securityHeaders(): Koa.Middleware {
  return async (ctx, next) => {
    await new Promise<void>((resolve, reject) => headers(ctx.req as never, ctx.res as never, (error?: unknown) => (error ? reject(error) : resolve())));
    await next();
  };
}

/** Sets an HTML page's own policy (replacing the API one). */
export function htmlPolicy(ctx: Koa.Context, policy = HTML_PAGE_POLICY): void {
  ctx.set('Content-Security-Policy', policy);
}
