import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { apiFixture, startTestApi, type Caller, type TestApi } from './support/apiHarness.js';

const fixture = apiFixture;

describe('API: the remaining routes', () => {
  let api: TestApi;
  let designer: Caller;
  let manager: Caller;
  let employee: Caller;
  beforeEach(async () => {
    api = await startTestApi();
    [designer, manager, employee] = await Promise.all([api.as('designer'), api.as('manager'), api.as('employee')]);
  });
  afterEach(() => api.close());

  it('should validate a model without storing it', async () => {
    const good = await designer.post('/api/deployments/validate', { xml: await fixture('exclusive.bpmn') });
    expect(good.body).to.deep.equal({ problems: [], warnings: [] });
    const bad = await designer.post('/api/deployments/validate', (await fixture('exclusive.bpmn')).replace('<bpmn:userTask id="low"', '<bpmn:businessRuleTask id="low"').replace('name="Ship small order" />', 'name="Ship small order" />'), 'application/xml');
    expect(bad.body.problems.map((p: { elementId: string }) => p.elementId)).to.include('low');
    expect((await designer.post('/api/deployments/validate', {})).status).to.equal(400);
    expect((await designer.get('/api/process-definitions?key=exclusive')).body.total).to.equal(0);
  });

  it('should serve a deployed form, and 404 for an unknown one', async () => {
    expect((await employee.get('/api/forms/answer-request')).body).to.include({ formId: 'answer-request', version: 1 });
    expect((await employee.get('/api/forms/nope')).status).to.equal(404);
  });

  it('should deploy forms as JSON objects and delete an unused version', async () => {
    const deployed = await designer.post('/api/deployments', { resources: [{ name: 'x.bpmn', xml: await fixture('exclusive.bpmn') }], forms: [{ name: 'f.form', json: { id: 'f', components: [] } }] });
    expect(deployed.body.forms[0]).to.include({ formId: 'f', version: 1 });
    expect((await designer.delete(`/api/process-definitions/${deployed.body.definitions[0].id}`)).status).to.equal(204);
    expect((await designer.delete(`/api/process-definitions/${deployed.body.definitions[0].id}`)).status).to.equal(404);
    expect((await designer.post('/api/deployments', { resources: [], forms: [] })).status).to.equal(400);
  });

  it('should start by definition id, refuse both or neither, and show history', async () => {
    const [definition] = (await designer.get('/api/process-definitions?key=renewal-reminder')).body.items;
    const started = await employee.post('/api/process-instances', { definitionId: definition.id, variables: { serviceEnd: '2026-06-30', responsible: 'employee' } });
    expect(started.status).to.equal(201);
    expect(started.body.activeElements).to.deep.equal(['thirtyDaysBeforeEnd']);
    expect((await employee.post('/api/process-instances', { definitionId: definition.id, definitionKey: 'renewal-reminder' })).status).to.equal(400);
    expect((await employee.post('/api/process-instances', { definitionKey: 'nope' })).status).to.equal(404);
    const history = await manager.get(`/api/process-instances/${started.body.id}/history`);
    expect(history.body.items[0]).to.include({ type: 'process.started', actor: 'employee' });
    expect((await manager.get(`/api/process-instances/${randomUUID()}/history`)).status).to.equal(404);
  });

  it('should let the assignee unclaim, and nobody else', async () => {
    await employee.post('/api/process-definitions/support-escalation/start', { variables: { summary: 'x', severity: 'normal' } });
    const [task] = (await employee.get('/api/tasks')).body.items;
    await employee.post(`/api/tasks/${task.id}/claim`);
    const specialist = await api.as('specialist');
    expect((await specialist.post(`/api/tasks/${task.id}/unclaim`)).status).to.equal(404);
    expect((await employee.post(`/api/tasks/${task.id}/unclaim`)).body.assignee).to.equal(null);
    expect((await specialist.post(`/api/tasks/${task.id}/claim`)).body.assignee).to.equal('specialist');
  });

  it('should take a BPMN error from a worker and resolve an incident without retry', async () => {
    await designer.post('/api/deployments', { resources: [{ name: 'job.bpmn', xml: await fixture('job.bpmn') }] });
    const worker = await api.withToken('worker');
    const started = await employee.post('/api/process-definitions/mailer/start', {});
    const [job] = (await worker.post('/api/jobs/activate', { type: 'email' })).body.jobs;
    expect((await worker.post(`/api/jobs/${job.id}/error`, {})).status).to.equal(400);
    expect((await worker.post(`/api/jobs/${job.id}/error`, { errorCode: 'BOUNCED', errorMessage: 'no such mailbox' })).status).to.equal(204);
    const [incident] = (await manager.get(`/api/incidents?instanceId=${started.body.id}`)).body.items;
    expect(incident).to.include({ type: 'unhandled_error', elementId: 'send' });
    expect((await manager.post(`/api/incidents/${incident.id}/resolve`)).status).to.equal(204);
    expect((await manager.post(`/api/incidents/${incident.id}/resolve`)).status).to.equal(409);
    expect((await manager.post(`/api/incidents/${randomUUID()}/retry`, {})).status).to.equal(404);
    expect((await manager.get('/api/incidents?state=resolved')).body.total).to.equal(1);
  });

  it('should list groups with their members for admins', async () => {
    const admin = await api.as('admin');
    const groups = await admin.get('/api/groups');
    expect(groups.body.items.find((g: { id: string }) => g.id === 'support-specialists').members).to.deep.equal(['sofia', 'specialist', 'sven']);
  });

  it('should correlate a message to a waiting instance through the API', async () => {
    await employee.post('/api/process-definitions/campaign-invitation/start', { variables: { event: { id: 'fair', name: 'Fair', date: '2026-03-20', place: 'Hall 1' }, invitees: [{ id: 'ANN', email: 'ann@example.com' }] } });
    const worker = await api.withToken('worker');
    const [job] = (await worker.post('/api/jobs/activate', { type: 'email' })).body.jobs;
    await worker.post(`/api/jobs/${job.id}/complete`, {});
    const correlated = await worker.post('/api/messages', { name: 'campaign-reply', correlationKey: 'fair/ANN', variables: { attending: true } });
    expect(correlated.body.correlated).to.deep.equal([{ instanceId: job.instanceId, elementId: 'replied' }]);
  });
});
