import { expect } from 'chai';
import { createTestEngine, fixture, trace, HOUR, type TestEngine } from '../support/engineHarness.js';

describe('multiple and parallel multiple events (issue 12)', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'multiple-events.bpmn'));
  });
  afterEach(() => t.destroy());

  it('should complete a multiple catch event on the first of its triggers and cancel the others', async () => {
    // given
    const byMessage = await t.start('anyOf');
    // when
    await t.engine.correlateMessage({ name: 'go' });
    // then
    expect(await trace(t.engine, byMessage.id)).to.deep.equal(['start', 'first', 'end']);
    expect((await t.engine.getInstance(byMessage.id)).timers.map((timer) => timer.state)).to.deep.equal(['cancelled']);
    // given / when: another instance, by its timer
    const byTimer = await t.start('anyOf');
    await t.advance(HOUR);
    // then
    expect(await trace(t.engine, byTimer.id)).to.deep.equal(['start', 'first', 'end']);
    expect((await t.engine.getInstance(byTimer.id)).subscriptions.map((s) => s.state)).to.deep.equal(['cancelled']);
  });

  it('should complete a parallel multiple catch event only when every trigger has occurred', async () => {
    // given
    const instance = await t.start('allOf');
    // when: the message alone
    await t.engine.correlateMessage({ name: 'a' });
    // then
    expect((await t.instance(instance.id)).activeElements).to.deep.equal(['both']);
    // when: and the signal
    await t.engine.broadcastSignal('b');
    // then
    expect(await trace(t.engine, instance.id)).to.deep.equal(['pStart', 'both', 'pEnd']);
  });

  it('should send every result of a multiple throw event', async () => {
    // given
    const waiting = await t.start('allOf');
    // when
    const throwing = await t.start('thrower');
    // then: the message and the signal both arrived
    expect(await trace(t.engine, throwing.id)).to.deep.equal(['tStart', 'sendAll', 'tEnd']);
    expect((await t.instance(waiting.id)).state).to.equal('completed');
  });

  it('should start a process at a multiple start event by any one of its triggers', async () => {
    // when
    const byMessage = await t.engine.correlateMessage({ name: 'kick' });
    const bySignal = await t.engine.broadcastSignal('kickAll');
    // then
    expect(byMessage.started).to.have.length(1);
    expect(bySignal.instanceIds).to.have.length(1);
    expect(await trace(t.engine, bySignal.instanceIds[0])).to.deep.equal(['kicked', 'kEnd']);
  });
});
