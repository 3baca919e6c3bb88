import { expect } from 'chai';
import { createTestEngine, elementsOf, fixture, DAY, HOUR, type TestEngine } from '../support/engineHarness.js';

describe('events', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
  });
  afterEach(() => t.destroy());

  describe('intermediate catch and throw events', () => {
    beforeEach(() => t.deploy(fixture(import.meta.url, 'intermediate-events.bpmn')));

    it('should wait for a one-month FEEL timer, then a message, then a signal, then pass throw, link and escalation events', async () => {
      // given: a one-month wait (calendar month, from Jan 5)
      const instance = await t.start('intermediate', { waitFor: 'P1M', invoice: 'INV-7' });
      const [timer] = (await t.engine.getInstance(instance.id)).timers;
      expect(timer.dueAt.toISOString()).to.equal('2026-02-05T09:00:00.000Z');
      // when: 30 days are not enough
      expect(await t.advance(30 * DAY)).to.equal(0);
      // when: the month is over
      expect(await t.advance(DAY)).to.equal(1);
      expect((await t.instance(instance.id)).activeElements).to.deep.equal(['waitPaid']);
      // when: the message arrives
      await t.engine.correlateMessage({ name: 'paid', correlationKey: 'INV-7', variables: { paidAt: 'today' } });
      expect((await t.instance(instance.id)).activeElements).to.deep.equal(['waitGo']);
      // when: the signal is broadcast
      const { instanceIds } = await t.engine.broadcastSignal('go');
      // then
      expect(instanceIds).to.deep.equal([instance.id]);
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['done']);
      const passed = (await t.engine.history(instance.id)).filter((h) => h.type === 'element.completed').map((h) => h.elementId);
      expect(passed).to.include.members(['noop', 'jump', 'landing', 'escalate']);
      expect((await t.instance(instance.id)).variables).to.include({ paidAt: 'today' });
    });

    it('should not let a message with another correlation key through', async () => {
      const instance = await t.start('intermediate', { waitFor: 'PT1H', invoice: 'INV-8' });
      await t.advance(HOUR);
      let error: unknown;
      try {
        await t.engine.correlateMessage({ name: 'paid', correlationKey: 'INV-9' });
      } catch (e) {
        error = e;
      }
      expect(error).to.have.property('code', 'MESSAGE_NOT_CORRELATED');
      expect((await t.instance(instance.id)).activeElements).to.deep.equal(['waitPaid']);
    });
  });

  describe('terminate end event', () => {
    it('should end every other token of the instance and cancel their tasks', async () => {
      // given
      await t.deploy(fixture(import.meta.url, 'terminate.bpmn'));
      const instance = await t.start('terminate');
      const slow = await t.task(instance.id, 'slow');
      // when
      await t.completeTask(instance.id, 'fast');
      // then
      expect((await t.instance(instance.id)).state).to.equal('completed');
      expect((await t.engine.getTask(slow.id)).state).to.equal('cancelled');
    });
  });

  describe('start events', () => {
    beforeEach(() => t.deploy(fixture(import.meta.url, 'start-events.bpmn')));

    it('should start an instance when its start message is published', async () => {
      // when
      const result = await t.engine.correlateMessage({ name: 'signup', variables: { email: 'a@b.c' } });
      // then
      expect(result.started).to.have.length(1);
      const instance = await t.instance(result.started[0].instanceId);
      expect(instance.definitionKey).to.equal('byMessage');
      expect(instance.variables).to.deep.equal({ email: 'a@b.c' });
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['welcome']);
    });

    it('should start an instance for a broadcast signal', async () => {
      const { instanceIds } = await t.engine.broadcastSignal('launch', { product: 'X' });
      expect(instanceIds).to.have.length(1);
      expect((await t.instance(instanceIds[0])).definitionKey).to.equal('bySignal');
    });

    it('should start instances on a timer cycle with a start date, and stop after its repetitions', async () => {
      // given: R2/2026-01-06T08:00Z/P1D; the clock is at 2026-01-05T09:00Z
      // when
      expect(await t.advance(23 * HOUR)).to.equal(1);
      expect(await t.advance(DAY)).to.equal(1);
      expect(await t.advance(DAY)).to.equal(0);
      // then
      expect((await t.engine.listInstances({ definitionKey: 'byTimer' })).total).to.equal(2);
    });

    it('should refuse a plain start of a process that only starts by message', async () => {
      let error: unknown;
      try {
        await t.start('byMessage');
      } catch (e) {
        error = e;
      }
      expect(error).to.have.property('code', 'CONFLICT');
    });

    it('should move start triggers to the new version on redeploy', async () => {
      // given: a changed model (other XML) is a new version
      const xml = (await import('node:fs/promises')).readFile(fixture(import.meta.url, 'start-events.bpmn'), 'utf8');
      await t.engine.deploy({ resources: [{ name: 'v2.bpmn', xml: (await xml).replace('name="signup"', 'name="signup" ') + '\n' }] });
      // when
      const result = await t.engine.correlateMessage({ name: 'signup' });
      // then: one instance, of version 2
      expect(result.started).to.have.length(1);
      expect((await t.instance(result.started[0].instanceId)).definitionVersion).to.equal(2);
    });
  });
});
