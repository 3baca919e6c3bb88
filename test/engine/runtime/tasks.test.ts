import { expect } from 'chai';
import { createTestEngine, elementsOf, fixture, type TestEngine } from '../support/engineHarness.js';

describe('tasks', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
  });
  afterEach(() => t.destroy());

  describe('manual, plain, script and service tasks', () => {
    beforeEach(() => t.deploy(fixture(import.meta.url, 'tasks.bpmn')));

    it('should pass manual and plain tasks and store the script result', async () => {
      // when
      const instance = await t.start('tasks', { amount: 21, region: 'eu', owner: 'ann', dueAt: '2026-01-07T17:00:00Z' });
      // then
      expect((await t.instance(instance.id)).variables).to.include({ doubled: 42 });
      expect((await t.instance(instance.id)).activeElements).to.deep.equal(['charge']);
    });

    it('should create a job of the evaluated type with headers and mapped inputs', async () => {
      // given
      const instance = await t.start('tasks', { amount: 21, region: 'eu', owner: 'ann', dueAt: '2026-01-07T17:00:00Z' });
      // when
      const jobs = await t.engine.activateJobs({ type: 'charge-eu', worker: 'w1', maxJobs: 5, lockDurationMs: 60_000 });
      // then
      expect(jobs).to.have.length(1);
      expect(jobs[0]).to.include({ instanceId: instance.id, elementId: 'charge', retries: 2, worker: 'w1', state: 'activated' });
      expect(jobs[0].headers).to.deep.equal({ currency: 'EUR' });
      expect(jobs[0].variables).to.include({ total: 42, amount: 21 });
    });

    it('should apply output mappings when the job completes and keep the job variables local', async () => {
      // given
      const instance = await t.start('tasks', { amount: 21, region: 'eu', owner: 'ann', dueAt: '2026-01-07T17:00:00Z' });
      const [job] = await t.engine.activateJobs({ type: 'charge-eu', worker: 'w1', maxJobs: 1, lockDurationMs: 60_000 });
      // when
      await t.engine.completeJob(job.id, { receipt: { id: 'RC-9' } });
      // then
      const variables = (await t.instance(instance.id)).variables;
      expect(variables).to.include({ receiptId: 'RC-9' });
      expect(variables).not.to.have.property('receipt');
      expect(variables).not.to.have.property('total');
    });

    it('should create the user task with assignee, candidates, dates, priority and form', async () => {
      // given
      const instance = await t.start('tasks', { amount: 21, region: 'eu', owner: 'ann', dueAt: '2026-01-07T17:00:00Z' });
      const [job] = await t.engine.activateJobs({ type: 'charge-eu', worker: 'w1', maxJobs: 1, lockDurationMs: 60_000 });
      // when
      await t.engine.completeJob(job.id, { receipt: { id: 'RC-9' } });
      // then
      const task = await t.task(instance.id, 'review');
      expect(task).to.include({ name: 'Review charge', assignee: 'ann', priority: 80, formKey: 'review-form', state: 'created' });
      expect(task.candidateGroups).to.deep.equal(['sales', 'support']);
      expect(task.candidateUsers).to.deep.equal(['ann', 'bob']);
      expect(task.dueAt!.toISOString()).to.equal('2026-01-07T17:00:00.000Z');
      expect(task.followUpAt!.toISOString()).to.equal('2026-01-06T09:00:00.000Z');
    });

    it('should refuse to start when a variable is not JSON', async () => {
      let error: unknown;
      try {
        await t.start('tasks', { 'bad name': 1 });
      } catch (e) {
        error = e;
      }
      expect(error).to.have.property('code', 'VALIDATION_FAILED');
      expect((await t.engine.listInstances({})).total).to.equal(0);
    });
  });

  describe('user task claiming', () => {
    beforeEach(() => t.deploy(fixture(import.meta.url, 'exclusive.bpmn')));

    it('should let one user claim and make a second claim by someone else a conflict', async () => {
      // given
      const instance = await t.start('exclusive', { amount: 1 });
      const task = await t.task(instance.id, 'low');
      // when
      const claimed = await t.engine.claimTask(task.id, 'ann');
      // then
      expect(claimed.assignee).to.equal('ann');
      let error: unknown;
      try {
        await t.engine.claimTask(task.id, 'bob');
      } catch (e) {
        error = e;
      }
      expect(error).to.have.property('code', 'CONFLICT');
      expect((await t.engine.getTask(task.id)).assignee).to.equal('ann');
    });

    it('should unclaim and reassign', async () => {
      const instance = await t.start('exclusive', { amount: 1 });
      const task = await t.task(instance.id, 'low');
      await t.engine.claimTask(task.id, 'ann');
      expect((await t.engine.unclaimTask(task.id, 'ann')).assignee).to.equal(null);
      expect((await t.engine.assignTask(task.id, 'bob', 'manager')).assignee).to.equal('bob');
      const history = (await t.engine.history(instance.id)).map((h) => h.type);
      expect(history).to.include.members(['task.claimed', 'task.unclaimed', 'task.assigned']);
    });

    it('should refuse to complete a task twice', async () => {
      const instance = await t.start('exclusive', { amount: 1 });
      const task = await t.task(instance.id, 'low');
      await t.engine.completeTask(task.id, {}, 'ann');
      let error: unknown;
      try {
        await t.engine.completeTask(task.id, {}, 'ann');
      } catch (e) {
        error = e;
      }
      expect(error).to.have.property('code', 'CONFLICT');
      expect((await t.engine.getTask(task.id))).to.include({ state: 'completed', completedBy: 'ann' });
    });
  });

  describe('send and receive tasks', () => {
    it('should deliver a send task message to the receive task waiting with the same correlation key', async () => {
      // given: one file, two executable processes
      await t.deploy(fixture(import.meta.url, 'send-receive.bpmn'));
      const receiverA = await t.start('receiver', { orderId: 'A' });
      const receiverB = await t.start('receiver', { orderId: 'B' });
      // when
      const sender = await t.start('sender', { orderId: 'B' });
      // then
      expect((await t.instance(sender.id)).state).to.equal('completed');
      expect(elementsOf(await t.openTasks(receiverB.id))).to.deep.equal(['fulfil']);
      expect((await t.instance(receiverA.id)).activeElements).to.deep.equal(['await']);
    });

    it('should record a message that nobody waits for in the sender history', async () => {
      await t.deploy(fixture(import.meta.url, 'send-receive.bpmn'));
      const sender = await t.start('sender', { orderId: 'nobody' });
      const history = await t.engine.history(sender.id);
      expect(history.find((h) => h.type === 'message.uncorrelated')).to.deep.include({ elementId: 'notify' });
    });
  });
});
