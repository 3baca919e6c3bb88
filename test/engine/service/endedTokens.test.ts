import { expect } from 'chai';
import { createTestEngine, elementsOf, fixture, HOUR, type TestEngine } from '../support/engineHarness.js';
import type { IncidentRecord } from '../../../engine/index.js';

/**
 * An incident belongs to a token: when that token ends (the instance is
 * cancelled, a terminate end event, a boundary event interrupting the
 * activity, a token cancelled by instance modification), its incidents are
 * resolved in the same step with a history line saying why, and the jobs
 * of the ended activity are cancelled (engine follow-ups, point 2).
 */
describe('incidents of tokens that end', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'incident-owners.bpmn'));
  });
  afterEach(() => t.destroy());

  const jobOutOfRetries = async (instanceId: string): Promise<IncidentRecord> => {
    const [job] = await t.engine.activateJobs({ type: 'charge', worker: 'w1', maxJobs: 1, lockDurationMs: 60_000 });
    await t.engine.failJob(job.id, { retries: 0, errorMessage: 'card declined' });
    const [incident] = (await t.engine.listIncidents({ instanceId, state: 'open' })).items;
    expect(incident).to.include({ type: 'job_no_retries' });
    return incident;
  };
  const resolution = async (instanceId: string, incidentId: string) =>
    (await t.engine.history(instanceId)).find((h) => h.type === 'incident.resolved' && h.data?.incidentId === incidentId);
  const expectResolved = async (instanceId: string, incident: IncidentRecord, reason: RegExp) => {
    expect((await t.engine.listIncidents({ instanceId, state: 'open' })).items).to.deep.equal([]);
    expect((await t.db.store.getIncident(incident.id))!.state).to.equal('resolved');
    const line = await resolution(instanceId, incident.id);
    expect(line, 'a history line').to.include({ elementId: incident.elementId });
    expect(String(line!.data!.reason)).to.match(reason);
  };

  it('should resolve a failed job\'s incident and cancel the job when the instance is cancelled', async () => {
    // given
    const instance = await t.start('charge');
    const incident = await jobOutOfRetries(instance.id);
    // when
    await t.engine.cancelInstance(instance.id, 'manager');
    // then
    await expectResolved(instance.id, incident, /cancelled/);
    expect((await t.jobs(instance.id)).map((j) => j.state)).to.deep.equal(['cancelled']);
  });

  it('should resolve a failed job\'s incident when a boundary event interrupts its activity', async () => {
    // given
    const instance = await t.start('charge');
    const incident = await jobOutOfRetries(instance.id);
    // when
    await t.advance(HOUR);
    // then
    await expectResolved(instance.id, incident, /chargeCard interrupted by tooLate/);
    expect((await t.jobs(instance.id)).map((j) => j.state)).to.deep.equal(['cancelled']);
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['callCustomer']);
  });

  it('should resolve a failed job\'s incident when instance modification cancels its token', async () => {
    // given
    const instance = await t.start('charge');
    const incident = await jobOutOfRetries(instance.id);
    // when
    await t.engine.modifyInstance(instance.id, { cancel: [{ elementId: 'chargeCard' }], activate: [{ elementId: 'callCustomer' }], actor: 'manager' });
    // then
    await expectResolved(instance.id, incident, /modification/);
    expect((await t.jobs(instance.id)).map((j) => j.state)).to.deep.equal(['cancelled']);
  });

  it('should resolve a failed job\'s incident when a terminate end event ends its token', async () => {
    // given
    const instance = await t.start('chargeOrAbort');
    const incident = await jobOutOfRetries(instance.id);
    // when
    await t.completeTask(instance.id, 'abort');
    // then
    await expectResolved(instance.id, incident, /terminate end event stopAll/);
    expect((await t.jobs(instance.id)).map((j) => j.state)).to.deep.equal(['cancelled']);
  });

  it('should resolve an uncaught BPMN error\'s incident when the instance is cancelled', async () => {
    // given
    const instance = await t.start('charge');
    const [job] = await t.engine.activateJobs({ type: 'charge', worker: 'w1', maxJobs: 1, lockDurationMs: 60_000 });
    await t.engine.throwJobError(job.id, { errorCode: 'CARD_STOLEN' });
    const [incident] = (await t.engine.listIncidents({ instanceId: instance.id, state: 'open' })).items;
    expect(incident).to.include({ type: 'unhandled_error', elementId: 'chargeCard' });
    // when
    await t.engine.cancelInstance(instance.id);
    // then
    await expectResolved(instance.id, incident, /cancelled/);
  });

  it('should cancel an instance whose call activity waits on a missing process, and resolve that incident', async () => {
    // given
    const instance = await t.start('callsMissing');
    const [incident] = (await t.engine.listIncidents({ instanceId: instance.id, state: 'open' })).items;
    expect(incident).to.include({ type: 'called_process_missing', elementId: 'callIt' });
    // when
    await t.engine.cancelInstance(instance.id);
    // then
    expect((await t.instance(instance.id)).state).to.equal('cancelled');
    await expectResolved(instance.id, incident, /cancelled/);
  });

  it('should resolve the incident of a failed condition on a boundary event when its activity completes', async () => {
    // given: a stalled evaluation (see test/engine/runtime/elementFailures.test.ts) on a task's boundary
    await t.deploy(fixture(import.meta.url, '../../runtime/fixtures/element-failures.bpmn'));
    const instance = await t.start('watchedWork', { score: 70, minimum: '50' });
    const [incident] = (await t.engine.listIncidents({ instanceId: instance.id, state: 'open' })).items;
    // when
    await t.completeTask(instance.id, 'work');
    // then
    await expectResolved(instance.id, incident, /completed/);
  });
});
