import { expect } from 'chai';
import { apiFixture, startTestApi, type Caller, type TestApi } from './support/apiHarness.js';
import { countStatements } from '../setup/countStatements.js';

/** What the database hears for one HTTP request on the hot path (issue 10: the completion's p99 depends on it). */
describe('API: statements per request', () => {
  let api: TestApi;
  let designer: Caller;
  let employee: Caller;
  beforeEach(async () => {
    api = await startTestApi();
    [designer, employee] = await Promise.all([api.as('designer'), api.as('employee')]);
    await designer.post('/api/deployments', { resources: [{ name: 'group-task.bpmn', xml: await apiFixture('group-task.bpmn') }] });
  });
  afterEach(() => api.close());

  it('should complete a task over HTTP in 4 statements: the caller with their groups, the lock, the task under it, one write', async () => {
    // given an open task of the employee's group
    const started = await employee.post('/api/process-definitions/groupTask/start', { variables: { group: 'support' } });
    const task = (await api.engine.listTasks({ instanceId: started.body.id, state: 'created' })).items[0];
    // when the employee completes it
    let status = 0;
    const statements = await countStatements(api.db.knex, async () => {
      status = (await employee.post(`/api/tasks/${task.id}/complete`, { variables: { done: true } })).status;
    });
    // then the task is done with one read of the caller, the instance's lock with the task, and the step's write (task change notices aside)
    expect(status).to.equal(204);
    const own = statements.filter((sql) => !sql.includes('task_change_outbox'));
    expect(own, own.join('\n')).to.have.length(4);
    expect(own[0]).to.match(/from sessions c join users u/);
    expect(own[1]).to.match(/for update/);
    expect((await api.engine.getInstance(started.body.id)).state).to.equal('completed');
  });
});
