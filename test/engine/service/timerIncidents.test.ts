import { expect } from 'chai';
import { createTestEngine, elementsOf, fixture, HOUR, type TestEngine } from '../support/engineHarness.js';

describe('timer incidents', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'timer-incident.bpmn'));
  });
  afterEach(() => t.destroy());

  it('should fire the timer and raise the incident on the gateway that found no way, then go on when the incident is retried after a repair (issue 9)', async () => {
    // given: after the timer, the gateway has no way out for tier "bronze"
    const instance = await t.start('timerIncident', { tier: 'bronze' });
    // when
    expect(await t.advance(HOUR)).to.equal(1);
    // then: an incident on the gateway names the problem; the token waits there, the timer is spent
    const [incident] = (await t.engine.listIncidents({ instanceId: instance.id })).items;
    expect(incident).to.include({ type: 'no_outgoing_flow', elementId: 'route', state: 'open' });
    expect(incident.message).to.contain('route').and.to.contain('toA');
    expect((await t.instance(instance.id)).activeElements).to.deep.equal(['route']);
    expect(await t.engine.fireDueTimers(), 'the timer fired once').to.equal(0);
    // when: a manager fixes the data and retries
    await t.engine.setVariables(instance.id, { tier: 'gold' }, 'manager');
    await t.engine.retryIncident(incident.id, { actor: 'manager' });
    // then
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['a']);
    expect((await t.engine.listIncidents({ instanceId: instance.id, state: 'open' })).total).to.equal(0);
  });
});
