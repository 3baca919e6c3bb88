import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { apiFixture, startTestApi, type Caller, type TestApi } from './support/apiHarness.js';

const fixture = apiFixture;
const DAY = 86_400_000;

describe('API: deploy, run and work', () => {
  let api: TestApi;
  let designer: Caller;
  let employee: Caller;
  let manager: Caller;
  beforeEach(async () => {
    api = await startTestApi();
    [designer, employee, manager] = await Promise.all([api.as('designer'), api.as('employee'), api.as('manager')]);
  });
  afterEach(() => api.close());

  describe('deployments', () => {
    it('should deploy raw BPMN XML, list versions and download the XML', async () => {
      const xml = await fixture('exclusive.bpmn');
      const deployed = await designer.post('/api/deployments?name=routing', xml, 'application/xml');
      expect(deployed.status).to.equal(201);
      expect(deployed.body.definitions[0]).to.include({ key: 'exclusive', version: 1, isNew: true });
      const listed = await designer.get('/api/process-definitions?key=exclusive');
      expect(listed.body.total).to.equal(1);
      const download = await designer.get(`/api/process-definitions/${deployed.body.definitions[0].id}/xml`);
      expect(download.headers.get('content-type')).to.contain('application/xml');
      expect(download.body).to.equal(xml);
    });

    it('should answer a model with problems with 422 and the problems with element ids', async () => {
      const xml = (await fixture('exclusive.bpmn')).replace('targetRef="high"', 'targetRef="ghost"');
      const response = await designer.post('/api/deployments', { resources: [{ name: 'bad.bpmn', xml }] });
      expect(response.status).to.equal(422);
      expect(response.body.code).to.equal('BPMN_INVALID');
      expect(response.body.problems.map((p: { elementId: string }) => p.elementId)).to.include('toHigh');
    });

    it('should answer 404 for an unknown definition and 409 for deleting one with instances', async () => {
      expect((await designer.get(`/api/process-definitions/${randomUUID()}`)).status).to.equal(404);
      expect((await designer.get('/api/process-definitions/not-a-uuid')).status).to.equal(400);
      const deployed = await designer.post('/api/deployments', { resources: [{ name: 'x.bpmn', xml: await fixture('exclusive.bpmn') }] });
      await employee.post('/api/process-definitions/exclusive/start', { variables: { amount: 1 } });
      const refused = await designer.delete(`/api/process-definitions/${deployed.body.definitions[0].id}`);
      expect(refused.status).to.equal(409);
    });
  });

  describe('instances and tasks', () => {
    it('should run a support request from start to completion through the task list', async () => {
      // given: the demo support process; employee is in group support
      const started = await employee.post('/api/process-definitions/support-escalation/start', { businessKey: 'REQ-7', variables: { summary: 'Printer on fire', severity: 'critical' } });
      expect(started.status).to.equal(201);
      // when: employee looks at "mine or claimable by me"
      const list = await employee.get('/api/tasks?mine=true&sort=priority');
      expect(list.body.total).to.equal(1);
      const task = list.body.items[0];
      expect(task).to.include({ elementId: 'answerRequest', businessKey: 'REQ-7', priority: 90 });
      const detail = await employee.get(`/api/tasks/${task.id}`);
      expect(detail.body.form.id).to.equal('answer-request');
      // then: claim, a form error, then completion
      expect((await employee.post(`/api/tasks/${task.id}/claim`)).body.assignee).to.equal('employee');
      const invalid = await employee.post(`/api/tasks/${task.id}/complete`, { variables: { handOver: 'yes' } });
      expect(invalid.status).to.equal(422);
      expect(invalid.body.details.fields.map((f: { field: string }) => f.field)).to.deep.equal(['handOver']);
      expect((await employee.post(`/api/tasks/${task.id}/complete`, { variables: { answer: 'Extinguished', handOver: false } })).status).to.equal(204);
      const instance = await manager.get(`/api/process-instances/${started.body.id}`);
      expect(instance.body.state).to.equal('completed');
      expect(instance.body.variables).to.include({ answer: 'Extinguished' });
      expect(instance.body.history.map((h: { type: string }) => h.type)).to.include('task.completed');
      expect(instance.body).to.not.have.property('snapshot');
    });

    it("should hide a task from an employee who is neither its assignee nor a candidate", async () => {
      await employee.post('/api/process-definitions/support-escalation/start', { variables: { summary: 'x', severity: 'normal' } });
      const [task] = (await employee.get('/api/tasks')).body.items;
      await employee.post(`/api/tasks/${task.id}/claim`);
      const specialist = await api.as('specialist');
      expect((await specialist.get('/api/tasks')).body.total).to.equal(0);
      expect((await specialist.get(`/api/tasks/${task.id}`)).status).to.equal(404);
      expect((await specialist.post(`/api/tasks/${task.id}/complete`, { variables: { answer: 'mine now' } })).status).to.equal(404);
      expect((await specialist.post(`/api/tasks/${task.id}/claim`)).status).to.equal(404);
    });

    it('should make claiming a task someone else holds a conflict, and let a manager reassign it', async () => {
      await employee.post('/api/process-definitions/support-escalation/start', { variables: { summary: 'x', severity: 'normal' } });
      const [task] = (await employee.get('/api/tasks')).body.items;
      const specialist = await api.as('specialist');
      expect((await specialist.post(`/api/tasks/${task.id}/claim`)).status).to.equal(200);
      expect((await employee.post(`/api/tasks/${task.id}/claim`)).status).to.equal(404);
      expect((await manager.post(`/api/tasks/${task.id}/assign`, { assignee: 'employee' })).body.assignee).to.equal('employee');
      expect((await employee.post(`/api/tasks/${task.id}/delegate`, { assignee: 'specialist' })).body.assignee).to.equal('specialist');
      expect((await employee.post(`/api/tasks/${task.id}/assign`, { assignee: 'employee' })).status).to.equal(403);
    });

    it('should list overdue tasks and stuck instances for managers, and filter instances', async () => {
      const started = await employee.post('/api/process-definitions/support-escalation/start', { businessKey: 'OLD', variables: { summary: 'x', severity: 'critical' } });
      api.clock.advance(3 * DAY);
      expect((await manager.get('/api/tasks?overdue=true')).status, 'sessions expire after 12 hours').to.equal(401);
      manager = await api.as('manager');
      expect((await manager.get('/api/tasks?overdue=true')).body.total).to.equal(1);
      const stuck = await manager.get('/api/process-instances?stuckFor=P2D');
      expect(stuck.body.items.map((i: { id: string }) => i.id)).to.deep.equal([started.body.id]);
      expect((await manager.get('/api/process-instances?stuckFor=P4D')).body.total).to.equal(0);
      expect((await manager.get('/api/process-instances?businessKey=OLD&activeElement=answerRequest')).body.total).to.equal(1);
      expect((await manager.get('/api/process-instances?stuckFor=soon')).status).to.equal(400);
      const counts = await manager.get('/api/process-definitions/key/support-escalation/element-counts');
      expect(counts.body.elements.answerRequest).to.deep.equal({ active: 1, incidents: 0, overdue: 1 });
    });

    it('should cancel, set variables and modify instances as a manager, with 404 and 409 where they apply', async () => {
      const started = await employee.post('/api/process-definitions/support-escalation/start', { variables: { summary: 'x', severity: 'normal' } });
      const id = started.body.id;
      expect((await manager.put(`/api/process-instances/${id}/variables`, { variables: { severity: 'critical' } })).body.variables.severity).to.equal('critical');
      expect((await manager.post(`/api/process-instances/${id}/modify`, { cancel: [{ elementId: 'answerRequest' }], activate: [{ elementId: 'specialistAnswers' }] })).body.activeElements.sort()).to.deep.equal(['resolveRequest', 'specialistAnswers']);
      expect((await manager.post(`/api/process-instances/${id}/cancel`)).body.state).to.equal('cancelled');
      expect((await manager.post(`/api/process-instances/${id}/cancel`)).status).to.equal(409);
      expect((await manager.post(`/api/process-instances/${randomUUID()}/cancel`)).status).to.equal(404);
      expect((await manager.post(`/api/process-instances/${id}/modify`, {})).status).to.equal(400);
    });
  });

  describe('messages, signals, workers and incidents', () => {
    let worker: Caller;
    beforeEach(async () => {
      worker = await api.withToken('worker');
      await designer.post('/api/deployments', { resources: [{ name: 'job.bpmn', xml: await fixture('job.bpmn') }] });
    });

    it('should hand jobs to a worker by token, take failures with backoff, and raise a retryable incident', async () => {
      const started = await employee.post('/api/process-definitions/mailer/start', {});
      const activated = await worker.post('/api/jobs/activate', { type: 'email', worker: 'mailer-1', maxJobs: 5, lockDuration: 60_000 });
      expect(activated.body.jobs).to.have.length(1);
      const job = activated.body.jobs[0];
      expect((await worker.post(`/api/jobs/${job.id}/fail`, { retries: 0, errorMessage: 'SMTP refused' })).status).to.equal(204);
      const incidents = await manager.get(`/api/incidents?instanceId=${started.body.id}`);
      expect(incidents.body.items[0]).to.include({ type: 'job_no_retries', elementId: 'send' });
      expect((await manager.post(`/api/incidents/${incidents.body.items[0].id}/retry`, { retries: 2 })).status).to.equal(204);
      const again = await worker.post('/api/jobs/activate', { type: 'email', worker: 'mailer-1' });
      expect((await worker.post(`/api/jobs/${again.body.jobs[0].id}/complete`, { variables: { messageId: 'M1' } })).status).to.equal(204);
      expect((await worker.post(`/api/jobs/${again.body.jobs[0].id}/complete`, {})).status).to.equal(409);
      expect((await manager.get(`/api/process-instances/${started.body.id}`)).body.state).to.equal('completed');
    });

    it('should long-poll for jobs until the request timeout', async () => {
      const before = Date.now();
      const response = await worker.post('/api/jobs/activate', { type: 'nothing', requestTimeout: 400 });
      expect(response.body.jobs).to.deep.equal([]);
      expect(Date.now() - before).to.be.at.least(350);
    });

    it('should report a message nobody waits for as 404 and broadcast signals', async () => {
      const missing = await worker.post('/api/messages', { name: 'invitation-reply', correlationKey: 'nobody@example.com' });
      expect(missing.status).to.equal(404);
      expect(missing.body.code).to.equal('MESSAGE_NOT_CORRELATED');
      expect((await worker.post('/api/messages', { correlationKey: 'x' })).status).to.equal(400);
      expect((await worker.post('/api/signals', { name: 'nothing-listens' })).body).to.deep.equal({ instanceIds: [] });
    });

    it('should refuse job routes to employees and task routes to workers', async () => {
      expect((await employee.post('/api/jobs/activate', { type: 'email' })).status).to.equal(403);
      expect((await worker.get('/api/tasks')).status).to.equal(403);
    });
  });
});
