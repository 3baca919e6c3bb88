import { expect } from 'chai';
import { createTestEngine, elementsOf, DAY, type TestEngine } from '../engine/support/engineHarness.js';
import { shippedResources } from './processes.js';

describe('feature: contract renewal reminder (processes/renewal-reminder.bpmn)', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine({ start: '2026-01-05T09:00:00.000Z' });
    await t.engine.deploy(await shippedResources());
  });
  afterEach(() => t.destroy());

  it('should ask the account manager to call 30 days before the contract ends', async () => {
    // given: the contract ends on 2026-06-30
    const instance = await t.start('renewal-reminder', { contractEnd: '2026-06-30T00:00:00Z', accountManager: 'ann' });
    const [timer] = (await t.engine.getInstance(instance.id)).timers;
    expect(timer.dueAt.toISOString()).to.equal('2026-05-31T00:00:00.000Z');
    // when
    t.clock.set('2026-05-31T00:00:00.000Z');
    expect(await t.engine.fireDueTimers()).to.equal(1);
    // then
    const call = await t.task(instance.id, 'callCustomer');
    expect(call.assignee).to.equal('ann');
    expect(call.dueAt!.toISOString()).to.equal('2026-06-07T00:00:00.000Z');
  });

  it('should escalate when nobody called within a week, and still accept the call', async () => {
    const instance = await t.start('renewal-reminder', { contractEnd: '2026-03-01T00:00:00Z', accountManager: 'ann' });
    t.clock.set('2026-01-30T00:00:00.000Z');
    await t.engine.fireDueTimers();
    await t.advance(7 * DAY);
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['callCustomer', 'escalateRenewal']);
    await t.completeTask(instance.id, 'callCustomer', { renew: true });
    await t.completeTask(instance.id, 'escalateRenewal');
    const history = (await t.engine.history(instance.id)).map((h) => h.elementId);
    expect(history).to.include('contractRenewed');
    expect((await t.instance(instance.id)).state).to.equal('completed');
  });
});
