import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { routes } from '../../api/routes/index.js';
import { API_ROLES, allows } from '../../api/auth/permissions.js';
import { startTestApi, type Caller, type TestApi } from './support/apiHarness.js';

/**
 * Every role × every route, generated from the route list and the
 * permission table: a new route cannot be forgotten. Allowed means the
 * request passed authorization (any status but 401/403); denied means 403;
 * anonymous callers get 401 on every route that is not public.
 */
const USERS: Record<string, string> = { admin: 'admin', designer: 'designer', manager: 'manager', employee: 'employee', worker: 'worker' };

function concretePath(path: string): string {
  return path.replace(/:userId/g, 'no-such-user').replace(/:id/g, randomUUID()).replace(/:key/g, 'no-such-process').replace(/:formId/g, 'no-such-form');
}

describe('API: authorization matrix', () => {
  let api: TestApi;
  const callers: Record<string, Caller> = {};
  before(async () => {
    api = await startTestApi();
    for (const role of API_ROLES) callers[role] = await api.as(USERS[role]);
  });
  after(() => api.close());

  it('should cover every role of the permission table with a demo user', () => {
    expect(Object.keys(USERS).sort()).to.deep.equal([...API_ROLES].sort());
  });

  for (const route of routes) {
    const label = `${route.method.toUpperCase()} ${route.path}`;
    it(`should apply '${route.permission}' to ${label}`, async () => {
      // logout and login change the session: exercise them only for their public status
      const path = concretePath(route.path);
      if (route.permission !== 'public') {
        const anonymous = await api.anonymous.request(route.method.toUpperCase(), path, route.method === 'get' || route.method === 'delete' ? undefined : {});
        expect(anonymous.status, `anonymous ${label}`).to.equal(401);
      }
      if (route.path === '/api/auth/logout') return;
      for (const role of API_ROLES) {
        const response = await callers[role].request(route.method.toUpperCase(), path, route.method === 'get' || route.method === 'delete' ? undefined : {});
        if (allows(route.permission, [role])) expect(response.status, `${role} ${label}: ${JSON.stringify(response.body)}`).to.not.be.oneOf([401, 403]);
        else expect(response.status, `${role} ${label}`).to.equal(403);
      }
    });
  }
});
