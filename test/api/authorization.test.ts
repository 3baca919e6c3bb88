import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { routes } from '../../api/routes/index.js';
import { API_ROLES, allows } from '../../api/auth/permissions.js';
import { credentials, hashPassword, people, users } from '../../db/index.js';
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
  /** A stream that never ends by itself (server-sent events): judged by the status of its headers. */
  stream?: boolean;
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
  'GET /api/task-events': async () => ({ path: '/api/task-events', stream: true }),
  'GET /api/tasks/:id/history': async (api) => ({ path: `/api/tasks/${await openTask(api)}/history` }),
  'GET /api/colleagues': async () => ({ path: '/api/colleagues' }),
  'POST /api/users/:id/disable': async (api) => ({ path: `/api/users/${await freshUser(api)}/disable` }),
  'POST /api/users/:id/enable': async (api) => {
    const id = await freshUser(api);
    await people.setDisabled(api.db.knex, id, api.clock.now());
    return { path: `/api/users/${id}/enable` };
  },
  'GET /api/tokens': async () => ({ path: '/api/tokens' }),
  'POST /api/tokens': async () => ({ path: '/api/tokens', body: { name: 'matrix' } }),
  'DELETE /api/tokens/:id': async (api, _role, user) => ({ path: `/api/tokens/${(await credentials.createApiToken(api.db.knex, user === 'nobody' ? 'admin' : user, 'matrix', api.clock.now())).token.id}` }),
};

const CALENDAR = { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], workingHours: { start: '09:00', end: '17:00' }, holidays: [], isDefault: false };

let rehearsalCaller: Caller | undefined;

/** A rehearsal of `key` (workers manual), with one instance started in it when `variables` are given; its id. */
async function rehearsal(api: TestApi, key = 'exclusive', variables?: Record<string, unknown>): Promise<string> {
  rehearsalCaller ??= await api.as('admin');
  const created = await rehearsalCaller.post('/api/rehearsals', { definitionKey: key, workers: 'manual' });
  if (created.status !== 201) throw new Error(`rehearsal: ${JSON.stringify(created.body)}`);
  if (variables) await rehearsalCaller.post(`/api/rehearsals/${created.body.id}/instances`, { variables });
  return created.body.id;
}

/** The first item of a rehearsal's list (`tasks`, `jobs`, `instances`). */
async function firstOf(id: string, list: string): Promise<string> {
  const answer = await rehearsalCaller!.get(`/api/rehearsals/${id}/${list}`);
  return answer.body.items[0].id;
}

async function scenario(api: TestApi): Promise<string> {
  const id = await rehearsal(api, 'exclusive', { amount: 1 });
  return (await rehearsalCaller!.post(`/api/rehearsals/${id}/scenarios`, { name: `s-${unique()}` })).body.id;
}

