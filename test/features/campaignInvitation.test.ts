import { expect } from 'chai';
import { createTestEngine, DAY, type TestEngine } from '../engine/support/engineHarness.js';
import { shippedResources } from './processes.js';

describe('feature: campaign invitations (processes/campaign-invitation.bpmn)', () => {
  let t: TestEngine;
  const mailer = () => t.engine.activateJobs({ type: 'email', worker: 'mailer', maxJobs: 50, lockDurationMs: 60_000 });
  beforeEach(async () => {
    t = await createTestEngine();
    await t.engine.deploy(await shippedResources());
  });
  afterEach(() => t.destroy());

  it('should mail every invitee, remind the silent ones, and hand replies to sales', async () => {
    // given
    const invitees = [{ email: 'ann@example.com' }, { email: 'bob@example.com' }, { email: 'cy@example.com' }];
    const instance = await t.start('campaign-invitation', { campaign: 'Spring fair', invitees });
    // when: the invitations go out
    const invitations = await mailer();
    expect(invitations.map((j) => j.variables.to).sort()).to.deep.equal(['ann@example.com', 'bob@example.com', 'cy@example.com']);
    expect(invitations.every((j) => j.headers.template === 'campaign-invitation')).to.equal(true);
    for (const job of invitations) await t.engine.completeJob(job.id);
    // when: ann replies on day one
    await t.engine.correlateMessage({ name: 'invitation-reply', correlationKey: 'ann@example.com', variables: { reply: 'I will come' } });
    const followUp = (await t.openTasks(instance.id)).filter((x) => x.elementId === 'handReplyToSales');
    expect(followUp).to.have.length(1);
    expect(followUp[0].candidateGroups).to.deep.equal(['sales']);
    // when: three days of silence from the others
    await t.advance(3 * DAY);
    const reminders = await mailer();
    expect(reminders.map((j) => j.variables.to).sort()).to.deep.equal(['bob@example.com', 'cy@example.com']);
    expect(reminders.every((j) => j.headers.template === 'campaign-reminder')).to.equal(true);
    for (const job of reminders) await t.engine.completeJob(job.id);
    // when: bob replies late, cy never does
    await t.engine.correlateMessage({ name: 'invitation-reply', correlationKey: 'bob@example.com' });
    await t.advance(4 * DAY);
    for (const task of await t.openTasks(instance.id)) await t.engine.completeTask(task.id, {}, 'sales-rep');
    // then
    const done = await t.instance(instance.id);
    expect(done.state).to.equal('completed');
    expect(done.variables.outcomes).to.deep.equal(['replied', 'replied', 'no answer']);
  });
});
