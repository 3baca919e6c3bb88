/** Login, logout and the current user. */
import * as z from 'zod';
import { ForbiddenError, UnauthorizedError, ValidationError } from '../../engine/index.js';
import { credentials, hashPassword, people, users, verifyPassword } from '../../db/index.js';
import { route, type Route } from '../http/route.js';
import { SESSION_COOKIE } from '../auth/authenticate.js';

/** Checked against when the user does not exist, so an unknown name costs as long as a wrong password. */
const decoyHash = hashPassword('not a password anyone has');

const me = z.object({ id: z.string(), displayName: z.string(), roles: z.array(z.string()), groups: z.array(z.string()) });

export const authRoutes: Route[] = [
  route({
    method: 'post', path: '/api/auth/login', tag: 'Identity', summary: 'Log in: sets an httpOnly session cookie', permission: 'public',
    body: z.object({ username: z.string().min(1), password: z.string().min(1) }),
    response: me,
    handler: async ({ body, services, koa }) => {
      const limiter = services.loginLimiter!;
      await limiter.check(body.username, koa.ip);
      const hash = await users.passwordHashOf(services.knex, body.username);
      const valid = await verifyPassword(body.password, hash ?? (await decoyHash));
      if (!hash || !valid) {
        await limiter.failed(body.username, koa.ip);
        throw new UnauthorizedError('unknown user or wrong password');
      }
      await limiter.succeeded(body.username, koa.ip);
      if (await people.disabledAt(services.knex, body.username)) throw new ForbiddenError('your account is disabled; ask an administrator to enable it');
      const now = services.clock.now();
      await credentials.deleteExpiredSessions(services.knex, now);
      const session = await credentials.createSession(services.knex, body.username, now, services.config.sessionTtlMs);
      // secure only over HTTPS (koa refuses to send a secure cookie over plain HTTP; set app.proxy behind a TLS proxy).
      koa.cookies.set(SESSION_COOKIE, session.secret, { httpOnly: true, sameSite: 'lax', secure: koa.secure, expires: session.expiresAt, path: '/', overwrite: true });
      const user = (await users.getUser(services.knex, body.username))!;
      return { id: user.id, displayName: user.displayName, roles: user.roles, groups: user.groups };
    },
  }),
  route({
    method: 'post', path: '/api/auth/logout', tag: 'Identity', summary: 'Log out: ends the session', permission: 'public', status: 204,
    handler: async ({ services, koa }) => {
      const secret = koa.cookies.get(SESSION_COOKIE);
      if (secret) await credentials.deleteSession(services.knex, secret);
      koa.cookies.set(SESSION_COOKIE, null, { httpOnly: true, sameSite: 'lax', secure: koa.secure, path: '/' });
      return undefined;
    },
  }),
  route({
    method: 'get', path: '/api/me', tag: 'Identity', summary: 'The current user', permission: 'self', response: me,
    handler: async ({ user }) => ({ id: user.id, displayName: user.displayName, roles: user.roles, groups: user.groups }),
  }),
  route({
    method: 'post', path: '/api/me/password', tag: 'Identity', permission: 'self', status: 204,
    summary: 'Change your password: every session of yours ends (log in again with the new one)',
    body: z.object({ currentPassword: z.string().min(1), newPassword: z.string().min(8) }),
    handler: async ({ body, user, services, koa }) => {
      if (user.via === 'token') throw new ForbiddenError('log in with your password to change it; an API token cannot');
      const hash = await users.passwordHashOf(services.knex, user.id);
      if (!hash || !(await verifyPassword(body.currentPassword, hash))) throw new ValidationError('the current password is wrong');
      await users.updateUser(services.knex, user.id, { passwordHash: await hashPassword(body.newPassword) });
      await credentials.deleteUserSessions(services.knex, user.id);
      koa.cookies.set(SESSION_COOKIE, null, { httpOnly: true, sameSite: 'lax', secure: koa.secure, path: '/' });
      return undefined;
    },
  }),
];
