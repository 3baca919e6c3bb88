import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { routes } from '../../api/routes/index.js';
import { API_ROLES, allows } from '../../api/auth/permissions.js';
import { credentials, hashPassword, users } from '../../db/index.js';
import { apiFixture, startTestApi, type Caller, type TestApi } from './support/apiHarness.js';

/**
 * Every role × every route, generated from the route list and the
 * permission table: a new route cannot be forgotten (it needs a scenario).
 * An allowed role must get the route's real success status, on a request
 * built fresh for it (or, where a scenario says so, a 4xx of the route's
 * own validation); a denied role gets 403; anonymous callers get 401 on
 * every route that is not public.
 */
const USERS: Record<string, string> = { admin: 'admin', designer: 'designer', manager: 'manager', employee: 'employee', worker: 'worker' };

interface Request {
  path: string;
  body?: unknown;
  /** Statuses that count as the route working, when not its declared success (a 4xx of its own validation). */
  expect?: number[];
  /** Call with a session of its own (the route ends the session it is called with). */
  freshSession?: boolean;
}

type Scenario = (api: TestApi, role: string, user: string) => Promise<Request>;

const unique = () => randomUUID().slice(0, 8);

async function openTask(api: TestApi, claimedBy?: string): Promise<string> {
  const instance = await api.engine.startInstance({ definitionKey: 'exclusive', variables: { amount: 1 } });
  const [task] = (await api.engine.listTasks({ instanceId: instance.id, state: 'created' })).items;
  if (claimedBy) await api.engine.claimTask(task.id, claimedBy);
  return task.id;
}

async function openJob(api: TestApi): Promise<string> {
  await api.engine.startInstance({ definitionKey: 'matrixJob' });
  const [job] = await api.engine.activateJobs({ type: 'matrix-job', worker: 'matrix', maxJobs: 1, lockDurationMs: 60_000 });
  return job.id;
}

async function openIncident(api: TestApi): Promise<string> {
  const jobId = await openJob(api);
  await api.engine.failJob(jobId, { retries: 0, errorMessage: 'matrix' });
  const job = (await api.engine.listJobs({ state: 'failed', limit: 1000 })).items.find((j) => j.id === jobId)!;
  return (await api.engine.listIncidents({ instanceId: job.instanceId, state: 'open' })).items.find((i) => i.jobId === jobId)!.id;
}

async function freshUser(api: TestApi): Promise<string> {
  const id = `u-${unique()}`;
  await users.insertUser(api.db.knex, { id, displayName: id, roles: ['employee'], passwordHash: await hashPassword('password1') }, api.clock.now());
  return id;
}

async function deployUnique(api: TestApi): Promise<string> {
  const xml = (await apiFixture('exclusive.bpmn')).replace(/id="exclusive"/, `id="x${unique()}"`);
  return (await api.engine.deploy({ resources: [{ name: 'x.bpmn', xml }] })).definitions[0].id;
}

const instanceOf = async (api: TestApi) => (await api.engine.startInstance({ definitionKey: 'exclusive', variables: { amount: 1 } })).id;
const definitionId = async (api: TestApi) => (await api.engine.listDefinitions({ key: 'exclusive' })).items[0].id;

