import { expect } from 'chai';
import { createTestEngine, elementsOf, fixture, type TestEngine } from '../support/engineHarness.js';

describe('throw and end events', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'throw-events.bpmn'));
  });
  afterEach(() => t.destroy());

  it('should deliver an intermediate message throw to the instance waiting with that key', async () => {
    // given
    const waiter = await t.start('waiter', { orderId: 'O-1' });
    const other = await t.start('waiter', { orderId: 'O-2' });
    const worker = await t.start('worker', { orderId: 'O-1', alarm: false });
    // when
    await t.completeTask(worker.id, 'w_work');
    // then
    expect(elementsOf(await t.openTasks(waiter.id))).to.deep.equal(['x_next']);
    expect((await t.instance(other.id)).activeElements).to.deep.equal(['x_wait']);
  });

  it('should run a non-interrupting escalation event subprocess for an escalation end event', async () => {
    const worker = await t.start('worker', { orderId: 'none', alarm: false });
    await t.completeTask(worker.id, 'w_work');
    expect(elementsOf(await t.openTasks(worker.id))).to.deep.equal(['w_helper']);
    await t.completeTask(worker.id, 'w_helper');
    expect((await t.instance(worker.id)).state).to.equal('completed');
  });

  it('should broadcast a signal end event to an interrupting signal event subprocess of another instance', async () => {
    // given
    const waiter = await t.start('waiter', { orderId: 'O-3' });
    const worker = await t.start('worker', { orderId: 'O-3', alarm: true });
    // when
    await t.completeTask(worker.id, 'w_work');
    // then: the waiter stopped waiting and evacuates
    expect((await t.instance(worker.id)).state).to.equal('completed');
    expect(elementsOf(await t.openTasks(waiter.id))).to.deep.equal(['x_evacuate']);
    expect((await t.instance(waiter.id)).activeElements.sort()).to.deep.equal(['x_evacuate', 'x_onAlarm']);
    const subscriptions = (await t.engine.getInstance(waiter.id)).subscriptions;
    expect(subscriptions.filter((s) => s.state === 'open')).to.deep.equal([]);
  });
});
