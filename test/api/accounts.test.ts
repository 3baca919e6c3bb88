import { expect } from 'chai';
import { apiFixture, startTestApi, type Caller, type TestApi } from './support/apiHarness.js';

describe('API: disabling and enabling accounts', () => {
  let api: TestApi;
  let admin: Caller;
  beforeEach(async () => {
    api = await startTestApi();
    admin = await api.as('admin');
  });
  afterEach(() => api.close());

  const logIn = (username: string) => api.anonymous.post('/api/auth/login', { username, password: 'demo' });

  it('should stop a disabled user logging in, end their sessions and stop their API tokens at once', async () => {
    // given: a session and a token of the employee
    const session = await api.as('employee');
    const token = await api.withToken('employee');
    // when
    const disabled = await admin.post('/api/users/employee/disable');
    // then
    expect(disabled.status).to.equal(200);
    expect(disabled.body.disabledAt).to.equal(api.clock.now().toISOString());
    expect((await session.get('/api/me')).status).to.equal(401);
    expect((await token.get('/api/me')).status).to.equal(401);
    const refused = await logIn('employee');
    expect(refused.status).to.equal(403);
    expect(refused.body.detail).to.contain('disabled');
    expect((await admin.get('/api/users/employee')).body.disabledAt).to.not.equal(null);
  });

  it('should answer a wrong password for a disabled account as a wrong password (no hint that the account exists)', async () => {
    // given
    await admin.post('/api/users/employee/disable');
    // when
    const response = await api.anonymous.post('/api/auth/login', { username: 'employee', password: 'wrong' });
    // then
    expect(response.status).to.equal(401);
  });

  it('should let an enabled account log in again', async () => {
    // given
    await admin.post('/api/users/employee/disable');
    // when
    const enabled = await admin.post('/api/users/employee/enable');
    // then
    expect(enabled.body.disabledAt).to.equal(null);
    expect((await logIn('employee')).status).to.equal(200);
  });

  it("should refuse to disable the admin's own account or an unknown one", async () => {
    expect((await admin.post('/api/users/admin/disable')).status).to.equal(409);
    expect((await admin.post('/api/users/nobody/disable')).status).to.equal(404);
    expect((await admin.post('/api/users/nobody/enable')).status).to.equal(404);
  });

  it('should leave disabled users out when an assignment strategy picks a group member', async () => {
    // given: support-specialists are sofia, specialist and sven, none with open tasks; the first two are disabled
    const designer = await api.as('designer');
    await designer.post('/api/deployments', { resources: [{ name: 'least-loaded.bpmn', xml: await apiFixture('least-loaded.bpmn') }] });
    expect((await admin.get('/api/groups/support-specialists')).body.members).to.deep.equal(['sofia', 'specialist', 'sven']);
    await admin.post('/api/users/sofia/disable');
    await admin.post('/api/users/specialist/disable');
    // when
    const started = await admin.post('/api/process-definitions/leastLoaded/start', {});
    // then
    const [task] = (await api.engine.listTasks({ instanceId: started.body.id })).items;
    expect(task.assignee).to.equal('sven');
  });

  it("should leave disabled accounts out of the people a task can be handed to (the employee's and the manager's pickers)", async () => {
    // given
    await admin.post('/api/users/specialist/disable');
    // when
    const colleagues = await (await api.as('employee')).get('/api/colleagues');
    const people = await (await api.as('manager')).get('/api/monitor/people');
    // then
    expect(colleagues.body.items.map((p: { id: string }) => p.id)).to.include('sofia').and.not.include('specialist');
    expect(people.body.items.map((p: { id: string }) => p.id)).to.include('sofia').and.not.include('specialist');
  });
});
