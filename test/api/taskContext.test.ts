import { expect } from 'chai';
import { apiFixture, startTestApi, type Caller, type TestApi } from './support/apiHarness.js';

const HOUR = 3_600_000;

describe('API: the task list views, task history and colleagues', () => {
  let api: TestApi;
  let employee: Caller;
  beforeEach(async () => {
    api = await startTestApi();
    employee = await api.as('employee');
    const designer = await api.as('designer');
    await designer.post('/api/deployments', { resources: [{ name: 'scheduled-task.bpmn', xml: await apiFixture('scheduled-task.bpmn') }] });
  });
  afterEach(() => api.close());

  /** Starts one instance; its task is due `hours` from the test clock. */
  const start = async (businessKey: string, o: { group?: string; hours?: number; priority?: number } = {}) => {
    const due = new Date(api.clock.now().getTime() + (o.hours ?? 24) * HOUR).toISOString();
    const started = await employee.post('/api/process-definitions/scheduledTask/start', { businessKey, variables: { group: o.group ?? 'support', due, priority: o.priority ?? 50 } });
    return (await api.engine.listTasks({ instanceId: started.body.id })).items[0].id as string;
  };

  describe('GET /api/tasks', () => {
    it('should list the tasks I can claim apart from mine, and find them by part of the business key', async () => {
      // given
      const mine = await start('ACME-1');
      const claimable = await start('acme-2');
      await start('GLOBEX-3');
      await employee.post(`/api/tasks/${mine}/claim`);
      // when
      const myTasks = await employee.get('/api/tasks?mine=true&assignee=employee');
      const toClaim = await employee.get('/api/tasks?mine=true&unassigned=true&sort=due');
      const found = await employee.get('/api/tasks?mine=true&search=acme');
      // then
      expect(myTasks.body.items.map((t: { id: string }) => t.id)).to.deep.equal([mine]);
      expect(toClaim.body.total).to.equal(2);
      expect(toClaim.body.items.map((t: { id: string }) => t.id)).to.include(claimable).and.not.include(mine);
      expect(found.body.items.map((t: { businessKey: string }) => t.businessKey).sort()).to.deep.equal(['ACME-1', 'acme-2']);
    });

    it('should sort by due date, then priority, and mark overdue tasks by the server clock', async () => {
      // given
      const later = await start('LATER', { hours: 48, priority: 99 });
      const soonLow = await start('SOON-LOW', { hours: 2, priority: 10 });
      const soonHigh = await start('SOON-HIGH', { hours: 2, priority: 80 });
      // when: three hours pass
      api.clock.advance(3 * HOUR);
      const listed = await employee.get('/api/tasks?mine=true&sort=due');
      const overdue = await employee.get('/api/tasks?mine=true&overdue=true');
      // then
      expect(listed.body.items.map((t: { id: string }) => t.id)).to.deep.equal([soonHigh, soonLow, later]);
      expect(listed.body.items.map((t: { overdue: boolean }) => t.overdue)).to.deep.equal([true, true, false]);
      expect(listed.body.now).to.equal(api.clock.now().toISOString());
      expect(overdue.body.total).to.equal(2);
      expect((await employee.get(`/api/tasks/${later}`)).body.overdue).to.equal(false);
    });

    it('should show a manager everyone\'s tasks unless they ask for their own', async () => {
      // given: a sales task the manager is no candidate for
      await start('S-1', { group: 'sales' });
      const manager = await api.as('manager');
      // when / then
      expect((await manager.get('/api/tasks')).body.total).to.equal(1);
      expect((await manager.get('/api/tasks?mine=true')).body.total).to.equal(0);
    });
  });

  describe('GET /api/tasks/:id/history', () => {
    it('should tell whoever may see the task what happened so far, with names, and without variable values', async () => {
      // given
      const id = await start('ACME-9');
      await employee.post(`/api/tasks/${id}/claim`);
      const manager = await api.as('manager');
      await manager.post(`/api/tasks/${id}/assign`, { assignee: 'specialist' });
      const { instanceId } = await api.engine.getTask(id);
      await manager.put(`/api/process-instances/${instanceId}/variables`, { variables: { note: 'a private remark' } });
      // when
      const history = await (await api.as('specialist')).get(`/api/tasks/${id}/history`);
      // then
      expect(history.status).to.equal(200);
      const lines = history.body.items as { type: string; elementName: string | null; actorName: string | null; assigneeName: string | null; variableNames: string[]; details: object }[];
      const started = lines.find((l) => l.type === 'process.started')!;
      expect(started.actorName).to.equal('Erin Employee');
      expect(lines.find((l) => l.type === 'task.created')!.elementName).to.equal('Call customer');
      expect(lines.find((l) => l.type === 'task.claimed')).to.include({ actorName: 'Erin Employee', assigneeName: 'Erin Employee' });
      expect(lines.find((l) => l.type === 'task.assigned')).to.include({ actorName: 'Max Manager', assigneeName: 'Sam Specialist' });
      expect(lines.find((l) => l.type === 'variables.set')).to.include({ actorName: 'Max Manager' }).and.deep.include({ variableNames: ['note'] });
      expect(JSON.stringify(lines), 'variable values').to.not.contain('a private remark').and.not.contain('"support"');
    });

    it('should answer 404 to someone who may not see the task', async () => {
      // given: a sales task; the specialist is not in sales
      const id = await start('S-2', { group: 'sales' });
      // when
      const response = await (await api.as('specialist')).get(`/api/tasks/${id}/history`);
      // then
      expect(response.status).to.equal(404);
    });
  });

  describe('GET /api/colleagues', () => {
    it('should find colleagues who work tasks by part of their name, leaving out disabled accounts', async () => {
      // given
      const admin = await api.as('admin');
      await admin.post('/api/users', { id: 'sam.two', displayName: 'Samantha Two', password: 'long enough', roles: ['employee'], groups: ['sales'] });
      await admin.post('/api/users/sam.two/disable');
      // when
      const all = await employee.get('/api/colleagues');
      const sams = await employee.get('/api/colleagues?search=SAM');
      const inSupport = await employee.get('/api/colleagues?group=support');
      // then
      const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((c) => c.id);
      expect(ids(all)).to.include.members(['employee', 'specialist', 'manager', 'admin']).and.not.include.members(['designer', 'worker', 'sam.two']);
      expect(ids(sams)).to.deep.equal(['specialist']);
      expect(ids(inSupport).sort()).to.deep.equal(['employee', 'sofia', 'specialist', 'sven']);
      expect(sams.body.items[0]).to.deep.equal({ id: 'specialist', displayName: 'Sam Specialist', groups: ['support', 'support-specialists'] });
    });
  });
});