const REHEARSAL_SCENARIOS: Record<string, Scenario> = {
  'POST /api/rehearsals': async () => ({ path: '/api/rehearsals', body: { definitionKey: 'exclusive', workers: 'manual' } }),
  'GET /api/rehearsals': async () => ({ path: '/api/rehearsals' }),
  'GET /api/rehearsals/:id': async (api) => ({ path: `/api/rehearsals/${await rehearsal(api)}` }),
  'GET /api/rehearsals/:id/model': async (api) => ({ path: `/api/rehearsals/${await rehearsal(api)}/model` }),
  'DELETE /api/rehearsals/:id': async (api) => ({ path: `/api/rehearsals/${await rehearsal(api)}` }),
  'GET /api/rehearsals/:id/steps': async (api) => ({ path: `/api/rehearsals/${await rehearsal(api)}/steps` }),
  'POST /api/rehearsals/:id/clock': async (api) => ({ path: `/api/rehearsals/${await rehearsal(api)}/clock`, body: { by: 'PT1H' } }),
  'POST /api/rehearsals/:id/instances': async (api) => ({ path: `/api/rehearsals/${await rehearsal(api)}/instances`, body: { variables: { amount: 1 } } }),
  'POST /api/rehearsals/:id/tasks/:taskId/complete': async (api) => {
    const id = await rehearsal(api, 'exclusive', { amount: 1 });
    return { path: `/api/rehearsals/${id}/tasks/${await firstOf(id, 'tasks')}/complete`, body: { variables: {} } };
  },
  'POST /api/rehearsals/:id/tasks/:taskId/assign': async (api) => {
    const id = await rehearsal(api, 'exclusive', { amount: 1 });
    return { path: `/api/rehearsals/${id}/tasks/${await firstOf(id, 'tasks')}/assign`, body: { assignee: 'employee' } };
  },
  'POST /api/rehearsals/:id/jobs/:jobId/complete': async (api) => {
    const id = await rehearsal(api, 'matrixJob', {});
    return { path: `/api/rehearsals/${id}/jobs/${await firstOf(id, 'jobs')}/complete`, body: { variables: {} } };
  },
  'POST /api/rehearsals/:id/jobs/:jobId/fail': async (api) => {
    const id = await rehearsal(api, 'matrixJob', {});
    return { path: `/api/rehearsals/${id}/jobs/${await firstOf(id, 'jobs')}/fail`, body: { retries: 1 } };
  },
  'POST /api/rehearsals/:id/jobs/:jobId/error': async (api) => {
    const id = await rehearsal(api, 'matrixJob', {});
    return { path: `/api/rehearsals/${id}/jobs/${await firstOf(id, 'jobs')}/error`, body: { errorCode: 'MATRIX' } };
  },
  'POST /api/rehearsals/:id/workers/run': async (api) => ({ path: `/api/rehearsals/${await rehearsal(api)}/workers/run` }),
  'POST /api/rehearsals/:id/messages': async (api) => {
    const key = unique();
    return { path: `/api/rehearsals/${await rehearsal(api, 'matrixMessage', { key })}/messages`, body: { name: 'matrix-ping', correlationKey: key } };
  },
  'POST /api/rehearsals/:id/signals': async (api) => ({ path: `/api/rehearsals/${await rehearsal(api)}/signals`, body: { name: 'matrix-signal' } }),
  'POST /api/rehearsals/:id/scenarios': async (api) => ({ path: `/api/rehearsals/${await rehearsal(api, 'exclusive', { amount: 1 })}/scenarios`, body: { name: `s-${unique()}` } }),
  'GET /api/rehearsals/scenarios': async () => ({ path: '/api/rehearsals/scenarios' }),
  'GET /api/rehearsals/scenarios/:id': async (api) => ({ path: `/api/rehearsals/scenarios/${await scenario(api)}` }),
  'DELETE /api/rehearsals/scenarios/:id': async (api) => ({ path: `/api/rehearsals/scenarios/${await scenario(api)}` }),
  'POST /api/rehearsals/scenarios/:id/replay': async (api) => ({ path: `/api/rehearsals/scenarios/${await scenario(api)}/replay`, body: { definitionKey: 'exclusive' } }),
  'GET /api/rehearsals/:id/instances': async (api) => ({ path: `/api/rehearsals/${await rehearsal(api)}/instances` }),
  'GET /api/rehearsals/:id/instances/:instanceId': async (api) => {
    const id = await rehearsal(api, 'exclusive', { amount: 1 });
    return { path: `/api/rehearsals/${id}/instances/${await firstOf(id, 'instances')}` };
  },
  'GET /api/rehearsals/:id/tasks': async (api) => ({ path: `/api/rehearsals/${await rehearsal(api)}/tasks` }),
  'GET /api/rehearsals/:id/tasks/:taskId': async (api) => {
    const id = await rehearsal(api, 'exclusive', { amount: 1 });
    return { path: `/api/rehearsals/${id}/tasks/${await firstOf(id, 'tasks')}` };
  },
  'GET /api/rehearsals/:id/jobs': async (api) => ({ path: `/api/rehearsals/${await rehearsal(api)}/jobs` }),
  'GET /api/rehearsals/:id/timers': async (api) => ({ path: `/api/rehearsals/${await rehearsal(api)}/timers` }),
  'GET /api/rehearsals/:id/incidents': async (api) => ({ path: `/api/rehearsals/${await rehearsal(api)}/incidents` }),
  'GET /api/rehearsals/:id/element-counts': async (api) => ({ path: `/api/rehearsals/${await rehearsal(api)}/element-counts` }),
  'GET /api/rehearsals/:id/history': async (api) => ({ path: `/api/rehearsals/${await rehearsal(api)}/history` }),
  'GET /api/rehearsals/:id/emails': async (api) => ({ path: `/api/rehearsals/${await rehearsal(api)}/emails` }),
  'GET /api/rehearsals/:id/notifications': async (api) => ({ path: `/api/rehearsals/${await rehearsal(api)}/notifications` }),
};
Object.assign(SCENARIOS, REHEARSAL_SCENARIOS);
Object.assign(SCENARIOS, {
  'GET /api/startable-processes': async () => ({ path: '/api/startable-processes' }),
  'POST /api/process-definitions/:key/submit-form': async () => ({ path: '/api/process-definitions/support-escalation/submit-form', body: { variables: { customer: `c-${unique()}`, summary: 'Matrix request', severity: 'normal' } }, expect: [201] }),
} satisfies Record<string, Scenario>);

