import { expect } from 'chai';
import { createTestEngine, elementsOf, fixture, trace, type TestEngine } from '../support/engineHarness.js';
import type { ExecutionTree } from '../../../engine/runtime/tree.js';

describe('compensation and transactions (issue 12)', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'compensation.bpmn'));
  });
  afterEach(() => t.destroy());

  const snapshotOf = async (id: string) => (await t.instance(id)).snapshot as ExecutionTree;

  it('should remember completed compensable activities with their variables in the instance snapshot', async () => {
    // when
    const instance = await t.start('trip', { city: 'Rome' });
    // then
    expect((await snapshotOf(instance.id)).root.compensations).to.deep.equal([
      { nodeId: 'bookHotel', variables: { hotelRef: 'H-Rome' } },
      { nodeId: 'bookFlight', variables: { flightRef: 'F-Rome' } },
    ]);
  });

  it('should compensate every completed activity, last completed first, with the variables each had', async () => {
    // given
    const instance = await t.start('trip', { city: 'Rome' });
    // when
    await t.completeTask(instance.id, 'decide', { choice: 'all' });
    // then
    expect(await trace(t.engine, instance.id)).to.deep.equal(['start', 'bookHotel', 'bookFlight', 'decide', 'outcome', 'cancelFlight', 'cancelHotel', 'undoAll']);
    const done = await t.instance(instance.id);
    expect(done.variables).to.include({ hotelUndone: 'undo H-Rome', flightUndone: 'undo F-Rome' });
    expect(done.state).to.equal('completed');
    expect((done.snapshot as ExecutionTree).root.compensations, 'pruned when the instance ends').to.equal(undefined);
  });

  it('should compensate only the activity an intermediate throw event names, wait for it, then go on', async () => {
    // given
    const instance = await t.start('trip', { city: 'Oslo' });
    // when
    await t.completeTask(instance.id, 'decide', { choice: 'hotel' });
    // then
    expect(await trace(t.engine, instance.id)).to.deep.equal(['start', 'bookHotel', 'bookFlight', 'decide', 'outcome', 'cancelHotel', 'undoHotel', 'rebook', 'rebooked']);
    expect((await t.instance(instance.id)).variables).to.not.have.property('flightUndone');
  });

  it('should not compensate an activity whose scope went on without compensating it', async () => {
    // given
    const instance = await t.start('trip', { city: 'Oslo' });
    // when
    await t.completeTask(instance.id, 'decide', { choice: 'keep' });
    // then
    expect(await trace(t.engine, instance.id)).to.deep.equal(['start', 'bookHotel', 'bookFlight', 'decide', 'outcome', 'kept']);
  });

  it('should compensate a completed subprocess through its inner activities, and another through its compensation event subprocess', async () => {
    // given
    const instance = await t.start('nested');
    expect((await snapshotOf(instance.id)).root.compensations!.map((r) => r.nodeId)).to.deep.equal(['plain', 'handled']);
    // when
    await t.completeTask(instance.id, 'review');
    // then: 'handled' first (completed last) through its event subprocess, which compensates stepC; then 'plain' inside out
    expect(await trace(t.engine, instance.id)).to.deep.equal([
      'nStart', 'plainStart', 'stepA', 'stepB', 'plainEnd', 'plain', 'handledStart', 'stepC', 'handledEnd', 'handled', 'review',
      'compensateStart', 'notify', 'undoC', 'compensateInner', 'onCompensate', 'undoB', 'undoA', 'undoEverything',
    ]);
    expect((await t.instance(instance.id)).state).to.equal('completed');
  });

  it('should go on at once from a compensation throw event with waitForCompletion false while its handler runs', async () => {
    // when
    const instance = await t.start('fireAndForget');
    // then: the refund runs beside the next task
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['next', 'refund']);
    expect(await trace(t.engine, instance.id)).to.deep.equal(['fStart', 'charge2', 'undoLater']);
    await t.completeTask(instance.id, 'refund');
    await t.completeTask(instance.id, 'next');
    expect((await t.instance(instance.id)).state).to.equal('completed');
  });

  it('should cancel a transaction: end what still runs, compensate what completed, leave by the cancel boundary', async () => {
    // given
    const instance = await t.start('order');
    // when
    await t.completeTask(instance.id, 'charge', { declined: true });
    // then
    expect(await trace(t.engine, instance.id)).to.deep.equal(['oStart', 'tStart', 'fork', 'reserve', 'charge', 'paid', 'release', 'cancelled', 'apologise', 'cancelEnd']);
    expect(await t.openTasks(instance.id)).to.deep.equal([]);
    expect((await t.instance(instance.id)).state).to.equal('completed');
  });

  it('should complete a transaction that is not cancelled without compensating anything', async () => {
    // given
    const instance = await t.start('order');
    // when
    await t.completeTask(instance.id, 'charge', { declined: false });
    await t.completeTask(instance.id, 'confirm');
    // then
    expect(await trace(t.engine, instance.id)).to.deep.equal(['oStart', 'tStart', 'fork', 'reserve', 'charge', 'paid', 'tEnd', 'confirm', 'tEnd2', 'payment', 'ship', 'oEnd']);
  });
});
