/** Users, groups and API tokens. Admins manage identity; everyone manages their own tokens. */
import * as z from 'zod';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../engine/index.js';
import { credentials, hashPassword, users, type Role } from '../../db/index.js';
import { route, page, paged, idParam, uuidParam, type Route } from '../http/route.js';
import { API_ROLES } from '../auth/permissions.js';
import { createdTokenShape, groupPageShape, groupShape, tokenPageShape, userPageShape, userShape } from './identityShapes.js';

const userId = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'lower-case letters, digits, dot, dash or underscore, 2 to 63 characters');
const roles = z.array(z.enum(API_ROLES as [string, ...string[]])).min(1);

async function checkGroups(knex: Parameters<typeof users.groupExists>[0], groups: string[] | undefined): Promise<void> {
  const missing = await users.groupExists(knex, groups ?? []);
  if (missing.length) throw new ValidationError(`unknown group(s): ${missing.join(', ')}`);
}

const membershipParams = z.object({ id: z.string().min(1), userId: z.string().min(1) });

async function mustExist(knex: Parameters<typeof users.getGroup>[0], params: { id: string; userId: string }): Promise<void> {
  if (!(await users.getGroup(knex, params.id))) throw new NotFoundError('group', params.id);
  if (!(await users.getUser(knex, params.userId))) throw new NotFoundError('user', params.userId);
}

