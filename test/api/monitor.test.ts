import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { apiFixture, startTestApi, type Caller, type TestApi } from './support/apiHarness.js';

const HOUR = 3_600_000;

describe('API: the monitor', () => {
  let api: TestApi;
  let manager: Caller;
  let employee: Caller;
  let worker: Caller;
  let mailerId: string;
  /** Starts a mailer as the employee, a second after the previous start (the list orders by start time). */
  const start = async (businessKey: string, variables: Record<string, unknown> = {}) => {
    api.clock.advance(1000);
    return (await employee.post('/api/process-definitions/mailer/start', { businessKey, variables })).body.id as string;
  };
  /** The worker takes the open email job and fails it for good. */
  const failEmail = async () => {
    const { body } = await worker.post('/api/jobs/activate', { type: 'email', worker: 'mailer-1', maxJobs: 1 });
    await worker.post(`/api/jobs/${body.jobs[0].id}/fail`, { retries: 0, errorMessage: 'no address to send to' });
  };

  beforeEach(async () => {
    api = await startTestApi();
    const designer = await api.as('designer');
    [manager, employee, worker] = await Promise.all([api.as('manager'), api.as('employee'), api.withToken('worker')]);
    const deployed = await designer.post('/api/deployments', { name: 'mail', resources: [{ name: 'job.bpmn', xml: await apiFixture('job.bpmn') }] });
    mailerId = deployed.body.definitions[0].id;
  });
  afterEach(() => api.close());

  it('should count instances per definition version, with stuck ones by the threshold given', async () => {
    // given: one failing, one cancelled, two waiting; two hours pass
    await start('M-1');
    await failEmail();
    await manager.post(`/api/process-instances/${await start('M-2')}/cancel`);
    await start('M-3');
    await start('M-4');
    api.clock.advance(2 * HOUR);
    // when
    const short = await manager.get('/api/monitor/overview?stuckFor=PT1H');
    const long = await manager.get('/api/monitor/overview');
    // then
    expect(short.status).to.equal(200);
    const mailer = short.body.definitions.find((d: { key: string }) => d.key === 'mailer');
    expect(mailer).to.include({ definitionId: mailerId, version: 1, running: 3, cancelled: 1, completed: 0, withIncidents: 1, stuck: 3, withOverdueTasks: 0 });
    expect(short.body.stuckFor).to.equal('PT1H');
    expect(new Date(short.body.now).getTime() - new Date(short.body.stuckBefore).getTime()).to.equal(HOUR);
    expect(long.body.stuckFor).to.equal('P1D');
    expect(long.body.definitions.find((d: { key: string }) => d.key === 'mailer').stuck).to.equal(0);
    expect(short.body.definitions.map((d: { key: string }) => d.key)).to.include.members(['support-escalation', 'renewal-reminder']);
  });

  it('should refuse a threshold that is no ISO 8601 duration, naming it', async () => {
    // when
    const response = await manager.get('/api/monitor/overview?stuckFor=soon');
    // then
    expect(response.status).to.equal(400);
    expect(response.body.detail).to.contain('stuckFor');
  });

  it('should list instances by the same filters the overview counts by, searching business keys', async () => {
    // given
    await start('ACME-1');
    await failEmail();
    await start('acme-2');
    await start('Other');
    // when
    const failing = await manager.get(`/api/monitor/instances?definitionId=${mailerId}&state=active&incidents=true`);
    const search = await manager.get('/api/monitor/instances?businessKey=acme&limit=1');
    // then
    expect(failing.body.total).to.equal(1);
    expect(failing.body.items[0]).to.include({ businessKey: 'ACME-1', definitionKey: 'mailer', openIncidents: 1, state: 'active' });
    expect(search.body).to.include({ total: 2, limit: 1, offset: 0 });
    expect(search.body.items.map((i: { businessKey: string }) => i.businessKey)).to.deep.equal(['acme-2']);
    expect((await manager.get('/api/monitor/instances?overdue=maybe')).status).to.equal(400);
    expect((await manager.get('/api/monitor/instances?stuckFor=soon')).status).to.equal(400);
  });

  it('should count instances holding a task at risk or past its SLA, and list exactly those by ?sla= (issue 7)', async () => {
    // given: callbacks whose SLA is at risk after 2 hours and breached after 4; LATE is 5 hours old, RISKY 3, FRESH new
    const designer = await api.as('designer');
    await designer.post('/api/deployments', { name: 'callbacks', resources: [{ name: 'sla-callback.bpmn', xml: await apiFixture('sla-callback.bpmn') }] });
    const callback = (businessKey: string) => employee.post('/api/process-definitions/callback/start', { businessKey });
    await callback('LATE');
    api.clock.advance(2 * HOUR);
    await callback('RISKY');
    api.clock.advance(3 * HOUR);
    await callback('FRESH');
    // when
    const overview = await manager.get('/api/monitor/overview');
    const atRisk = await manager.get('/api/monitor/instances?definitionKey=callback&state=active&sla=at_risk');
    const breached = await manager.get('/api/monitor/instances?definitionKey=callback&state=active&sla=breached');
    // then
    expect(overview.body.definitions.find((d: { key: string }) => d.key === 'callback')).to.include({ running: 3, withOverdueTasks: 1, slaAtRisk: 1, slaBreached: 1 });
    expect(overview.body.definitions.find((d: { key: string }) => d.key === 'mailer')).to.include({ slaAtRisk: 0, slaBreached: 0 });
    expect(atRisk.body.items.map((i: { businessKey: string }) => i.businessKey)).to.deep.equal(['RISKY']);
    expect(breached.body.items.map((i: { businessKey: string }) => i.businessKey)).to.deep.equal(['LATE']);
    const late = await manager.get('/api/monitor/instances?sla=late');
    expect(late.status).to.equal(400);
    expect(late.body.detail).to.contain('sla');
  });

  it('should show an instance with its incident, job, history in order with names, and token counts per element', async () => {
    // given
    const id = await start('M-1', { subject: 'Hello' });
    await failEmail();
    // when
    const { status, body } = await manager.get(`/api/monitor/instances/${id}`);
    // then
    expect(status).to.equal(200);
    expect(body.instance).to.include({ id, businessKey: 'M-1', state: 'active', startedBy: 'employee' });
    expect(body.instance).not.to.have.property('snapshot');
    expect(body.definition).to.include({ id: mailerId, key: 'mailer', version: 1 });
    expect(body.variables).to.deep.equal({ subject: 'Hello' });
    expect(body.incidents).to.have.length(1);
    expect(body.incidents[0]).to.include({ elementId: 'send', type: 'job_no_retries', state: 'open' });
    expect(body.jobs[0]).to.include({ elementId: 'send', type: 'email', retries: 0, state: 'failed', lastError: 'no address to send to' });
    expect(body.jobs[0]).not.to.have.property('variables');
    expect(body.elementStats.send).to.deep.equal({ passed: 0, waiting: 0, failed: 1 });
    expect(body.elementStats.start).to.deep.equal({ passed: 1, waiting: 0, failed: 0 });
    expect(body.elements.send).to.deep.equal({ name: null, kind: 'serviceTask' });
    expect(body.history[0]).to.include({ type: 'process.started', actor: 'employee' });
    expect(body.people).to.deep.equal({ employee: 'Erin Employee', worker: 'Walt Worker' });
    expect((await manager.get(`/api/monitor/instances/${randomUUID()}`)).status).to.equal(404);
  });

  it('should repair an incident over HTTP: set the missing variable, retry, and the worker finishes with it', async () => {
    // given
    const id = await start('M-1');
    await failEmail();
    const [incident] = (await manager.get(`/api/monitor/instances/${id}`)).body.incidents;
    // when
    expect((await manager.put(`/api/process-instances/${id}/variables`, { variables: { address: 'ann@example.com' } })).status).to.equal(200);
    expect((await manager.post(`/api/incidents/${incident.id}/retry`, {})).status).to.equal(204);
    const { body } = await worker.post('/api/jobs/activate', { type: 'email', worker: 'mailer-1', maxJobs: 1 });
    expect(body.jobs[0].variables).to.deep.equal({ address: 'ann@example.com' });
    await worker.post(`/api/jobs/${body.jobs[0].id}/complete`, {});
    // then
    const view = (await manager.get(`/api/monitor/instances/${id}`)).body;
    expect(view.instance.state).to.equal('completed');
    expect(view.incidents[0].state).to.equal('resolved');
    const byManager = view.history.filter((h: { actor: string }) => h.actor === 'manager').map((h: { type: string }) => h.type);
    expect(byManager).to.include.members(['variables.changed', 'incident.resolved']);
    expect(view.people.manager).to.equal('Max Manager');
  });

  it('should show a definition version with its deploy-time metadata, its versions and counts across running instances', async () => {
    // given
    await start('M-1');
    await start('M-2');
    await failEmail();
    // when
    const { status, body } = await manager.get(`/api/monitor/definitions/${mailerId}?stuckFor=PT1H`);
    // then
    expect(status).to.equal(200);
    expect(body.definition).to.include({ id: mailerId, key: 'mailer', version: 1, deploymentName: 'mail', deployedBy: 'designer', deployedByName: 'Dana Designer' });
    expect(body.versions).to.have.length(1);
    expect(body.versions[0]).to.include({ running: 2, withIncidents: 1 });
    expect(body.elementStats.send).to.deep.equal({ passed: 0, waiting: 1, failed: 1 });
    expect(body.stuckFor).to.equal('PT1H');
    expect((await manager.get(`/api/monitor/definitions/${randomUUID()}`)).status).to.equal(404);
  });

  it('should list the people a task can go to, with their groups, and not designers or workers', async () => {
    // when
    const { body } = await manager.get('/api/monitor/people');
    // then
    const ids = body.items.map((p: { id: string }) => p.id);
    expect(ids).to.include.members(['employee', 'specialist', 'manager', 'admin']);
    expect(ids).not.to.include.members(['designer', 'worker']);
    expect(body.items.find((p: { id: string }) => p.id === 'specialist')).to.deep.equal({ id: 'specialist', displayName: 'Sam Specialist', groups: ['support', 'support-specialists'] });
  });
});
