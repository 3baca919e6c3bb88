import { expect } from 'chai';
import { createTestEngine, elementsOf, fixture, DAY, type TestEngine } from '../support/engineHarness.js';

describe('gateways', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
  });
  afterEach(() => t.destroy());

  describe('exclusive gateway', () => {
    beforeEach(() => t.deploy(fixture(import.meta.url, 'exclusive.bpmn')));

    it('should take the first flow whose condition is true', async () => {
      // given / when
      const instance = await t.start('exclusive', { amount: 500 });
      // then
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['high']);
    });

    it('should take the default flow when no condition is true', async () => {
      const instance = await t.start('exclusive', { amount: 5 });
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['low']);
    });

    it('should take the default flow when the condition reads a missing variable', async () => {
      const instance = await t.start('exclusive', {});
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['low']);
    });

    it('should complete the instance when the last token reaches an end event', async () => {
      // given
      const instance = await t.start('exclusive', { amount: 5 });
      // when
      await t.completeTask(instance.id, 'low');
      // then
      const done = await t.instance(instance.id);
      expect(done.state).to.equal('completed');
      expect(done.endedAt).to.be.instanceOf(Date);
      expect(done.activeElements).to.deep.equal([]);
    });
  });

  describe('loops through exclusive gateways', () => {
    it('should go round the loop until the condition lets the token out', async () => {
      // given
      await t.deploy(fixture(import.meta.url, 'loop.bpmn'));
      const instance = await t.start('loop', { answered: false });
      // when: two unanswered calls, then an answered one
      await t.completeTask(instance.id, 'attempt', { answered: false });
      await t.completeTask(instance.id, 'attempt', { answered: false });
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['attempt']);
      await t.completeTask(instance.id, 'attempt', { answered: true });
      // then
      expect((await t.instance(instance.id)).state).to.equal('completed');
      const completions = (await t.engine.history(instance.id)).filter((h) => h.type === 'element.completed' && h.elementId === 'attempt');
      expect(completions).to.have.length(3);
    });
  });

  describe('parallel gateway', () => {
    beforeEach(() => t.deploy(fixture(import.meta.url, 'parallel.bpmn')));

    it('should fork into every outgoing flow', async () => {
      const instance = await t.start('parallel');
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['a', 'b']);
      expect((await t.instance(instance.id)).activeElements.sort()).to.deep.equal(['a', 'b']);
    });

    it('should join only when every incoming flow has a token', async () => {
      // given
      const instance = await t.start('parallel');
      // when
      await t.completeTask(instance.id, 'a');
      // then: waiting at the join
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['b']);
      expect((await t.instance(instance.id)).activeElements.sort()).to.deep.equal(['b', 'join']);
      // when
      await t.completeTask(instance.id, 'b');
      // then
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['c']);
    });
  });

  describe('inclusive gateway', () => {
    beforeEach(() => t.deploy(fixture(import.meta.url, 'inclusive.bpmn')));

    it('should activate every branch whose condition is true', async () => {
      const instance = await t.start('inclusive', { a: true, b: true });
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['a', 'b']);
    });

    it('should take the default flow only when no condition is true', async () => {
      const instance = await t.start('inclusive', { a: false, b: false });
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['d']);
    });

    it('should join without waiting for branches that were not taken', async () => {
      // given: only branch a was taken
      const instance = await t.start('inclusive', { a: true, b: false });
      // when
      await t.completeTask(instance.id, 'a');
      // then
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['after']);
    });

    it('should wait at the join for every branch that can still arrive', async () => {
      // given
      const instance = await t.start('inclusive', { a: true, b: true });
      // when
      await t.completeTask(instance.id, 'b');
      // then
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['a']);
      // when
      await t.completeTask(instance.id, 'a');
      // then: the join fired once
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['after']);
    });
  });

  describe('event-based gateway', () => {
    beforeEach(() => t.deploy(fixture(import.meta.url, 'event-gateway.bpmn')));

    it('should follow the message when it arrives before the timer', async () => {
      // given
      const instance = await t.start('eventGateway', { requestId: 'R-1' });
      // when
      await t.engine.correlateMessage({ name: 'reply', correlationKey: 'R-1', variables: { answer: 'yes' } });
      // then
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['handOver']);
      expect((await t.instance(instance.id)).variables).to.include({ answer: 'yes' });
      // and the timer is gone: a day later nothing fires
      expect(await t.advance(2 * DAY)).to.equal(0);
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['handOver']);
    });

    it('should follow the timer when it fires first and then refuse the late message', async () => {
      // given
      const instance = await t.start('eventGateway', { requestId: 'R-2' });
      // when
      expect(await t.advance(DAY)).to.equal(1);
      // then
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['remind']);
      let error: unknown;
      try {
        await t.engine.correlateMessage({ name: 'reply', correlationKey: 'R-2' });
      } catch (e) {
        error = e;
      }
      expect(error).to.have.property('code', 'MESSAGE_NOT_CORRELATED');
    });
  });
});
