import { expect } from 'chai';
import { createTestEngine, elementsOf, fixture, HOUR, type TestEngine } from '../support/engineHarness.js';

describe('timer incidents', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'timer-incident.bpmn'));
  });
  afterEach(() => t.destroy());

  it('should raise an incident when a fired timer cannot go on, and fire it again when the incident is retried after a repair', async () => {
    // given: after the timer, the gateway has no way out for tier "bronze"
    const instance = await t.start('timerIncident', { tier: 'bronze' });
    // when
    expect(await t.advance(HOUR)).to.equal(0);
    // then: an incident names the problem; the token still waits at the timer
    const [incident] = (await t.engine.listIncidents({ instanceId: instance.id })).items;
    expect(incident).to.include({ type: 'expression_failed', elementId: 'wait', state: 'open' });
    expect(incident.message).to.contain('route');
    expect((await t.instance(instance.id)).activeElements).to.deep.equal(['wait']);
    expect(await t.engine.fireDueTimers(), 'a timer with an open incident waits for its retry, not for the next sweep').to.equal(0);
    // when: a manager fixes the data and retries
    await t.engine.setVariables(instance.id, { tier: 'gold' }, 'manager');
    await t.engine.retryIncident(incident.id, { actor: 'manager' });
    // then
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['a']);
    expect((await t.engine.listIncidents({ instanceId: instance.id, state: 'open' })).total).to.equal(0);
  });
});
