import { expect } from 'chai';
import { loadConfig } from '../../api/config.js';
import { startTestApi, type TestApi } from './support/apiHarness.js';

describe('API: identity, sessions and tokens', () => {
  let api: TestApi;
  beforeEach(async () => {
    api = await startTestApi();
  });
  afterEach(() => api.close());

  it('should log in with an httpOnly SameSite session cookie and say who I am', async () => {
    // when
    const response = await fetch(`${api.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'employee', password: 'demo' }) });
    // then
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).to.match(/^lifeline_session=/);
    expect(cookie.toLowerCase()).to.contain('httponly').and.to.contain('samesite=lax');
    const me = await (await api.as('employee')).get('/api/me');
    expect(me.body).to.deep.equal({ id: 'employee', displayName: 'Erin Employee', roles: ['employee'], groups: ['sales', 'support'] });
  });

  it('should refuse a wrong password with 401 problem+json', async () => {
    const response = await api.anonymous.post('/api/auth/login', { username: 'employee', password: 'nope' });
    expect(response.status).to.equal(401);
    expect(response.headers.get('content-type')).to.contain('application/problem+json');
    expect(response.body).to.include({ code: 'UNAUTHORIZED', status: 401 });
  });

  it('should end the session on logout', async () => {
    const employee = await api.as('employee');
    expect((await employee.post('/api/auth/logout')).status).to.equal(204);
    expect((await employee.get('/api/me')).status).to.equal(401);
  });

  it('should validate bodies at the edge and name the bad fields', async () => {
    const admin = await api.as('admin');
    const response = await admin.post('/api/users', { id: 'X Y', displayName: '', password: 'short', roles: ['pilot'] });
    expect(response.status).to.equal(400);
    expect(response.body.code).to.equal('VALIDATION_FAILED');
    expect(response.body.details.issues.map((i: { path: string }) => i.path)).to.include.members(['id', 'displayName', 'password', 'roles.0']);
  });

  it('should let an admin create, change and delete users and groups', async () => {
    const admin = await api.as('admin');
    expect((await admin.put('/api/groups/billing', { name: 'Billing' })).status).to.equal(200);
    const created = await admin.post('/api/users', { id: 'new.hire', displayName: 'New Hire', password: 'long enough', roles: ['employee'], groups: ['billing'] });
    expect(created.status).to.equal(201);
    expect(created.body).to.include({ id: 'new.hire' });
    expect(created.body.groups).to.deep.equal(['billing']);
    expect((await admin.post('/api/users', { id: 'new.hire', displayName: 'Again', password: 'long enough', roles: ['employee'] })).status).to.equal(409);
    expect((await admin.patch('/api/users/new.hire', { roles: ['manager'] })).body.roles).to.deep.equal(['manager']);
    expect((await admin.patch('/api/users/nobody', { roles: ['manager'] })).status).to.equal(404);
    expect((await admin.post('/api/users', { id: 'other', displayName: 'O', password: 'long enough', roles: ['employee'], groups: ['ghosts'] })).status).to.equal(400);
    const listed = await admin.get('/api/users?limit=2');
    expect(listed.body.total).to.equal(15);
    expect(listed.body.items).to.have.length(2);
    expect((await admin.delete('/api/users/new.hire')).status).to.equal(204);
    expect((await admin.get('/api/users/new.hire')).status).to.equal(404);
    expect((await admin.delete('/api/groups/billing')).status).to.equal(204);
  });

  it('should refuse identity management to non-admins with 403', async () => {
    const manager = await api.as('manager');
    const response = await manager.get('/api/users');
    expect(response.status).to.equal(403);
    expect(response.body.code).to.equal('FORBIDDEN');
  });

  it('should authenticate workers by API token, and not after the token is revoked', async () => {
    const worker = await api.as('worker');
    const created = await worker.post('/api/tokens', { name: 'mailer' });
    expect(created.status).to.equal(201);
    expect(created.body.secret).to.match(/^lt_/);
    const byToken = await fetch(`${api.base}/api/me`, { headers: { authorization: `Bearer ${created.body.secret}` } });
    expect(byToken.status).to.equal(200);
    const listed = await worker.get('/api/tokens');
    expect(listed.body.items[0]).to.not.have.property('secret');
    expect((await worker.delete(`/api/tokens/${created.body.id}`)).status).to.equal(204);
    expect((await fetch(`${api.base}/api/me`, { headers: { authorization: `Bearer ${created.body.secret}` } })).status).to.equal(401);
  });

  it('should add and remove group members, with 404 for an unknown group, user or membership', async () => {
    // given
    const admin = await api.as('admin');
    // when
    const added = await admin.put('/api/groups/sales/members/specialist');
    // then
    expect(added.status).to.equal(200);
    expect(added.body.members).to.include('specialist');
    expect((await admin.put('/api/groups/sales/members/specialist')).status, 'adding twice').to.equal(200);
    expect((await admin.get('/api/groups/sales')).body).to.deep.include({ id: 'sales', name: 'Sales' });
    expect((await (await api.as('specialist')).get('/api/me')).body.groups).to.include('sales');
    expect((await admin.delete('/api/groups/sales/members/specialist')).status).to.equal(204);
    expect((await admin.get('/api/groups/sales')).body.members).to.not.include('specialist');
    expect((await admin.delete('/api/groups/sales/members/specialist')).status, 'not a member any more').to.equal(404);
    expect((await admin.put('/api/groups/ghosts/members/employee')).status).to.equal(404);
    expect((await admin.put('/api/groups/sales/members/nobody')).status).to.equal(404);
    expect((await admin.get('/api/groups/ghosts')).body.code).to.equal('NOT_FOUND');
  });

  it('should give a worker-scoped token the worker role only, whatever its owner may do', async () => {
    // given: an admin's token for a worker
    const admin = await api.as('admin');
    const created = await admin.post('/api/tokens', { name: 'mailer', scope: 'worker' });
    expect(created.status).to.equal(201);
    expect(created.body.scope).to.equal('worker');
    const headers = { authorization: `Bearer ${created.body.secret}`, 'content-type': 'application/json' };
    // when
    const me = await (await fetch(`${api.base}/api/me`, { headers })).json();
    const users = await fetch(`${api.base}/api/users`, { headers });
    const jobs = await fetch(`${api.base}/api/jobs/activate`, { method: 'POST', headers, body: JSON.stringify({ type: 'nothing', maxJobs: 1, timeoutMs: 0 }) });
    const escalate = await fetch(`${api.base}/api/tokens`, { method: 'POST', headers, body: JSON.stringify({ name: 'sneaky' }) });
    // then
    expect(me).to.include({ id: 'admin' });
    expect(me.roles).to.deep.equal(['worker']);
    expect(users.status).to.equal(403);
    expect(jobs.status).to.not.be.oneOf([401, 403]);
    expect(escalate.status, 'a worker token cannot mint a token with the owner roles').to.equal(403);
    // and: a token of the default scope acts with the owner's roles
    const full = await admin.post('/api/tokens', { name: 'script' });
    expect(full.body.scope).to.equal('user');
    expect((await fetch(`${api.base}/api/users`, { headers: { authorization: `Bearer ${full.body.secret}` } })).status).to.equal(200);
  });

  it('should refuse an unknown user like a wrong password', async () => {
    const response = await api.anonymous.post('/api/auth/login', { username: 'nobody', password: 'demo' });
    expect(response.status).to.equal(401);
    expect(response.body.detail).to.equal('unknown user or wrong password');
  });

  it('should end a session when it expires, and drop expired sessions at the next login', async () => {
    // given
    const employee = await api.as('employee');
    const ttl = loadConfig({}).sessionTtlMs;
    // when
    api.clock.advance(ttl + 1000);
    // then
    expect((await employee.get('/api/me')).status).to.equal(401);
    await api.as('manager');
    expect(await api.db.knex('sessions').pluck('user_id')).to.deep.equal(['manager']);
  });
});
