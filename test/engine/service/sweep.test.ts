import { expect } from 'chai';
import type { Scheduler } from '../../../engine/index.js';
import { createTestEngine, elementsOf, fixture, DAY, type TestEngine } from '../support/engineHarness.js';

/** Resolves `release` when called: a transaction in a test holds its locks until then. */
function gate(): { wait: Promise<void>; release: () => void } {
  let release!: () => void;
  const wait = new Promise<void>((resolve) => (release = resolve));
  return { wait, release };
}

/** Issue 9: lost wake-ups are repaired by the periodic due-work sweep every engine process runs. */
describe('due-work sweep', () => {
  let t: TestEngine;
  const failingScheduler: Scheduler = {
    schedule: async () => {
      throw new Error('scheduler database is away');
    },
    cancel: async () => {},
  };
  beforeEach(async () => {
    t = await createTestEngine({ scheduler: failingScheduler });
    await t.deploy(fixture(import.meta.url, 'support-request.bpmn'));
  });
  afterEach(() => t.destroy());

  it('should answer a start whose timer could not be scheduled after commit, and fire that timer at the next sweep', async () => {
    // when: the scheduler fails after the step committed
    const instance = await t.start('support', { ticket: 'T-1' });
    // then: the start succeeded, and the sweep fires the timer once due
    expect(instance.state).to.equal('active');
    t.clock.advance(DAY);
    expect(await t.engine.sweep()).to.deep.include({ timersFired: 1 });
    expect(elementsOf(await t.openTasks(instance.id))).to.include('head');
  });

  it('should hold its claim on a timer while firing it: another process sweeping meanwhile skips it', async () => {
    // given: process A has claimed the due timer and is still working on it
    const instance = await t.start('support', { ticket: 'T-2' });
    t.clock.advance(DAY);
    const held = gate();
    const claimed = gate();
    const processA = t.db.store.transaction(async (tx) => {
      const timer = await tx.claimDueTimer(t.clock.now(), []);
      expect(timer?.instanceId).to.equal(instance.id);
      claimed.release();
      await held.wait;
    });
    await claimed.wait;
    // when: process B sweeps
    const whileHeld = await t.twin().sweep();
    held.release();
    await processA;
    // then: B skipped it; once released, it fires exactly once
    expect(whileHeld.timersFired).to.equal(0);
    expect((await t.engine.sweep()).timersFired).to.equal(1);
    expect((await t.engine.sweep()).timersFired).to.equal(0);
    expect((await t.engine.history(instance.id)).filter((h) => h.type === 'timer.fired')).to.have.length(1);
  });

  it('should leave a timer whose instance is busy to the next sweep instead of waiting for (or deadlocking with) that instance', async () => {
    // given: a transaction holds the instance
    const instance = await t.start('support', { ticket: 'T-3' });
    t.clock.advance(DAY);
    const held = gate();
    const locked = gate();
    const busy = t.db.store.transaction(async (tx) => {
      await tx.lockInstance(instance.id);
      locked.release();
      await held.wait;
    });
    await locked.wait;
    // when
    const first = await t.twin().sweep();
    held.release();
    await busy;
    // then
    expect(first.timersFired).to.equal(0);
    expect((await t.engine.sweep()).timersFired).to.equal(1);
  });

  it('should make a job whose lock expired activatable again, for any worker', async () => {
    // given
    const instance = await t.start('support', { ticket: 'T-4' });
    const [job] = await t.engine.activateJobs({ type: 'classify', worker: 'w1', maxJobs: 1, lockDurationMs: 60_000 });
    // when
    t.clock.advance(60_001);
    const result = await t.engine.sweep();
    // then
    expect(result.jobLocksExpired).to.equal(1);
    const [after] = await t.jobs(instance.id);
    expect(after).to.include({ id: job.id, state: 'activatable', worker: null, lockExpiresAt: null });
    expect((await t.engine.history(instance.id)).map((h) => h.type)).to.include('job.lock.expired');
  });

  it('should sweep in the background until stopped', async () => {
    // given
    const instance = await t.start('support', { ticket: 'T-5' });
    t.clock.advance(DAY);
    // when
    t.engine.startSweeping(20);
    try {
      // then: wait on the condition, not on the clock
      for (let i = 0; i < 500 && !elementsOf(await t.openTasks(instance.id)).includes('head'); i++) await new Promise((r) => setTimeout(r, 10));
    } finally {
      await t.engine.stopSweeping();
    }
    expect(elementsOf(await t.openTasks(instance.id))).to.include('head');
  });
});
