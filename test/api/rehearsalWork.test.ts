import { expect } from 'chai';
import { apiFixture, startTestApi, type Caller, type TestApi } from './support/apiHarness.js';

// Monday 2026-01-12, 10:00 in Berlin
const MONDAY_MORNING = '2026-01-12T09:00:00.000Z';

describe('API: working and reading a rehearsal', () => {
  let api: TestApi;
  let designer: Caller;
  before(async () => {
    api = await startTestApi();
    designer = await api.as('designer');
  });
  after(() => api.close());

  async function rehearse(body: Record<string, unknown>): Promise<string> {
    const created = await designer.post('/api/rehearsals', { startAt: MONDAY_MORNING, ...body });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    return created.body.id;
  }

  it("should leave jobs to the designer when the rehearsal's workers run only when asked: fail with a backoff, then complete", async () => {
    // given a critical request whose first working day ended unresolved: the production managers' mail is a job
    const id = await rehearse({ definitionKey: 'support-escalation', workers: 'manual' });
    await designer.post(`/api/rehearsals/${id}/instances`, { businessKey: 'ACME', variables: { summary: 'Line down', severity: 'critical', customerEmail: null } });
    await designer.post(`/api/rehearsals/${id}/clock`, { workingTime: 'P1D' });
    const [job] = (await designer.get(`/api/rehearsals/${id}/jobs`)).body.items;
    expect(job).to.deep.include({ elementId: 'warnProductionManagers', type: 'email', number: 1, state: 'activatable' });
    // when the designer fails it with a retry in an hour
    const failed = await designer.post(`/api/rehearsals/${id}/jobs/${job.id}/fail`, { retries: 1, errorMessage: 'SMTP down', backoff: 'PT1H' });
    expect(failed.status, JSON.stringify(failed.body)).to.equal(200);
    expect(failed.body.step.outcome.events.map((e: { type: string }) => e.type)).to.deep.equal(['job.failed']);
    // then the job waits; completing it lets the process go on, and nothing was mailed
    const completed = await designer.post(`/api/rehearsals/${id}/jobs/${job.id}/complete`, {});
    expect(completed.body.step.outcome.events.map((e: { type: string; elementId: string }) => `${e.type} ${e.elementId}`)).to.include.members(['element.completed warnProductionManagers', 'element.completed productionWarned']);
    expect((await designer.get(`/api/rehearsals/${id}/emails`)).body.total).to.equal(0);
  });

  it("should let the built-in workers put a rehearsal's mails in its own outbox when asked", async () => {
    const id = await rehearse({ definitionKey: 'support-escalation', workers: 'manual' });
    await designer.post(`/api/rehearsals/${id}/instances`, { businessKey: 'ACME', variables: { summary: 'Line down', severity: 'critical', customerEmail: null } });
    await designer.post(`/api/rehearsals/${id}/clock`, { workingTime: 'P1D' });
    const run = await designer.post(`/api/rehearsals/${id}/workers/run`, {});
    expect(run.body.step.outcome.mails).to.deep.include({ template: 'support-critical-warning', recipients: ['paula.production@lifeline.example'], subject: 'Critical request ACME not resolved after its first working day' });
    expect((await designer.get(`/api/rehearsals/${id}/emails`)).body.items.map((m: { state: string; number: number }) => [m.state, m.number])).to.deep.include(['outbox', 1]);
    expect((await designer.get(`/api/rehearsals/${id}/notifications`)).body.items.map((n: { userId: string }) => n.userId)).to.include('paula');
  });

  it('should throw a BPMN error from a job, and broadcast signals, as on the live engine', async () => {
    // given a process waiting for a storm warning, deployed live
    expect((await designer.post('/api/deployments', { resources: [{ name: 'signal-wait.bpmn', xml: await apiFixture('signal-wait.bpmn') }, { name: 'job.bpmn', xml: await apiFixture('job.bpmn') }] })).status).to.equal(201);
    const id = await rehearse({ definitionKey: 'signalWait' });
    await designer.post(`/api/rehearsals/${id}/instances`, {});
    // when the signal is broadcast in the rehearsal
    const signalled = await designer.post(`/api/rehearsals/${id}/signals`, { name: 'storm-warning' });
    expect(signalled.status, JSON.stringify(signalled.body)).to.equal(200);
    // then the instance goes on to its task
    expect((await designer.get(`/api/rehearsals/${id}/tasks`)).body.items.map((t: { elementId: string }) => t.elementId)).to.deep.equal(['secureSite']);
    // and a job that throws an error nobody catches is an incident of the rehearsal
    const jobs = await rehearse({ definitionKey: 'mailer', workers: 'manual' });
    const started = await designer.post(`/api/rehearsals/${jobs}/instances`, {});
    const [job] = (await designer.get(`/api/rehearsals/${jobs}/jobs`)).body.items;
    const thrown = await designer.post(`/api/rehearsals/${jobs}/jobs/${job.id}/error`, { errorCode: 'NO_ADDRESS' });
    expect(thrown.status, JSON.stringify(thrown.body)).to.equal(200);
    expect((await designer.get(`/api/rehearsals/${jobs}/incidents`)).body.items.map((i: { type: string; number: number }) => [i.type, i.number])).to.deep.equal([['unhandled_error', 1]]);
    expect(started.body.result.number).to.equal(1);
  });

  it('should correlate messages in the rehearsal only: a request mailed in starts an instance there, and nothing live', async () => {
    const id = await rehearse({ definitionKey: 'support-escalation' });
    const sent = await designer.post(`/api/rehearsals/${id}/messages`, { name: 'support-request', variables: { summary: 'By mail', severity: 'normal' } });
    expect(sent.status, JSON.stringify(sent.body)).to.equal(200);
    expect(sent.body.result.started).to.have.length(1);
    expect(sent.body.step.outcome.events.map((e: { type: string; elementId: string | null }) => `${e.type} ${e.elementId}`)).to.include('element.completed requestMailed');
    expect((await designer.get(`/api/rehearsals/${id}/tasks`)).body.items.map((t: { elementId: string; number: number }) => [t.elementId, t.number])).to.deep.equal([['answerRequest', 1]]);
    expect((await designer.get('/api/process-instances')).body.total).to.equal(0);
    // a message nothing waits for is refused, and no step is recorded
    const unheard = await designer.post(`/api/rehearsals/${id}/messages`, { name: 'nobody-listens' });
    expect(unheard.status).to.equal(404);
    expect((await designer.get(`/api/rehearsals/${id}/steps`)).body.items).to.have.length(1);
  });

  it('should read a rehearsal as live instances are read: details with history, tasks with forms, timers, counts, the whole history and the model', async () => {
    const id = await rehearse({ definitionKey: 'support-escalation' });
    const started = (await designer.post(`/api/rehearsals/${id}/instances`, { businessKey: 'ACME', variables: { summary: 'Invoice is wrong', severity: 'normal' } })).body.result;
    const details = (await designer.get(`/api/rehearsals/${id}/instances/${started.id}`)).body;
    expect(details).to.deep.include({ number: 1, businessKey: 'ACME', state: 'active', variables: { summary: 'Invoice is wrong', severity: 'normal' } });
    expect(details).to.not.have.property('snapshot');
    expect(details.history.map((h: { type: string }) => h.type)).to.include('task.created');
    const [task] = details.tasks;
    const withForm = (await designer.get(`/api/rehearsals/${id}/tasks/${task.id}`)).body;
    expect(withForm.form.id).to.equal('answer-request');
    expect(withForm.sla.state).to.equal('on_time');
    const timers = (await designer.get(`/api/rehearsals/${id}/timers`)).body.items;
    expect(timers.map((t: { elementId: string; dueAt: string }) => [t.elementId, t.dueAt]).sort()).to.deep.equal([['endOfFirstDay', '2026-01-13T09:00:00.000Z'], ['notHandledInADay', '2026-01-13T09:00:00.000Z']]);
    expect((await designer.get(`/api/rehearsals/${id}/element-counts`)).body.elements).to.deep.include({ answerRequest: { active: 1, incidents: 0, overdue: 0, completed: 0 }, requestRegistered: { active: 0, incidents: 0, overdue: 0, completed: 1 } });
    expect((await designer.get(`/api/rehearsals/${id}/history`)).body.items[0]).to.deep.include({ type: 'process.started', number: 1 });
    const model = (await designer.get(`/api/rehearsals/${id}/model`)).body;
    expect(model.resources[0].xml).to.contain('id="support-escalation"');
    expect(model.forms.map((f: { name: string }) => f.name)).to.deep.equal(['answer-request.form']);
    const steps = (await designer.get(`/api/rehearsals/${id}/steps`)).body.items;
    expect(steps.map((s: { seq: number; description: string }) => [s.seq, s.description])).to.deep.equal([[1, 'start support-escalation for ACME']]);
  });

  it('should move the clock to a date, and answer a bad move with what is wrong', async () => {
    const id = await rehearse({ definitionKey: 'support-escalation' });
    const moved = await designer.post(`/api/rehearsals/${id}/clock`, { to: '2026-01-12T17:00:00' });
    expect(moved.body.clock, 'a date without zone is on the default calendar: Berlin').to.equal('2026-01-12T16:00:00.000Z');
    const cases: [Record<string, unknown>, string][] = [
      [{}, 'give exactly one of by, workingTime, to or nextTimer'],
      [{ by: 'PT1H', to: '2026-02-01T00:00:00Z' }, 'give exactly one of by, workingTime, to or nextTimer'],
      [{ to: '2026-01-12T09:00:00Z' }, 'the clock cannot go back'],
      [{ workingTime: 'P1D', calendar: 'nope' }, "business calendar 'nope' is not defined"],
      [{ nextTimer: true }, 'no timer is scheduled'],
    ];
    for (const [body, message] of cases) {
      const response = await designer.post(`/api/rehearsals/${id}/clock`, body);
      expect(response.status, JSON.stringify(body)).to.be.oneOf([400, 409]);
      expect(response.body.detail, JSON.stringify(body)).to.contain(message);
    }
    expect((await designer.get(`/api/rehearsals/${id}`)).body.stepCount).to.equal(1);
  });
});