const SCENARIOS: Record<string, Scenario> = {
  'POST /api/auth/login': async () => ({ path: '/api/auth/login', body: { username: 'employee', password: 'demo' } }),
  'POST /api/auth/logout': async () => ({ path: '/api/auth/logout', freshSession: true }),
  'GET /api/auth/session': async () => ({ path: '/api/auth/session' }),
  'GET /api/auth/demo-users': async () => ({ path: '/api/auth/demo-users' }),
  'GET /api/me': async () => ({ path: '/api/me' }),
  'POST /api/me/password': async () => ({ path: '/api/me/password', body: { currentPassword: 'not the password', newPassword: 'a longer one' }, expect: [400] }),
  'POST /api/deployments': async () => ({ path: '/api/deployments', body: { resources: [{ name: 'x.bpmn', xml: (await apiFixture('exclusive.bpmn')).replace(/id="exclusive"/, `id="x${unique()}"`) }] } }),
  'POST /api/deployments/validate': async () => ({ path: '/api/deployments/validate', body: { xml: await apiFixture('exclusive.bpmn') } }),
  'GET /api/process-definitions': async () => ({ path: '/api/process-definitions' }),
  'GET /api/process-definitions/:id': async (api) => ({ path: `/api/process-definitions/${await definitionId(api)}` }),
  'GET /api/process-definitions/:id/xml': async (api) => ({ path: `/api/process-definitions/${await definitionId(api)}/xml` }),
  'DELETE /api/process-definitions/:id': async (api) => ({ path: `/api/process-definitions/${await deployUnique(api)}` }),
  'GET /api/forms/:formId': async () => ({ path: '/api/forms/answer-request' }),
  'POST /api/process-definitions/:key/start': async () => ({ path: '/api/process-definitions/exclusive/start', body: { variables: { amount: 5 } } }),
  'POST /api/process-instances': async () => ({ path: '/api/process-instances', body: { definitionKey: 'exclusive', variables: { amount: 5 } } }),
  'GET /api/process-instances': async () => ({ path: '/api/process-instances' }),
  'GET /api/process-instances/:id': async (api) => ({ path: `/api/process-instances/${await instanceOf(api)}` }),
  'GET /api/process-instances/:id/history': async (api) => ({ path: `/api/process-instances/${await instanceOf(api)}/history` }),
  'POST /api/process-instances/:id/cancel': async (api) => ({ path: `/api/process-instances/${await instanceOf(api)}/cancel` }),
  'PUT /api/process-instances/:id/variables': async (api) => ({ path: `/api/process-instances/${await instanceOf(api)}/variables`, body: { variables: { note: 'x' } } }),
  'POST /api/process-instances/:id/modify': async (api) => ({ path: `/api/process-instances/${await instanceOf(api)}/modify`, body: { cancel: [{ elementId: 'low' }], activate: [{ elementId: 'high' }] } }),
  'GET /api/tasks': async () => ({ path: '/api/tasks' }),
  'GET /api/tasks/:id': async (api) => ({ path: `/api/tasks/${await openTask(api)}` }),
  'POST /api/tasks/:id/claim': async (api) => ({ path: `/api/tasks/${await openTask(api)}/claim` }),
  'POST /api/tasks/:id/unclaim': async (api, _role, user) => ({ path: `/api/tasks/${await openTask(api, user)}/unclaim` }),
  'POST /api/tasks/:id/assign': async (api) => ({ path: `/api/tasks/${await openTask(api)}/assign`, body: { assignee: 'specialist' } }),
  'POST /api/tasks/:id/delegate': async (api, _role, user) => ({ path: `/api/tasks/${await openTask(api, user)}/delegate`, body: { assignee: 'specialist' } }),
  'POST /api/tasks/:id/complete': async (api) => ({ path: `/api/tasks/${await openTask(api)}/complete`, body: { variables: { done: true } } }),
  'POST /api/messages': async (api) => {
    const key = unique();
    await api.engine.startInstance({ definitionKey: 'matrixMessage', variables: { key } });
    return { path: '/api/messages', body: { name: 'matrix-ping', correlationKey: key } };
  },
  'POST /api/signals': async () => ({ path: '/api/signals', body: { name: 'matrix-signal' } }),
  'POST /api/jobs/activate': async (api) => {
    await api.engine.startInstance({ definitionKey: 'matrixJob' });
    return { path: '/api/jobs/activate', body: { type: 'matrix-job', maxJobs: 1 } };
  },
  'POST /api/jobs/:id/complete': async (api) => ({ path: `/api/jobs/${await openJob(api)}/complete`, body: { variables: {} } }),
  'POST /api/jobs/:id/fail': async (api) => ({ path: `/api/jobs/${await openJob(api)}/fail`, body: { retries: 1, errorMessage: 'later' } }),
  'POST /api/jobs/:id/error': async (api) => ({ path: `/api/jobs/${await openJob(api)}/error`, body: { errorCode: 'MATRIX' } }),
  'GET /api/incidents': async () => ({ path: '/api/incidents' }),
  'POST /api/incidents/:id/retry': async (api) => ({ path: `/api/incidents/${await openIncident(api)}/retry`, body: { retries: 1 } }),
  'POST /api/incidents/:id/resolve': async (api) => ({ path: `/api/incidents/${await openIncident(api)}/resolve` }),
  'GET /api/process-definitions/key/:key/element-counts': async () => ({ path: '/api/process-definitions/key/exclusive/element-counts' }),
  'GET /api/users': async () => ({ path: '/api/users' }),
  'POST /api/users': async () => ({ path: '/api/users', body: { id: `n-${unique()}`, displayName: 'New', password: 'password1', roles: ['employee'] } }),
  'GET /api/users/:id': async () => ({ path: '/api/users/employee' }),
  'PATCH /api/users/:id': async (api) => ({ path: `/api/users/${await freshUser(api)}`, body: { displayName: 'Renamed' } }),
  'DELETE /api/users/:id': async (api) => ({ path: `/api/users/${await freshUser(api)}` }),
  'GET /api/groups': async () => ({ path: '/api/groups' }),
  'GET /api/groups/:id': async () => ({ path: '/api/groups/support' }),
  'PUT /api/groups/:id/members/:userId': async (api) => ({ path: `/api/groups/support/members/${await freshUser(api)}` }),
  'DELETE /api/groups/:id/members/:userId': async (api) => {
    const user = await freshUser(api);
    await users.addMembership(api.db.knex, 'support', user);
    return { path: `/api/groups/support/members/${user}` };
  },
  'PUT /api/groups/:id': async () => ({ path: `/api/groups/g-${unique()}`, body: { name: 'A group' } }),
  'DELETE /api/groups/:id': async (api) => {
    const id = `g-${unique()}`;
    await users.upsertGroup(api.db.knex, { id, name: id });
    return { path: `/api/groups/${id}` };
  },
  'GET /api/calendars': async () => ({ path: '/api/calendars' }),
  'GET /api/calendars/:name': async () => ({ path: '/api/calendars/office' }),
  'PUT /api/calendars/:name': async () => ({ path: `/api/calendars/c-${unique()}`, body: CALENDAR }),
  'DELETE /api/calendars/:name': async (api) => {
    const name = `c-${unique()}`;
    const { isDefault: _d, ...definition } = CALENDAR;
    await api.engine.saveCalendar({ name, definition, isDefault: false });
    return { path: `/api/calendars/${name}` };
  },
  'GET /api/notifications': async () => ({ path: '/api/notifications' }),
  'POST /api/notifications/read': async () => ({ path: '/api/notifications/read', body: {} }),
  'GET /api/customers/:businessKey/timeline': async () => ({ path: '/api/customers/REQ-1/timeline' }),
  'GET /api/emails': async () => ({ path: '/api/emails' }),
  'GET /api/monitoring/sla': async () => ({ path: '/api/monitoring/sla' }),
  'GET /api/monitor/overview': async () => ({ path: '/api/monitor/overview' }),
  'GET /api/monitor/instances': async () => ({ path: '/api/monitor/instances' }),
  'GET /api/monitor/instances/:id': async (api) => ({ path: `/api/monitor/instances/${await instanceOf(api)}` }),
  'GET /api/monitor/definitions/:id': async (api) => ({ path: `/api/monitor/definitions/${await definitionId(api)}` }),
  'GET /api/monitor/people': async () => ({ path: '/api/monitor/people' }),
  'GET /api/tokens': async () => ({ path: '/api/tokens' }),
  'POST /api/tokens': async () => ({ path: '/api/tokens', body: { name: 'matrix' } }),
  'DELETE /api/tokens/:id': async (api, _role, user) => ({ path: `/api/tokens/${(await credentials.createApiToken(api.db.knex, user === 'nobody' ? 'admin' : user, 'matrix', api.clock.now())).token.id}` }),
};

