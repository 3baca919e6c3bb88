/**
 * The admin pages' calls, all through the existing identity routes of the
 * API (users, groups, memberships, tokens) and the typed client.
 */
import { api, ok, type operations } from '../../api';

type Json<Op extends keyof operations> = operations[Op]['responses'] extends { 200: { content: { 'application/json': infer T } } }
  ? T
  : operations[Op]['responses'] extends { 201: { content: { 'application/json': infer T } } }
    ? T
    : never;
type Body<Op extends keyof operations> = operations[Op] extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;

export type User = Json<'get_api_users_id_'>;
export type Group = Json<'get_api_groups_id_'>;
export type Token = Json<'get_api_tokens'>['items'][number];
export type CreatedToken = Json<'post_api_tokens'>;
export type NewUser = Body<'post_api_users'>;
export type UserChange = Body<'patch_api_users_id_'>;
export type Role = NewUser['roles'][number];

/** The roles an account can have, with what each may do (the permission table in words). */
export const ROLES: { role: Role; label: string; what: string }[] = [
  { role: 'employee', label: 'Employee', what: 'works tasks' },
  { role: 'manager', label: 'Manager', what: 'all tasks, instances, incidents' },
  { role: 'designer', label: 'Designer', what: 'models and deploys processes' },
  { role: 'admin', label: 'Admin', what: 'everything, users and tokens' },
  { role: 'worker', label: 'Worker', what: 'API jobs (for tokens)' },
];

export const listUsers = async () => (await ok(api.GET('/api/users', { params: { query: { limit: 1000 } } }))).items;
export const createUser = (user: NewUser) => ok(api.POST('/api/users', { body: user }));
export const changeUser = (id: string, change: UserChange) => ok(api.PATCH('/api/users/{id}', { params: { path: { id } }, body: change }));
export const disableUser = (id: string) => ok(api.POST('/api/users/{id}/disable', { params: { path: { id } } }));
export const enableUser = (id: string) => ok(api.POST('/api/users/{id}/enable', { params: { path: { id } } }));
export const deleteUser = (id: string) => ok(api.DELETE('/api/users/{id}', { params: { path: { id } } }));

/** How many open tasks a user holds (a manager should reassign them when the account goes). */
export const openTasksOf = async (assignee: string) => (await ok(api.GET('/api/tasks', { params: { query: { assignee, limit: 1 } } }))).total;

export const listGroups = async () => (await ok(api.GET('/api/groups'))).items;
export const saveGroup = (id: string, name: string) => ok(api.PUT('/api/groups/{id}', { params: { path: { id } }, body: { name } }));
export const deleteGroup = (id: string) => ok(api.DELETE('/api/groups/{id}', { params: { path: { id } } }));
export const addMember = (id: string, userId: string) => ok(api.PUT('/api/groups/{id}/members/{userId}', { params: { path: { id, userId } } }));
export const removeMember = (id: string, userId: string) => ok(api.DELETE('/api/groups/{id}/members/{userId}', { params: { path: { id, userId } } }));

export const listTokens = async () => (await ok(api.GET('/api/tokens'))).items;
export const createToken = (body: Body<'post_api_tokens'>) => ok(api.POST('/api/tokens', { body }));
export const revokeToken = (id: string) => ok(api.DELETE('/api/tokens/{id}', { params: { path: { id } } }));
