import { expect } from 'chai';
import { createTestEngine, elementsOf, fixture, HOUR, trace, type TestEngine } from '../support/engineHarness.js';

/**
 * Issues 9 and 12: run-time failures in the elements the conformance work
 * added (conditional events, complex gateways, ad-hoc subprocesses,
 * multi-instance behaviour events, timer cycles) become incidents on the
 * element that failed, with FEEL's message. The start, completion or
 * timer that led there commits; setting the variable and retrying goes on.
 * Each expression here fails because `minimum` arrived as text ("50"), so
 * FEEL cannot build the range `score between minimum and 100`.
 */
describe('run-time failures in conditional events, complex gateways, ad-hoc subprocesses, behaviour events and cycles', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'element-failures.bpmn'));
  });
  afterEach(() => t.destroy());

  const openIncidents = async (instanceId: string) => (await t.engine.listIncidents({ instanceId, state: 'open' })).items;
  const retryWith = async (instanceId: string, incidentId: string, variables: Record<string, unknown>) => {
    await t.engine.setVariables(instanceId, variables, 'manager');
    await t.engine.retryIncident(incidentId, { actor: 'manager' });
  };

  it('should start the instance and put an incident on a conditional boundary event whose condition fails', async () => {
    // when
    const instance = await t.start('watchedWork', { score: 70, minimum: '50' });
    // then
    const [incident] = await openIncidents(instance.id);
    expect(incident).to.include({ type: 'expression_failed', elementId: 'scoreHigh' });
    expect(incident.message).to.contain('unsupported range: 50..100');
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['work']);
    // when: the variable is repaired (the failed condition waits for the retry) and the incident retried
    await t.engine.setVariables(instance.id, { minimum: 50 });
    expect(await openIncidents(instance.id)).to.have.length(1);
    await t.engine.retryIncident(incident.id);
    // then
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['warn', 'work']);
    expect(await openIncidents(instance.id)).to.deep.equal([]);
  });

  it('should take variables set through the API and put the incident on the intermediate conditional event', async () => {
    // given
    const instance = await t.start('waitForScore', { score: 10, minimum: 50 });
    // when: a manager sets values the condition cannot use
    await t.engine.setVariables(instance.id, { score: 70, minimum: '50' }, 'manager');
    // then: they are set, and the event holds the token with an incident
    expect((await t.instance(instance.id)).variables).to.include({ score: 70, minimum: '50' });
    const [incident] = await openIncidents(instance.id);
    expect(incident).to.include({ type: 'expression_failed', elementId: 'scoreReached' });
    // when
    await retryWith(instance.id, incident.id, { minimum: 50 });
    // then
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['celebrate']);
  });

  it('should complete the review and hold the tokens at the complex gateway whose activation condition fails', async () => {
    // given
    const instance = await t.start('quorum', { minimum: '1' });
    const review = await t.task(instance.id, 'reviewA');
    // when
    await t.engine.completeTask(review.id, {}, 'erin');
    // then
    expect((await t.engine.getTask(review.id)).state).to.equal('completed');
    const [incident] = await openIncidents(instance.id);
    expect(incident).to.include({ type: 'expression_failed', elementId: 'enough' });
    expect(incident.message).to.contain('unsupported range');
    expect((await t.instance(instance.id)).activeElements).to.have.members(['reviewB', 'enough']);
    // when
    await retryWith(instance.id, incident.id, { minimum: 1 });
    // then
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['decide', 'reviewB']);
    expect(await openIncidents(instance.id)).to.deep.equal([]);
  });

  it('should put an incident on a complex gateway where no outgoing flow matches, instead of dropping the token', async () => {
    // when
    const instance = await t.start('complexNoWay', {});
    // then
    const [incident] = await openIncidents(instance.id);
    expect(incident).to.include({ type: 'no_outgoing_flow', elementId: 'pick' });
    expect((await t.instance(instance.id)).state).to.equal('active');
    // when
    await retryWith(instance.id, incident.id, { route: 'y' });
    // then
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['taskY']);
  });

  it('should put an incident on an ad-hoc subprocess whose active elements are not a list of its activities', async () => {
    // when
    const instance = await t.start('adHocActive', { todo: 'askExpert' });
    // then
    const [incident] = await openIncidents(instance.id);
    expect(incident).to.include({ type: 'expression_failed', elementId: 'research' });
    expect(incident.message).to.contain('not a list of ids of its activities');
    // when
    await retryWith(instance.id, incident.id, { todo: ['askExpert'] });
    // then
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['askExpert']);
  });

  it('should complete the inner activity and put the incident on the ad-hoc subprocess whose completion condition fails', async () => {
    // given
    const instance = await t.start('adHocUntil', { score: 0, minimum: '50' });
    const check = await t.task(instance.id, 'checkA');
    // when
    await t.engine.completeTask(check.id, { score: 70 }, 'erin');
    // then
    expect((await t.engine.getTask(check.id)).state).to.equal('completed');
    const [incident] = await openIncidents(instance.id);
    expect(incident).to.include({ type: 'expression_failed', elementId: 'checks' });
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['checkB']);
    // when: the condition holds once it can be evaluated
    await retryWith(instance.id, incident.id, { minimum: 50 });
    // then: the rest is cancelled and the process goes on
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['after']);
    expect(await trace(t.engine, instance.id)).to.deep.equal(['uStart', 'checkA', 'checks']);
  });

  it('should hold the completed instance of a multi-instance activity whose behaviour condition fails, and undo nothing else', async () => {
    // given
    const instance = await t.start('miComplex', { minimum: '1' });
    const [first] = await t.openTasks(instance.id);
    // when
    await t.engine.completeTask(first.id, {}, 'erin');
    // then
    const [incident] = await openIncidents(instance.id);
    expect(incident).to.include({ type: 'expression_failed', elementId: 'reviews' });
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['reviews']);
    // when
    await retryWith(instance.id, incident.id, { minimum: 1 });
    // then: the behaviour event is thrown and caught by the activity's own boundary
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['reviews', 'summarise']);
    // and: the other instance completes the activity
    await t.completeTask(instance.id, 'reviews');
    expect(await trace(t.engine, instance.id)).to.include.members(['reviews', 'mEnd']);
  });

  it('should hold the token of a timer cycle occurrence whose outgoing flow fails, and keep the cycle going', async () => {
    // given
    const instance = await t.start('cycleTicks', { score: 70, minimum: '50' });
    // when: the first occurrence
    await t.advance(HOUR);
    // then: an incident on the catch event, not on its timer; the next occurrence is armed
    const [incident] = await openIncidents(instance.id);
    expect(incident).to.include({ type: 'expression_failed', elementId: 'every', timerId: null });
    expect((await t.engine.getInstance(instance.id)).timers.filter((x) => x.state === 'scheduled')).to.have.length(1);
    // when
    await retryWith(instance.id, incident.id, { minimum: 50 });
    await t.advance(HOUR);
    // then: the held token went on, and the next occurrence did too
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['tick', 'tick']);
    expect(await openIncidents(instance.id)).to.deep.equal([]);
  });

  it('should correlate a message to a repeating boundary event even when its next subscription cannot be opened', async () => {
    // given
    const instance = await t.start('followUps', { orderId: 'A1' });
    // when: the message clears the variable its correlation key reads
    const result = await t.engine.correlateMessage({ name: 'reminder', correlationKey: 'A1', variables: { orderId: null } });
    // then: it was correlated, and the event that cannot listen again has the incident
    expect(result.correlated).to.have.length(1);
    expect(await trace(t.engine, instance.id)).to.include('remind');
    const [incident] = await openIncidents(instance.id);
    expect(incident).to.include({ type: 'expression_failed', elementId: 'reminder' });
    expect(incident.message).to.contain("correlation key '=orderId' evaluated to null");
    // when
    await retryWith(instance.id, incident.id, { orderId: 'A1' });
    await t.engine.correlateMessage({ name: 'reminder', correlationKey: 'A1', variables: {} });
    // then: it listens again
    expect((await trace(t.engine, instance.id)).filter((id) => id === 'remind')).to.have.length(2);
  });

  it('should let a signal throw go on when a listener in the same instance cannot evaluate its signal name', async () => {
    // given: the listener subscribed as alarm-x; its name expression no longer evaluates
    const instance = await t.start('alarms', { zone: 'x' });
    await t.engine.setVariables(instance.id, { zone: 5 });
    // when
    await t.completeTask(instance.id, 'raise');
    // then: the throw event went on; the incident is on the listener
    expect(await trace(t.engine, instance.id)).to.include.members(['raiseAlarm', 'raisedEnd']);
    const [incident] = await openIncidents(instance.id);
    expect(incident).to.include({ type: 'expression_failed', elementId: 'alarm' });
    expect(incident.message).to.contain('signal name');
  });

  it('should take back a listener\'s incident when the throw that reached it fails and is undone', async () => {
    // given: the listener's name no longer evaluates, and the throw's second result (a message) cannot be named
    const instance = await t.start('alarmAndNews', { zone: 'x' });
    await t.engine.setVariables(instance.id, { zone: 5 });
    // when
    await t.completeTask(instance.id, 'announce');
    // then: only the throw event holds an incident (the signal it sent first was undone with it)
    const incidents = await openIncidents(instance.id);
    expect(incidents.map((i) => i.elementId)).to.deep.equal(['alarmAndTell']);
    // when: both are repaired and the throw retried
    await retryWith(instance.id, incidents[0].id, { zone: 'x', newsChannel: 'news' });
    // then: the listener heard the signal (it was not left waiting for a retry)
    expect(await trace(t.engine, instance.id)).to.include.members(['alarmAndTell', 'guardAlarm', 'guarded']);
    expect(await openIncidents(instance.id)).to.deep.equal([]);
  });
});
