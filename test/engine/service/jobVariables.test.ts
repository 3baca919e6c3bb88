import { expect } from 'chai';
import { createTestEngine, fixture, type TestEngine } from '../support/engineHarness.js';

/**
 * A worker gets the variables its job's activity sees when the worker
 * activates the job, as Zeebe collects them at activation, not a copy made
 * when the job was created (engine follow-ups, point 3).
 */
describe('the variables a worker gets with a job', () => {
  let t: TestEngine;
  const activate = () => t.engine.activateJobs({ type: 'pricing', worker: 'w1', maxJobs: 10, lockDurationMs: 60_000 });
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'job-variables.bpmn'));
  });
  afterEach(() => t.destroy());

  it('should include a variable a manager set after the job was created', async () => {
    // given: the job waits for a worker
    const instance = await t.start('quote', { customer: { name: 'Ann' }, discount: 0 });
    // when: a manager changes a variable before any worker took the job
    await t.engine.setVariables(instance.id, { discount: 15, approvedBy: 'max' }, 'manager');
    const [job] = await activate();
    // then
    expect(job.variables).to.include({ discount: 15, approvedBy: 'max' });
  });

  it('should include what a parallel branch set before the worker activated the job', async () => {
    // given
    const instance = await t.start('quote', { customer: { name: 'Ann' } });
    // when: the other branch finishes first
    await t.completeTask(instance.id, 'negotiate', { agreedVolume: 500 });
    const [job] = await activate();
    // then
    expect(job.variables).to.include({ agreedVolume: 500 });
  });

  it('should keep the activity\'s input mappings as they were evaluated when it was entered', async () => {
    // given
    const instance = await t.start('quote', { customer: { name: 'Ann' }, currency: 'USD' });
    // when: the process-level variables change
    await t.engine.setVariables(instance.id, { customer: { name: 'Bob' }, currency: 'GBP' });
    const [job] = await activate();
    // then: locals shadow the process's variables of the same name; the rest is current
    expect(job.variables).to.deep.equal({ customer: { name: 'Bob' }, currency: 'EUR', customerName: 'Ann' });
  });

  it('should give each job of a batch the variables of its own instance', async () => {
    // given
    const first = await t.start('quote', { customer: { name: 'Ann' } });
    const second = await t.start('quote', { customer: { name: 'Bob' } });
    await t.engine.setVariables(second.id, { discount: 5 });
    // when
    const jobs = await activate();
    // then
    const byInstance = Object.fromEntries(jobs.map((j) => [j.instanceId, j.variables]));
    expect(byInstance[first.id]).to.deep.equal({ customer: { name: 'Ann' }, currency: 'EUR', customerName: 'Ann' });
    expect(byInstance[second.id]).to.deep.equal({ customer: { name: 'Bob' }, currency: 'EUR', customerName: 'Bob', discount: 5 });
  });
});
