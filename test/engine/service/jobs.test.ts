import { expect } from 'chai';
import { createTestEngine, fixture, type TestEngine } from '../support/engineHarness.js';

describe('jobs', () => {
  let t: TestEngine;
  const activate = (worker = 'w1', lockDurationMs = 60_000) => t.engine.activateJobs({ type: 'email', worker, maxJobs: 10, lockDurationMs });
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'job.bpmn'));
  });
  afterEach(() => t.destroy());

  it('should not hand a locked job to a second worker until its lock expires', async () => {
    // given
    await t.start('mailer');
    expect(await activate('w1', 60_000)).to.have.length(1);
    // when / then
    expect(await activate('w2')).to.have.length(0);
    t.clock.advance(60_001);
    const again = await activate('w2');
    expect(again).to.have.length(1);
    expect(again[0].worker).to.equal('w2');
  });

  it('should retry a failed job after its backoff while retries remain', async () => {
    // given
    await t.start('mailer');
    const [job] = await activate();
    // when
    await t.engine.failJob(job.id, { retries: 1, errorMessage: 'SMTP down', backoffMs: 30_000 });
    // then: not before the backoff
    expect(await activate()).to.have.length(0);
    t.clock.advance(30_000);
    const [retried] = await activate();
    expect(retried).to.include({ id: job.id, retries: 1, lastError: 'SMTP down' });
  });

  it('should raise an incident when retries run out, and resume the instance when the incident is retried', async () => {
    // given
    const instance = await t.start('mailer');
    const [job] = await activate();
    // when
    await t.engine.failJob(job.id, { retries: 0, errorMessage: 'mailbox full' });
    // then
    const incidents = await t.engine.listIncidents({ instanceId: instance.id });
    expect(incidents.total).to.equal(1);
    expect(incidents.items[0]).to.include({ type: 'job_no_retries', elementId: 'send', jobId: job.id, state: 'open' });
    expect(incidents.items[0].message).to.contain('mailbox full');
    expect(await activate()).to.have.length(0);
    expect((await t.engine.listInstances({ hasIncident: true })).total).to.equal(1);
    // when
    await t.engine.retryIncident(incidents.items[0].id, { retries: 3 });
    // then
    const [again] = await activate();
    expect(again.retries).to.equal(3);
    await t.engine.completeJob(again.id, { sent: true });
    expect((await t.instance(instance.id)).state).to.equal('completed');
    expect((await t.engine.listIncidents({ instanceId: instance.id, state: 'open' })).total).to.equal(0);
    const types = (await t.engine.history(instance.id)).map((h) => h.type);
    expect(types).to.include.members(['job.failed', 'incident.created', 'incident.resolved']);
  });

  it('should give the retried job the variables set after it failed, as a worker activating it now would see them', async () => {
    // given: a worker failed the job because a variable was missing
    const instance = await t.start('mailer', { subject: 'Welcome' });
    const [job] = await activate();
    expect(job.variables).to.deep.equal({ subject: 'Welcome' });
    await t.engine.failJob(job.id, { retries: 0, errorMessage: 'no address to send to' });
    const [incident] = (await t.engine.listIncidents({ instanceId: instance.id })).items;
    // when: a manager sets it and retries
    await t.engine.setVariables(instance.id, { address: 'ann@example.com', subject: 'Hello' }, 'manager');
    await t.engine.retryIncident(incident.id, { actor: 'manager' });
    // then
    const [again] = await activate();
    expect(again.variables).to.deep.equal({ subject: 'Hello', address: 'ann@example.com' });
    expect(again.retries).to.equal(1);
  });

  it('should refuse to complete a job twice', async () => {
    await t.start('mailer');
    const [job] = await activate();
    await t.engine.completeJob(job.id);
    let error: unknown;
    try {
      await t.engine.completeJob(job.id);
    } catch (e) {
      error = e;
    }
    expect(error).to.have.property('code', 'CONFLICT');
  });

  it('should cancel the open job when the instance is cancelled', async () => {
    const instance = await t.start('mailer');
    await t.engine.cancelInstance(instance.id, 'manager');
    expect(await activate()).to.have.length(0);
    expect((await t.jobs(instance.id))[0].state).to.equal('cancelled');
    expect((await t.instance(instance.id)).state).to.equal('cancelled');
  });
});
