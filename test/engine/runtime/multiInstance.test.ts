import { expect } from 'chai';
import { createTestEngine, elementsOf, fixture, type TestEngine } from '../support/engineHarness.js';

describe('multi-instance and loops', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
  });
  afterEach(() => t.destroy());

  describe('multi-instance', () => {
    beforeEach(() => t.deploy(fixture(import.meta.url, 'multi-instance.bpmn')));

    it('should create one job per item of the collection, in parallel, and collect the outputs in order', async () => {
      // given
      const instance = await t.start('campaign', { invitees: ['ann', 'bob', 'cy'] });
      // when
      const jobs = await t.engine.activateJobs({ type: 'send-invitation', worker: 'mailer', maxJobs: 10, lockDurationMs: 60_000 });
      // then
      expect(jobs.map((j) => j.variables.invitee).sort()).to.deep.equal(['ann', 'bob', 'cy']);
      expect(jobs.map((j) => j.variables.loopCounter).sort()).to.deep.equal([1, 2, 3]);
      // when: completed out of order
      for (const job of [jobs[2], jobs[0], jobs[1]]) await t.engine.completeJob(job.id);
      // then
      expect((await t.instance(instance.id)).variables.sent).to.deep.equal(['ann ok', 'bob ok', 'cy ok']);
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['calls']);
    });

    it('should run a sequential multi-instance one at a time and stop at the completion condition', async () => {
      // given
      const instance = await t.start('campaign', { invitees: [] });
      // then: an empty collection completes at once
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['calls']);
      // when
      await t.completeTask(instance.id, 'calls', { answered: false });
      expect((await t.openTasks(instance.id))).to.have.length(1);
      await t.completeTask(instance.id, 'calls', { answered: true });
      // then: the third call never happens; review gets no lines, the instance ends
      expect((await t.instance(instance.id)).state).to.equal('completed');
      const calls = (await t.engine.listTasks({ instanceId: instance.id, elementId: 'calls', limit: 10 })).items;
      expect(calls).to.have.length(2);
    });

    it('should run a multi-instance subprocess with a local input element per instance', async () => {
      // given
      const instance = await t.start('campaign', { invitees: ['ann', 'bob'] });
      for (const job of await t.engine.activateJobs({ type: 'send-invitation', worker: 'w', maxJobs: 10, lockDurationMs: 60_000 })) await t.engine.completeJob(job.id);
      await t.completeTask(instance.id, 'calls', { answered: true });
      // then
      const checks = await t.openTasks(instance.id);
      expect(checks.map((c) => c.variables.line).sort()).to.deep.equal(['ann ok', 'bob ok']);
      expect((await t.instance(instance.id)).variables).not.to.have.property('line');
      // when
      for (const check of checks) await t.engine.completeTask(check.id);
      // then
      expect((await t.instance(instance.id)).state).to.equal('completed');
    });

    it('should mark the body in history apart from its inner instances, so token counts can skip it', async () => {
      // given
      const instance = await t.start('campaign', { invitees: ['ann', 'bob'] });
      // when
      for (const job of await t.engine.activateJobs({ type: 'send-invitation', worker: 'w', maxJobs: 10, lockDurationMs: 60_000 })) await t.engine.completeJob(job.id);
      // then: one body and two inner instances of 'invite', each activated and completed
      const invite = (await t.engine.history(instance.id)).filter((h) => h.elementId === 'invite' && h.type.startsWith('element.'));
      const lines = invite.map((h) => `${h.type} ${h.elementType}`);
      expect(lines.filter((l) => l.endsWith('multiInstanceBody'))).to.deep.equal(['element.activated multiInstanceBody', 'element.completed multiInstanceBody']);
      expect(lines.filter((l) => l.endsWith('serviceTask')).sort()).to.deep.equal(['element.activated serviceTask', 'element.activated serviceTask', 'element.completed serviceTask', 'element.completed serviceTask']);
    });
  });

  describe('standard loop', () => {
    it('should repeat the activity while the loop condition holds', async () => {
      await t.deploy(fixture(import.meta.url, 'standard-loop.bpmn'));
      const instance = await t.start('standardLoop', { counter: 0, limit: 4 });
      expect((await t.instance(instance.id)).variables).to.include({ counter: 4 });
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['done']);
    });

    it('should stop at loopMaximum even when the condition still holds', async () => {
      await t.deploy(fixture(import.meta.url, 'standard-loop.bpmn'));
      const instance = await t.start('standardLoop', { counter: 0, limit: 100 });
      expect((await t.instance(instance.id)).variables).to.include({ counter: 10 });
    });
  });
});
