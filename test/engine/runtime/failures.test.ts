import { expect } from 'chai';
import { createTestEngine, elementsOf, fixture, type TestEngine } from '../support/engineHarness.js';

/**
 * Issue 9: run-time failures land on the element that failed, as in
 * Camunda 8. The start, completion or correlation that led there succeeds;
 * the token stops at the element with an incident carrying FEEL's message;
 * setting the variable and retrying continues the instance.
 */
describe('run-time failures become incidents on the element that failed', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine({ stepLimits: { maxActivations: 300 } });
    await t.deploy(fixture(import.meta.url, 'run-time-failures.bpmn'));
  });
  afterEach(() => t.destroy());

  const openIncidents = async (instanceId: string) => (await t.engine.listIncidents({ instanceId, state: 'open' })).items;

  it('should stop at a script task whose FEEL fails, with FEEL\'s message, instead of storing null', async () => {
    // when
    const instance = await t.start('scriptFails', {});
    // then
    const [incident] = await openIncidents(instance.id);
    expect(incident).to.include({ type: 'expression_failed', elementId: 'total', state: 'open' });
    expect(incident.message).to.contain("Variable 'amount' not found");
    const stored = await t.instance(instance.id);
    expect(stored.state).to.equal('active');
    expect(stored.activeElements).to.deep.equal(['total']);
    expect(stored.variables).to.not.have.property('doubled');
  });

  it('should go on from the failed script task when the variable is set and the incident retried', async () => {
    // given
    const instance = await t.start('scriptFails', {});
    const [incident] = await openIncidents(instance.id);
    // when
    await t.engine.setVariables(instance.id, { amount: 21 }, 'manager');
    await t.engine.retryIncident(incident.id, { actor: 'manager' });
    // then
    expect((await t.instance(instance.id)).variables).to.include({ amount: 21, doubled: 42 });
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['review']);
    expect(await openIncidents(instance.id)).to.deep.equal([]);
    const history = (await t.engine.history(instance.id)).map((h) => `${h.type}:${h.elementId ?? ''}`);
    expect(history).to.include.members(['incident.created:total', 'incident.resolved:total', 'element.completed:total']);
  });

  it('should complete the employee\'s task and put the incident on the gateway that has no matching flow', async () => {
    // given
    const instance = await t.start('noWayAfterTask', {});
    const task = await t.task(instance.id, 'decide');
    // when: the completion leaves `approved` unset
    await t.engine.completeTask(task.id, { comment: 'looked at it' }, 'erin');
    // then: the completion stands, the gateway holds the token with an incident
    expect((await t.engine.getTask(task.id)).state).to.equal('completed');
    const [incident] = await openIncidents(instance.id);
    expect(incident).to.include({ type: 'no_outgoing_flow', elementId: 'route' });
    expect(incident.message).to.contain("toYes: '=approved = true' is false").and.to.contain("Variable 'approved' not found");
    expect((await t.instance(instance.id)).activeElements).to.deep.equal(['route']);
    // when: a manager sets the variable and retries
    await t.engine.setVariables(instance.id, { approved: false }, 'manager');
    await t.engine.retryIncident(incident.id, { actor: 'manager' });
    // then
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['no']);
  });

  it('should complete the worker\'s job (not hand it out again) and put the incident on the gateway', async () => {
    // given
    const instance = await t.start('noWayAfterJob', {});
    const [job] = await t.engine.activateJobs({ type: 'credit-check', worker: 'w1', maxJobs: 1, lockDurationMs: 1000 });
    // when
    await t.engine.completeJob(job.id, { rating: 100 });
    // then
    expect((await t.jobs(instance.id))[0].state).to.equal('completed');
    t.clock.advance(60_000);
    expect(await t.engine.activateJobs({ type: 'credit-check', worker: 'w2', maxJobs: 1, lockDurationMs: 1000 })).to.deep.equal([]);
    const [incident] = await openIncidents(instance.id);
    expect(incident).to.include({ type: 'no_outgoing_flow', elementId: 'score' });
  });

  it('should stop at a multi-instance activity with a negative loop cardinality', async () => {
    // when
    const instance = await t.start('badCardinality', { count: -2 });
    // then
    const [incident] = await openIncidents(instance.id);
    expect(incident).to.include({ type: 'expression_failed', elementId: 'calls' });
    expect(incident.message).to.contain('loop cardinality must be a whole number, got -2');
    expect(await t.openTasks(instance.id)).to.deep.equal([]);
    // and: a repaired cardinality creates the tasks
    await t.engine.setVariables(instance.id, { count: 2 });
    await t.engine.retryIncident(incident.id);
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['calls', 'calls']);
  });

  it('should resolve the incident of a token that is cancelled, and refuse to resolve one without retrying', async () => {
    // given
    const instance = await t.start('scriptFails', {});
    const [incident] = await openIncidents(instance.id);
    // when / then
    const refused = await t.engine.resolveIncident(incident.id).then(() => undefined, (e) => e);
    expect(refused).to.have.property('code', 'CONFLICT');
    await t.engine.cancelInstance(instance.id);
    expect(await openIncidents(instance.id)).to.deep.equal([]);
  });

  it('should stop a loop with no wait state at its budget, commit what it did, and go on from there on retry', async () => {
    // when: the exit needs 1000 rounds, the budget allows about 100
    const instance = await t.start('spinning', { n: 0, limit: 1000 });
    // then: the start answered; the token stopped at a named element of the loop
    const [incident] = await openIncidents(instance.id);
    expect(incident.type).to.equal('step_budget_exceeded');
    expect(['again', 'count', 'enough']).to.include(incident.elementId);
    expect(incident.message).to.contain('300 element activations');
    const stopped = (await t.instance(instance.id)).variables.n as number;
    expect(stopped).to.be.within(90, 110);
    // when: lowering the limit and retrying finishes the loop
    await t.engine.setVariables(instance.id, { limit: stopped + 5 });
    await t.engine.retryIncident(incident.id);
    // then
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['after']);
    expect((await t.instance(instance.id)).variables.n).to.equal(stopped + 5);
    expect(await openIncidents(instance.id)).to.deep.equal([]);
  });
});
