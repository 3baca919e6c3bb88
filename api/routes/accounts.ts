/**
 * Disabling and enabling accounts (admins). A disabled user cannot log in,
 * their browser sessions end and their API tokens stop working at once, and
 * assignment strategies no longer pick them; their history and open tasks
 * stay (a manager reassigns those). Enabling restores access.
 */
import { ConflictError, NotFoundError } from '../../engine/index.js';
import { people, users } from '../../db/index.js';
import { route, idParam, type Route } from '../http/route.js';
import { userShape } from './identityShapes.js';

export const accountRoutes: Route[] = [
  route({
    method: 'post', path: '/api/users/:id/disable', tag: 'Identity', permission: 'identity:manage', response: userShape,
    summary: 'Disable an account: no login, its sessions end and its API tokens stop working, assignment no longer picks it (history and tasks stay)',
    params: idParam,
    handler: async ({ params, user, services }) => {
      if (params.id === user.id) throw new ConflictError('you cannot disable your own account');
      await services.knex.transaction(async (trx) => {
        if (!(await people.setDisabled(trx, params.id, services.clock.now()))) throw new NotFoundError('user', params.id);
        await people.endSessions(trx, params.id);
      });
      return users.getUser(services.knex, params.id);
    },
  }),
  route({
    method: 'post', path: '/api/users/:id/enable', tag: 'Identity', permission: 'identity:manage', response: userShape,
    summary: 'Enable a disabled account again',
    params: idParam,
    handler: async ({ params, services }) => {
      if (!(await people.setDisabled(services.knex, params.id, null))) throw new NotFoundError('user', params.id);
      return users.getUser(services.knex, params.id);
    },
  }),
];
