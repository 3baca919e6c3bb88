/**
 * Serves the built browser app: hashed assets (`/assets/*`) cached for a
 * year as immutable, other build files (favicon) revalidated, and
 * index.html (never cached, with the app's Content-Security-Policy) for
 * every client route. Everything else, `/api/...` included, passes on to
 * the API and its problem+json 404.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type Koa from 'koa';
import { defaultAppLocation, type AppLocation } from './appLocation.js';
import { APP_CONTENT_SECURITY_POLICY } from './contentSecurityPolicy.js';
import { isClientRoute } from './clientRoutes.js';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

const NOT_BUILT = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lifeline</title></head><body><h1>Lifeline</h1><p>The browser app has not been built. <code>npm start</code> builds it; the API is at <a href="/api/docs">/api/docs</a>.</p></body></html>';

/** A file inside `root` for a URL path, or undefined (missing, a folder, or outside `root`). */
function fileIn(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const file = resolve(root, `.${decoded}`);
  if (!file.startsWith(root + sep)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/** Whole files, not streams: the largest chunk is a few MB, and a browser that goes away mid-stream would log an error. */
async function send(ctx: Koa.Context, file: string, cacheControl: string): Promise<void> {
  const content = await readFile(file);
  ctx.set('Cache-Control', cacheControl);
  ctx.type = extname(file);
  ctx.body = content;
  if (ctx.method === 'HEAD') ctx.length = content.length;
}

/** Koa middleware serving the app from `location.distDir`. */
export function serveApp(location: AppLocation = defaultAppLocation): Koa.Middleware {
  const root = resolve(location.distDir);
  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.path.startsWith('/api/')) return next();
    if (isClientRoute(ctx.path)) {
      const index = join(root, 'index.html');
      ctx.set('Content-Security-Policy', APP_CONTENT_SECURITY_POLICY);
      if (!existsSync(index)) {
        ctx.status = 503;
        ctx.set('Cache-Control', REVALIDATE);
        ctx.type = 'html';
        ctx.body = NOT_BUILT;
        return;
      }
      await send(ctx, index, REVALIDATE);
      ctx.type = 'html';
      return;
    }
    const file = ctx.path === '/' ? undefined : fileIn(root, ctx.path);
    if (!file || file.endsWith(`${sep}.build-stamp`)) return next();
    await send(ctx, file, ctx.path.startsWith('/assets/') ? IMMUTABLE : REVALIDATE);
  };
}
