import { expect } from 'chai';
import { createTestEngine, elementsOf, fixture, DAY, HOUR, type TestEngine } from '../support/engineHarness.js';

describe('boundary events', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
  });
  afterEach(() => t.destroy());

  describe('timers on a user task', () => {
    beforeEach(() => t.deploy(fixture(import.meta.url, 'boundary-timer.bpmn')));

    it('should remind hourly three times without interrupting the task (non-interrupting cycle)', async () => {
      // given
      const instance = await t.start('escalation');
      // when: three hours pass, one by one
      for (let i = 0; i < 3; i++) expect(await t.advance(HOUR)).to.equal(1);
      // then: three reminders passed, the task is still open, no fourth reminder is armed
      const reminders = (await t.engine.history(instance.id)).filter((h) => h.type === 'element.completed' && h.elementId === 'reminder');
      expect(reminders).to.have.length(3);
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['answer']);
      expect(await t.advance(HOUR)).to.equal(0);
    });

    it('should escalate to the specialist after one day, cancelling the task and its reminders', async () => {
      // given
      const instance = await t.start('escalation');
      const answer = await t.task(instance.id, 'answer');
      // when
      await t.advance(DAY);
      // then
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['specialist']);
      expect((await t.engine.getTask(answer.id)).state).to.equal('cancelled');
      const timers = (await t.engine.getInstance(instance.id)).timers;
      expect(timers.filter((x) => x.state === 'scheduled')).to.deep.equal([]);
    });

    it('should cancel both timers when the task is answered in time', async () => {
      const instance = await t.start('escalation');
      await t.completeTask(instance.id, 'answer');
      expect((await t.instance(instance.id)).state).to.equal('completed');
      expect(await t.advance(2 * DAY)).to.equal(0);
      const timers = (await t.engine.getInstance(instance.id)).timers;
      expect(timers.every((x) => x.state === 'cancelled')).to.equal(true);
    });
  });

  describe('errors, messages and signals on a service task', () => {
    beforeEach(() => t.deploy(fixture(import.meta.url, 'boundary-events.bpmn')));

    async function lookupJob(instanceId: string) {
      const jobs = await t.engine.activateJobs({ type: 'crm-lookup', worker: 'w', maxJobs: 10, lockDurationMs: 60_000 });
      return jobs.find((j) => j.instanceId === instanceId)!;
    }

    it('should catch a thrown error by its code before the catch-all boundary', async () => {
      const instance = await t.start('boundaries', { requestId: 'Q1' });
      await t.engine.throwJobError((await lookupJob(instance.id)).id, { errorCode: 'NOT_FOUND', errorMessage: 'no such contact' });
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['createContact']);
    });

    it('should catch any other error code with the catch-all boundary', async () => {
      const instance = await t.start('boundaries', { requestId: 'Q2' });
      await t.engine.throwJobError((await lookupJob(instance.id)).id, { errorCode: 'TIMEOUT' });
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['investigate']);
      const [job] = await t.jobs(instance.id);
      expect(job.state).to.equal('error_thrown');
    });

    it('should interrupt the task on the cancel message and cancel its job', async () => {
      const instance = await t.start('boundaries', { requestId: 'Q3' });
      await t.engine.correlateMessage({ name: 'cancel-request', correlationKey: 'Q3' });
      const state = await t.instance(instance.id);
      expect(state.state).to.equal('completed');
      const [job] = await t.jobs(instance.id);
      expect(job.state).to.equal('cancelled');
    });

    it('should add a token for a note without interrupting the task', async () => {
      const instance = await t.start('boundaries', { requestId: 'Q4' });
      await t.engine.correlateMessage({ name: 'customer-note', correlationKey: 'Q4' });
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['readNote']);
      expect((await t.instance(instance.id)).activeElements.sort()).to.deep.equal(['lookup', 'readNote']);
      // and the task still completes normally
      await t.engine.completeJob((await lookupJob(instance.id)).id);
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['ok', 'readNote']);
    });

    it('should interrupt on a signal', async () => {
      const instance = await t.start('boundaries', { requestId: 'Q5' });
      await t.engine.broadcastSignal('stop-all');
      expect((await t.instance(instance.id)).state).to.equal('completed');
      expect((await t.engine.history(instance.id)).some((h) => h.elementId === 'stoppedEnd')).to.equal(true);
    });
  });
});