export const identityRoutes: Route[] = [
  route({
    method: 'get', path: '/api/users', tag: 'Identity', permission: 'identity:manage', summary: 'List users', query: z.object({ ...page }), response: userPageShape,
    handler: async ({ query, services }) => paged(await users.listUsers(services.knex, query), query.limit, query.offset),
  }),
  route({
    method: 'post', path: '/api/users', tag: 'Identity', permission: 'identity:manage', status: 201, summary: 'Create a user', response: userShape,
    body: z.object({ id: userId, displayName: z.string().min(1), email: z.email().optional(), password: z.string().min(8), roles, groups: z.array(z.string()).default([]) }),
    handler: async ({ body, services }) => {
      if (await users.getUser(services.knex, body.id)) throw new ConflictError(`user ${body.id} exists`);
      await checkGroups(services.knex, body.groups);
      await users.insertUser(services.knex, { ...body, roles: body.roles as Role[], passwordHash: await hashPassword(body.password) }, services.clock.now());
      return users.getUser(services.knex, body.id);
    },
  }),
  route({
    method: 'get', path: '/api/users/:id', tag: 'Identity', permission: 'identity:manage', summary: 'One user', params: idParam, response: userShape,
    handler: async ({ params, services }) => (await users.getUser(services.knex, params.id)) ?? Promise.reject(new NotFoundError('user', params.id)),
  }),
  route({
    method: 'patch', path: '/api/users/:id', tag: 'Identity', permission: 'identity:manage', summary: 'Change a user (name, email, roles, groups, password)', params: idParam, response: userShape,
    body: z.object({ displayName: z.string().min(1).optional(), email: z.email().nullable().optional(), password: z.string().min(8).optional(), roles: roles.optional(), groups: z.array(z.string()).optional() }),
    handler: async ({ params, body, services }) => {
      await checkGroups(services.knex, body.groups);
      const { password, ...rest } = body;
      const found = await users.updateUser(services.knex, params.id, { ...rest, roles: rest.roles as Role[] | undefined, ...(password ? { passwordHash: await hashPassword(password) } : {}) });
      if (!found) throw new NotFoundError('user', params.id);
      // A new password ends every session opened with the old one.
      if (password) await credentials.deleteUserSessions(services.knex, params.id);
      return users.getUser(services.knex, params.id);
    },
  }),
  route({
    method: 'delete', path: '/api/users/:id', tag: 'Identity', permission: 'identity:manage', status: 204, summary: 'Delete a user', params: idParam,
    handler: async ({ params, user, services }) => {
      if (params.id === user.id) throw new ConflictError('you cannot delete yourself');
      if (!(await users.deleteUser(services.knex, params.id))) throw new NotFoundError('user', params.id);
      return undefined;
    },
  }),
  route({
    method: 'get', path: '/api/groups', tag: 'Identity', permission: 'identity:manage', summary: 'List groups with their members', response: groupPageShape,
    handler: async ({ services }) => {
      const items = await users.listGroups(services.knex);
      return { items, total: items.length, limit: items.length, offset: 0 };
    },
  }),
  route({
    method: 'get', path: '/api/groups/:id', tag: 'Identity', permission: 'identity:manage', summary: 'One group with its members', params: idParam, response: groupShape,
    handler: async ({ params, services }) => (await users.getGroup(services.knex, params.id)) ?? Promise.reject(new NotFoundError('group', params.id)),
  }),
  route({
    method: 'put', path: '/api/groups/:id/members/:userId', tag: 'Identity', permission: 'identity:manage', summary: 'Add a user to a group (harmless if already a member)', response: groupShape,
    params: membershipParams,
    handler: async ({ params, services }) => {
      await mustExist(services.knex, params);
      await users.addMembership(services.knex, params.id, params.userId);
      return users.getGroup(services.knex, params.id);
    },
  }),
  route({
    method: 'delete', path: '/api/groups/:id/members/:userId', tag: 'Identity', permission: 'identity:manage', status: 204, summary: 'Remove a user from a group',
    params: membershipParams,
    handler: async ({ params, services }) => {
      await mustExist(services.knex, params);
      if (!(await users.removeMembership(services.knex, params.id, params.userId))) throw new NotFoundError(`membership of ${params.userId} in group`, params.id);
      return undefined;
    },
  }),
  route({
    method: 'put', path: '/api/groups/:id', tag: 'Identity', permission: 'identity:manage', summary: 'Create or rename a group', response: groupShape,
    params: z.object({ id: userId }), body: z.object({ name: z.string().min(1) }),
    handler: async ({ params, body, services }) => {
      await users.upsertGroup(services.knex, { id: params.id, name: body.name });
      return (await users.listGroups(services.knex)).find((g) => g.id === params.id);
    },
  }),
  route({
    method: 'delete', path: '/api/groups/:id', tag: 'Identity', permission: 'identity:manage', status: 204, summary: 'Delete a group', params: idParam,
    handler: async ({ params, services }) => {
      if (!(await users.deleteGroup(services.knex, params.id))) throw new NotFoundError('group', params.id);
      return undefined;
    },
  }),
  route({
    method: 'get', path: '/api/tokens', tag: 'Identity', permission: 'tokens:own', summary: 'Your API tokens (all tokens for admins)', response: tokenPageShape,
    handler: async ({ user, services }) => {
      const items = await credentials.listApiTokens(services.knex, user.roles.includes('admin') ? undefined : user.id);
      return { items, total: items.length, limit: items.length, offset: 0 };
    },
  }),
  route({
    method: 'post', path: '/api/tokens', tag: 'Identity', permission: 'tokens:own', status: 201, response: createdTokenShape,
    summary: 'Create an API token (for a worker); the secret is shown only in this response. It expires after expiresInDays (at most API_TOKEN_TTL_DAYS, the default). Scope `user` acts with the owner\'s roles, `worker` with the worker role only. Admins may create one for another user.',
    body: z.object({ name: z.string().min(1).max(100), userId: z.string().optional(), scope: z.enum(['user', 'worker']).default('user'), expiresInDays: z.number().int().min(1).max(3650).optional() }),
    handler: async ({ body, user, services }) => {
      const owner = body.userId ?? user.id;
      if (owner !== user.id && !user.roles.includes('admin')) throw new ForbiddenError('only admins create tokens for other users');
      // A worker-scoped token must not mint a token with its owner's full roles.
      if (user.tokenScope === 'worker' && body.scope !== 'worker') throw new ForbiddenError('a worker-scoped token can only create worker-scoped tokens');
      if (!(await users.getUser(services.knex, owner))) throw new NotFoundError('user', owner);
      const days = Math.min(body.expiresInDays ?? services.config.apiTokenTtlDays, services.config.apiTokenTtlDays);
      const { token, secret } = await credentials.createApiToken(services.knex, owner, body.name, services.clock.now(), body.scope, days * 86_400_000);
      return { ...token, secret };
    },
  }),
  route({
    method: 'delete', path: '/api/tokens/:id', tag: 'Identity', permission: 'tokens:own', status: 204, summary: 'Revoke an API token', params: uuidParam,
    handler: async ({ params, user, services }) => {
      const token = await credentials.getApiToken(services.knex, params.id);
      if (!token || (token.userId !== user.id && !user.roles.includes('admin'))) throw new NotFoundError('API token', params.id);
      await credentials.revokeApiToken(services.knex, params.id, services.clock.now());
      return undefined;
    },
  }),
];