const CALENDAR = { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], workingHours: { start: '09:00', end: '17:00' }, holidays: [], isDefault: false };

const hasBody = (method: string) => method !== 'get' && method !== 'delete';

describe('API: authorization matrix', () => {
  let api: TestApi;
  const callers: Record<string, Caller> = {};
  before(async () => {
    api = await startTestApi();
    await api.engine.deploy({ resources: [{ name: 'exclusive.bpmn', xml: await apiFixture('exclusive.bpmn') }, { name: 'matrix.bpmn', xml: await apiFixture('matrix.bpmn') }] });
    for (const role of API_ROLES) callers[role] = await api.as(USERS[role]);
  });
  after(() => api.close());

  it('should cover every role of the permission table with a demo user, and every route with a scenario', () => {
    expect(Object.keys(USERS).sort()).to.deep.equal([...API_ROLES].sort());
    expect(routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).filter((key) => !SCENARIOS[key])).to.deep.equal([]);
  });

  for (const route of routes) {
    const label = `${route.method.toUpperCase()} ${route.path}`;
    it(`should apply '${route.permission}' to ${label}: success for allowed roles, 403 for others`, async function () {
      this.timeout(30_000);
      const scenario = SCENARIOS[label];
      if (!scenario) this.skip();
      if (route.permission !== 'public') {
        const request = await scenario(api, 'anonymous', 'nobody');
        const anonymous = await api.anonymous.request(route.method.toUpperCase(), request.path, hasBody(route.method) ? (request.body ?? {}) : undefined);
        expect(anonymous.status, `anonymous ${label}`).to.equal(401);
      }
      for (const role of API_ROLES) {
        const request = await scenario(api, role, USERS[role]);
        const caller = request.freshSession ? await api.as(USERS[role]) : callers[role];
        const response = await caller.request(route.method.toUpperCase(), request.path, hasBody(route.method) ? (request.body ?? {}) : undefined);
        const detail = `${role} ${label}: ${JSON.stringify(response.body).slice(0, 300)}`;
        if (allows(route.permission, [role])) expect(response.status, detail).to.be.oneOf(request.expect ?? [route.status ?? 200]);
        else expect(response.status, detail).to.equal(403);
      }
    });
  }
});
