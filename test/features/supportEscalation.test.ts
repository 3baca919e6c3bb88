import { expect } from 'chai';
import { createTestEngine, elementsOf, fixture, DAY, HOUR, type TestEngine } from '../engine/support/engineHarness.js';
import { shippedResources } from './processes.js';

describe('feature: tiered support escalation (processes/support-escalation.bpmn)', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine({ directory: { membersOf: async (groups) => (groups.includes('support-specialists') ? ['ann', 'bob', 'cy'] : []) } });
    await t.engine.deploy(await shippedResources());
  });
  afterEach(() => t.destroy());

  it('should offer the request to the support group with the answer form and a five-day deadline', async () => {
    const instance = await t.start('support-escalation', { summary: 'Invoice is wrong', severity: 'normal' }, 'REQ-1');
    const task = await t.task(instance.id, 'answerRequest');
    expect(task.candidateGroups).to.deep.equal(['support']);
    expect(task.formId).to.equal('answer-request');
    expect(task.dueAt!.toISOString()).to.equal(new Date(t.clock.now().getTime() + 5 * DAY).toISOString());
    expect(task.businessKey).to.equal('REQ-1');
    expect((await t.engine.getForm('answer-request')).schema).to.have.property('components');
  });

  it('should give a critical error a two-day deadline and a higher priority', async () => {
    const instance = await t.start('support-escalation', { summary: 'Production down', severity: 'critical' });
    const task = await t.task(instance.id, 'answerRequest');
    expect(task.dueAt!.toISOString()).to.equal(new Date(t.clock.now().getTime() + 2 * DAY).toISOString());
    expect(task.priority).to.equal(90);
  });

  it('should escalate to the least-loaded specialist after one day', async () => {
    // given: ann has two open tasks, bob one, cy none (work of another process)
    await t.deploy(fixture(import.meta.url, 'other-work.bpmn'));
    for (const user of ['ann', 'ann', 'bob', 'cy']) {
      const other = await t.start('exclusive', { amount: 1 });
      await t.engine.assignTask((await t.task(other.id, 'low')).id, user);
    }
    await t.completeTask((await t.engine.listTasks({ assignee: 'cy' })).items[0].instanceId, 'low');
    const instance = await t.start('support-escalation', { summary: 'Nobody answers', severity: 'normal' });
    // when: one day passes unanswered
    await t.advance(DAY);
    // then
    const specialist = await t.task(instance.id, 'specialistAnswers');
    expect(specialist.assignee).to.equal('cy');
    expect(specialist.candidateGroups).to.deep.equal(['support-specialists']);
  });

  it('should notify the department head a day later and keep the specialist task open', async () => {
    // given
    const instance = await t.start('support-escalation', { summary: 'Still waiting', severity: 'normal' });
    await t.advance(DAY);
    // when
    await t.advance(DAY);
    // then
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['specialistAnswers']);
    const [job] = await t.engine.activateJobs({ type: 'email', worker: 'mailer', maxJobs: 5, lockDurationMs: 60_000 });
    expect(job).to.include({ instanceId: instance.id, elementId: 'notifyDepartmentHead', retries: 5 });
    expect(job.headers).to.deep.equal({ to: 'department-heads', template: 'support-request-overdue' });
    await t.engine.completeJob(job.id);
    await t.completeTask(instance.id, 'specialistAnswers', { answer: 'Fixed', resolved: true });
    expect((await t.instance(instance.id)).state).to.equal('completed');
  });

  it('should end quietly when support answers within the day', async () => {
    const instance = await t.start('support-escalation', { summary: 'Quick one', severity: 'normal' });
    await t.advance(23 * HOUR);
    await t.completeTask(instance.id, 'answerRequest', { answer: 'Done', resolved: true });
    expect((await t.instance(instance.id)).state).to.equal('completed');
    expect(await t.advance(2 * DAY)).to.equal(0);
  });
});
