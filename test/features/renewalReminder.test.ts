import { expect } from 'chai';
import { DAY, elementsOf, type TestEngine } from '../engine/support/engineHarness.js';
import { inbox, lifecycleEngine } from './processes.js';

describe('feature: service renewal reminder (processes/renewal-reminder.bpmn)', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await lifecycleEngine('2026-01-05T09:00:00.000Z');
  });
  afterEach(() => t.destroy());

  // the service ends on 30 June 2026; 30 days before is 31 May, 09:00 Berlin (07:00Z)
  const service = { customer: 'ACME', serviceEnd: '2026-06-30', period: 'P1Y', responsible: 'employee', accountManager: 'alex' };
  const reminderDue = async () => {
    t.clock.set('2026-05-31T07:00:00.000Z');
    await t.engine.fireDueTimers();
  };

  it('should give the responsible employee a task and a notification 30 days before the service ends', async () => {
    const instance = await t.start('renewal-reminder', service, 'ACME');
    const [timer] = (await t.engine.getInstance(instance.id)).timers;
    expect(timer.dueAt.toISOString()).to.equal('2026-05-31T07:00:00.000Z');
    await reminderDue();
    const call = await t.task(instance.id, 'callCustomer');
    expect(call).to.include({ assignee: 'employee', formId: 'renewal-call' });
    expect(await inbox(t, 'employee')).to.deep.equal([{ type: 'task.assigned', title: 'New task: Call the customer about the renewal (ACME)' }]);
  });

  it("should remind the employee's manager when no answer is recorded within 7 days, and keep the call open", async () => {
    const instance = await t.start('renewal-reminder', service, 'ACME');
    await reminderDue();
    expect(await t.advance(7 * DAY)).to.equal(1);
    expect(await inbox(t, 'manager')).to.deep.equal([{ type: 'sla.breached', title: 'SLA breached: Call the customer about the renewal (ACME)' }]);
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['callCustomer']);
  });

  it('should flag the customer at risk and give the account manager a retention task when the customer is not satisfied', async () => {
    const instance = await t.start('renewal-reminder', service, 'ACME');
    await reminderDue();
    await t.completeTask(instance.id, 'callCustomer', { satisfied: false, renew: true });
    expect((await t.instance(instance.id)).variables.customerStatus).to.equal('at risk');
    const retention = await t.task(instance.id, 'retentionCall');
    expect(retention.assignee).to.equal('alex');
    expect(await inbox(t, 'alex')).to.deep.equal([{ type: 'task.assigned', title: 'New task: Win the customer back (ACME)' }]);
    // when the account manager wins them back, the next period starts
    await t.completeTask(instance.id, 'retentionCall', { renew: true });
    expect((await t.instance(instance.id)).variables.serviceEnd).to.equal('2027-06-30');
  });

  it('should start the next period when the customer renews, with the next reminder a year later', async () => {
    const instance = await t.start('renewal-reminder', service, 'ACME');
    await reminderDue();
    await t.completeTask(instance.id, 'callCustomer', { satisfied: true, renew: true });
    const details = await t.engine.getInstance(instance.id);
    expect(details.state).to.equal('active');
    expect(details.variables.serviceEnd).to.equal('2027-06-30');
    expect(details.timers.filter((x) => x.state === 'scheduled').map((x) => x.dueAt.toISOString())).to.deep.equal(['2027-05-31T07:00:00.000Z']);
  });

  it('should end when the customer does not renew even after the retention call', async () => {
    const instance = await t.start('renewal-reminder', service, 'ACME');
    await reminderDue();
    await t.completeTask(instance.id, 'callCustomer', { satisfied: true, renew: false });
    await t.completeTask(instance.id, 'retentionCall', { renew: false });
    expect((await t.instance(instance.id)).state).to.equal('completed');
  });

  it('should raise an incident on the call task when the assignee does not exist, and leave the task to sales', async () => {
    // given a renewal assigned to a user who does not exist
    const instance = await t.start('renewal-reminder', { ...service, responsible: null, accountManager: 'nobody' }, 'ACME');
    await reminderDue();
    // then the task is visible to sales, and the incident names the user
    const call = await t.task(instance.id, 'callCustomer');
    expect(call.assignee).to.equal(null);
    expect(call.candidateGroups).to.deep.equal(['sales']);
    const [incident] = (await t.engine.listIncidents({ instanceId: instance.id, state: 'open' })).items;
    expect(incident).to.include({ type: 'unknown_assignee', elementId: 'callCustomer' });
    expect(incident.message).to.contain("assignee 'nobody' is not a user");
    // and a manager fixes it by assigning the task
    await t.engine.assignTask(call.id, 'alex', 'manager');
    expect((await t.engine.listIncidents({ instanceId: instance.id, state: 'open' })).total).to.equal(0);
  });
});
