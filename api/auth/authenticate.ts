/**
 * Finds the caller: a browser session cookie or an API token
 * (`Authorization: Bearer lt_...`). Sets `ctx.state.user` or leaves it empty.
 */
import type Koa from 'koa';
import type { Knex } from 'knex';
import type { Clock } from '../../engine/index.js';
import { credentials, users } from '../../db/index.js';
import type { AuthUser } from './AuthUser.js';

export const SESSION_COOKIE = 'lifeline_session';

export function authenticate(knex: Knex, clock: Clock): Koa.Middleware {
  return async (ctx, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'))?.[1];
    const cookie = ctx.cookies.get(SESSION_COOKIE);
    let found: { user: users.User; scope?: AuthUser['tokenScope'] } | undefined;
    let via: AuthUser['via'] = 'session';
    // one statement each: the credential, its user, roles and groups
    if (bearer) {
      found = await credentials.userOfToken(knex, bearer, clock.now());
      via = 'token';
    } else if (cookie) {
      const user = await credentials.userOfSession(knex, cookie, clock.now());
      found = user && { user };
    }
    if (found) {
      const { user, scope: tokenScope } = found;
      // A worker-scoped token acts as a worker whatever its owner may do.
      const workerOnly = tokenScope === 'worker';
      // A disabled account's sessions and tokens stop working at once.
      if (!user.disabledAt) ctx.state.user = { id: user.id, displayName: user.displayName, roles: workerOnly ? ['worker'] : user.roles, groups: workerOnly ? [] : user.groups, via, tokenScope } satisfies AuthUser;
    }
    await next();
  };
}
