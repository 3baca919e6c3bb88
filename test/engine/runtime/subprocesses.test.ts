import { expect } from 'chai';
import { createTestEngine, elementsOf, fixture, DAY, type TestEngine } from '../support/engineHarness.js';

describe('subprocesses', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
  });
  afterEach(() => t.destroy());

  describe('embedded subprocess', () => {
    beforeEach(() => t.deploy(fixture(import.meta.url, 'subprocess-error.bpmn')));

    it('should complete the subprocess when its inner end is reached and continue after it', async () => {
      const instance = await t.start('subprocessError', { ok: true, isVip: false });
      await t.completeTask(instance.id, 'verify');
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['approved']);
    });

    it('should propagate an error end event to the error boundary of the subprocess', async () => {
      const instance = await t.start('subprocessError', { ok: true, isVip: false });
      await t.completeTask(instance.id, 'verify', { ok: false });
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['rejected']);
      expect((await t.instance(instance.id)).activeElements).to.deep.equal(['rejected']);
    });

    it('should let a non-interrupting escalation boundary run beside the subprocess', async () => {
      const instance = await t.start('subprocessError', { ok: true, isVip: true });
      await t.completeTask(instance.id, 'verify');
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['afterVip', 'informManager']);
      await t.completeTask(instance.id, 'afterVip');
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['approved', 'informManager']);
    });
  });

  describe('event subprocesses', () => {
    beforeEach(() => t.deploy(fixture(import.meta.url, 'event-subprocess.bpmn')));

    it('should run a non-interrupting message event subprocess beside the main flow, more than once', async () => {
      const instance = await t.start('eventSubprocess', { caseId: 'C1' });
      await t.engine.correlateMessage({ name: 'update', correlationKey: 'C1', variables: { note: 'first' } });
      await t.engine.correlateMessage({ name: 'update', correlationKey: 'C1', variables: { note: 'second' } });
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['readUpdate', 'readUpdate']);
      expect((await t.jobs(instance.id, 'activatable'))).to.have.length(1);
      expect((await t.instance(instance.id)).variables).to.include({ note: 'second' });
    });

    it('should interrupt the main flow when the timer event subprocess starts, and finish with it', async () => {
      const instance = await t.start('eventSubprocess', { caseId: 'C2' });
      await t.advance(2 * DAY);
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['handleTimeout']);
      expect((await t.jobs(instance.id))[0].state).to.equal('cancelled');
      let error: unknown;
      try {
        await t.engine.correlateMessage({ name: 'update', correlationKey: 'C2' });
      } catch (e) {
        error = e;
      }
      expect(error, 'interrupted scopes no longer listen').to.have.property('code', 'MESSAGE_NOT_CORRELATED');
      await t.completeTask(instance.id, 'handleTimeout');
      expect((await t.instance(instance.id)).state).to.equal('completed');
    });

    it('should catch a worker error in the error event subprocess', async () => {
      const instance = await t.start('eventSubprocess', { caseId: 'C3' });
      const [job] = await t.engine.activateJobs({ type: 'work', worker: 'w', maxJobs: 1, lockDurationMs: 1000 });
      await t.engine.throwJobError(job.id, { errorCode: 'FATAL' });
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['cleanUp']);
    });

    it('should raise an incident for an error nobody catches and keep the token', async () => {
      const instance = await t.start('eventSubprocess', { caseId: 'C4' });
      const [job] = await t.engine.activateJobs({ type: 'work', worker: 'w', maxJobs: 1, lockDurationMs: 1000 });
      await t.engine.throwJobError(job.id, { errorCode: 'UNKNOWN' });
      const details = await t.engine.getInstance(instance.id);
      expect(details.state).to.equal('active');
      expect(details.activeElements).to.deep.equal(['work']);
      expect(details.incidents).to.have.length(1);
      expect(details.incidents[0]).to.include({ type: 'unhandled_error', elementId: 'work', state: 'open' });
    });

    it('should throw the same error again when its incident is retried', async () => {
      // given: an uncaught error with an open incident
      const instance = await t.start('eventSubprocess', { caseId: 'C5' });
      const [job] = await t.engine.activateJobs({ type: 'work', worker: 'w', maxJobs: 1, lockDurationMs: 1000 });
      await t.engine.throwJobError(job.id, { errorCode: 'UNKNOWN', errorMessage: 'who knows' });
      const [incident] = (await t.engine.listIncidents({ instanceId: instance.id })).items;
      // when
      await t.engine.retryIncident(incident.id);
      // then: still uncaught, so a new incident for the same error; the old one is resolved
      const incidents = (await t.engine.listIncidents({ instanceId: instance.id, state: 'open' })).items;
      expect(incidents).to.have.length(1);
      expect(incidents[0].id).to.not.equal(incident.id);
      expect(incidents[0].message).to.contain("'UNKNOWN'").and.to.contain('who knows');
      const rethrown = (await t.engine.history(instance.id)).filter((h) => h.type === 'error.uncaught');
      expect(rethrown.map((h) => h.data)).to.deep.equal([{ code: 'UNKNOWN', message: 'who knows' }, { code: 'UNKNOWN', message: 'who knows' }]);
    });
  });

  describe('call activity', () => {
    beforeEach(() => t.deploy(fixture(import.meta.url, 'call-activity.bpmn')));

    it('should start the called process with mapped inputs and wait for it', async () => {
      // when
      const parent = await t.start('parentProcess', { customer: { name: 'Ada' } });
      // then
      const children = await t.engine.listInstances({ parentInstanceId: parent.id });
      expect(children.total).to.equal(1);
      const child = children.items[0];
      expect(child.definitionKey).to.equal('childProcess');
      expect(child.variables).to.include({ name: 'Ada' });
      expect((await t.instance(parent.id)).activeElements).to.deep.equal(['callChild']);
      // when the child completes
      await t.completeTask(child.id, 'greet', { greeting: 'Hello Ada', secret: 'x' });
      // then only the mapped output comes back
      const after = await t.instance(parent.id);
      expect(after.variables).to.include({ childGreeting: 'Hello Ada' });
      expect(after.variables).not.to.have.property('secret');
      expect(elementsOf(await t.openTasks(parent.id))).to.deep.equal(['after']);
    });

    it('should propagate an error from the called process to the call activity boundary', async () => {
      const parent = await t.start('parentProcess', { customer: { name: 'Bo' } });
      const child = (await t.engine.listInstances({ parentInstanceId: parent.id })).items[0];
      await t.completeTask(child.id, 'greet', { failed: true });
      expect(elementsOf(await t.openTasks(parent.id))).to.deep.equal(['recover']);
      expect((await t.instance(child.id)).state).to.equal('terminated');
    });

    it('should cancel the called instance when the parent is cancelled', async () => {
      const parent = await t.start('parentProcess', { customer: { name: 'Cy' } });
      const child = (await t.engine.listInstances({ parentInstanceId: parent.id })).items[0];
      await t.engine.cancelInstance(parent.id, 'manager');
      expect((await t.instance(parent.id)).state).to.equal('cancelled');
      expect((await t.instance(child.id)).state).to.equal('cancelled');
      expect(await t.openTasks(child.id)).to.deep.equal([]);
    });
  });
});
