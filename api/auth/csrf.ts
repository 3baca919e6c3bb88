/**
 * CSRF defence (team convention): a request that changes something and is
 * authenticated by the session cookie must carry `X-Requested-With:
 * lifeline`, which a cross-site form or a "simple" cross-origin request
 * cannot send; requests that say they come from another site (Origin,
 * Sec-Fetch-Site) are refused whatever they carry. API-token (Bearer)
 * requests are not sent by browsers on their own and are exempt.
 */
import type Koa from 'koa';
import { LifelineError } from '../../engine/index.js';
import { SESSION_COOKIE } from './authenticate.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The header value the browser app (and every cookie caller) sends. */
export const CSRF_HEADER = { name: 'X-Requested-With', value: 'lifeline' } as const;

class CsrfRejectedError extends LifelineError {
  constructor(reason: string) {
    super('CSRF_REJECTED', `request refused as possible cross-site request forgery: ${reason}`);
  }
}

/** Koa middleware enforcing the convention on unsafe methods. */
export function csrfGuard(): Koa.Middleware {
  return async (ctx, next) => {
    if (SAFE_METHODS.has(ctx.method) || /^Bearer\s+\S+$/i.test(ctx.get('authorization'))) return next();
    const site = ctx.get('sec-fetch-site');
    if (site === 'cross-site' || site === 'same-site') throw new CsrfRejectedError(`Sec-Fetch-Site is ${site}`);
    const origin = ctx.get('origin');
    if (origin && origin !== `${ctx.protocol}://${ctx.host}`) throw new CsrfRejectedError(`Origin ${origin} is not this server`);
    if (ctx.cookies.get(SESSION_COOKIE, { signed: false }) !== undefined && ctx.get(CSRF_HEADER.name) !== CSRF_HEADER.value) {
      throw new CsrfRejectedError(`a request with the session cookie must send the header ${CSRF_HEADER.name}: ${CSRF_HEADER.value}`);
    }
    return next();
  };
}