/** The reports (issue 13): figures of the demo data; a reassignment of a task claimed for it. */
const REPORT_SCENARIOS: Record<string, Scenario> = {
  'GET /api/reports/processes': async () => ({ path: '/api/reports/processes' }),
  'GET /api/reports/processes/:key': async () => ({ path: '/api/reports/processes/exclusive?bucket=day&timeZone=Europe/Berlin' }),
  'GET /api/reports/processes/:key/tasks': async () => ({ path: '/api/reports/processes/exclusive/tasks' }),
  'GET /api/reports/people': async () => ({ path: '/api/reports/people?group=support' }),
  'GET /api/reports/workload': async () => ({ path: '/api/reports/workload' }),
  'POST /api/reports/workload/reassign': async (api) => ({ path: '/api/reports/workload/reassign', body: { taskIds: [await openTask(api, 'employee')], to: { leastLoadedIn: 'support' } } }),
  'GET /api/reports/heat-map/:id': async (api) => ({ path: `/api/reports/heat-map/${await definitionId(api)}` }),
  'GET /api/reports/instances': async () => ({ path: '/api/reports/instances?definitionKey=exclusive&figure=open&ageBand=0' }),
  'GET /api/reports/tasks': async () => ({ path: '/api/reports/tasks?figure=open' }),
};
Object.assign(SCENARIOS, REPORT_SCENARIOS);

const hasBody = (method: string) => method !== 'get' && method !== 'delete';

describe('API: authorization matrix', () => {
  let api: TestApi;
  const callers: Record<string, Caller> = {};
  const cookies: Record<string, string> = {};

  /** The status of a stream's answer (its headers), then hang up. */
  async function streamStatus(path: string, cookie?: string): Promise<number> {
    const controller = new AbortController();
    const response = await fetch(api.base + path, { headers: cookie ? { cookie } : {}, signal: controller.signal });
    controller.abort();
    return response.status;
  }
  before(async () => {
    api = await startTestApi();
    await api.engine.deploy({ resources: [{ name: 'exclusive.bpmn', xml: await apiFixture('exclusive.bpmn') }, { name: 'matrix.bpmn', xml: await apiFixture('matrix.bpmn') }] });
    for (const role of API_ROLES) callers[role] = await api.as(USERS[role]);
    for (const role of API_ROLES) {
      const login = await fetch(`${api.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: USERS[role], password: 'demo' }) });
      cookies[role] = (login.headers.get('set-cookie') ?? '').split(';')[0];
    }
  });
  after(async () => {
    rehearsalCaller = undefined;
    await api.close();
  });

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
        const anonymous = request.stream ? { status: await streamStatus(request.path) } : await api.anonymous.request(route.method.toUpperCase(), request.path, hasBody(route.method) ? (request.body ?? {}) : undefined);
        expect(anonymous.status, `anonymous ${label}`).to.equal(401);
      }
      for (const role of API_ROLES) {
        const request = await scenario(api, role, USERS[role]);
        const caller = request.freshSession ? await api.as(USERS[role]) : callers[role];
        const response = request.stream
          ? { status: await streamStatus(request.path, cookies[role]), body: '(stream)' }
          : await caller.request(route.method.toUpperCase(), request.path, hasBody(route.method) ? (request.body ?? {}) : undefined);
        const detail = `${role} ${label}: ${JSON.stringify(response.body).slice(0, 300)}`;
        if (allows(route.permission, [role])) expect(response.status, detail).to.be.oneOf(request.expect ?? [route.status ?? 200]);
        else expect(response.status, detail).to.equal(403);
      }
    });
  }
});
