import { expect } from 'chai';
import { ConflictError, RehearsalSession, ValidationError, advanceClock } from '../../../engine/index.js';
import { PostgresSandboxProbe } from '../../../db/index.js';
import { EmailWorker, MailTemplates } from '../../../workers/index.js';
import { createTestEngine, fixture, type TestEngine } from '../support/engineHarness.js';

/** A session on a test engine, as a rehearsal's sandbox makes one (the email worker without SMTP). */
function sessionOn(t: TestEngine, workers: 'auto' | 'manual' = 'auto'): RehearsalSession {
  const worker = new EmailWorker({ engine: t.engine, mailer: null, templates: new MailTemplates(), from: 'lifeline@lifeline.test' });
  const runWorkers = async () => {
    while ((await worker.runOnce()).jobs > 0);
  };
  return new RehearsalSession({ engine: t.engine, clock: t.clock, probe: new PostgresSandboxProbe(t.db.knex), numbers: {}, runWorkers, autoWorkers: workers === 'auto' });
}

const fired = (events: { type: string; at: string; instance: number; detail?: string }[]) => events.filter((e) => e.type === 'timer.fired').map((e) => `#${e.instance} ${e.at} ${JSON.parse(e.detail!).elementId}`);

describe('rehearsal session (engine/rehearsal)', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine({ start: '2026-01-05T09:00:00.000Z' });
    await t.deploy(fixture(import.meta.url, 'timer-chain.bpmn'), fixture(import.meta.url, 'every-minute.bpmn'), fixture(import.meta.url, 'mail-and-review.bpmn'));
  });
  afterEach(() => t.destroy());

  it('should fire each timer on the way at its own virtual time, so a timer armed by a firing counts from then', async () => {
    // given an instance waiting an hour, then another hour
    const session = sessionOn(t);
    await session.apply({ kind: 'start', definitionKey: 'timerChain' });
    // when the clock moves three hours at once
    const { outcome } = await session.apply({ kind: 'clock', move: { by: 'PT3H' } });
    // then the first timer fired at 10:00, the second (armed then) at 11:00, and the task came at 11:00
    expect(fired(outcome.events)).to.deep.equal(['#1 2026-01-05T10:00:00.000Z firstHour', '#1 2026-01-05T11:00:00.000Z secondHour']);
    expect(outcome).to.deep.include({ clock: '2026-01-05T12:00:00.000Z', timersFired: 2 });
    const [task] = await t.openTasks();
    expect(task.createdAt.toISOString()).to.equal('2026-01-05T11:00:00.000Z');
  });

  it('should move to the next due timer and no further', async () => {
    const session = sessionOn(t);
    await session.apply({ kind: 'start', definitionKey: 'timerChain' });
    expect((await session.apply({ kind: 'clock', move: { nextTimer: true } })).outcome).to.deep.include({ clock: '2026-01-05T10:00:00.000Z', timersFired: 1 });
    expect((await session.apply({ kind: 'clock', move: { nextTimer: true } })).outcome).to.deep.include({ clock: '2026-01-05T11:00:00.000Z', timersFired: 1 });
    expect((await t.openTasks()).map((x) => x.elementId)).to.deep.equal(['review']);
  });

  it('should refuse to move the clock back, or to the next timer when none is scheduled', async () => {
    const session = sessionOn(t);
    let error = await session.apply({ kind: 'clock', move: { to: '2026-01-05T08:00:00Z' } }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ValidationError).with.property('message').that.contains('the clock cannot go back');
    error = await session.apply({ kind: 'clock', move: { nextTimer: true } }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ConflictError).with.property('message').that.contains('no timer is scheduled');
    error = await session.apply({ kind: 'clock', move: { by: 'tomorrow' } }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ValidationError).with.property('message').that.contains("'tomorrow' is not an ISO 8601 duration");
    expect(t.clock.now().toISOString()).to.equal('2026-01-05T09:00:00.000Z');
  });

  it('should fire timers due at the same moment in the order of their instance numbers', async () => {
    // given five instances waiting for the same moment
    const session = sessionOn(t);
    for (let i = 0; i < 5; i++) await session.apply({ kind: 'start', definitionKey: 'timerChain', businessKey: `C-${i}` });
    // when that moment comes
    const { outcome } = await session.apply({ kind: 'clock', move: { nextTimer: true } });
    // then they fire #1 to #5, as any replay will
    expect(fired(outcome.events).map((line) => line.split(' ')[0])).to.deep.equal(['#1', '#2', '#3', '#4', '#5']);
  });

  it('should stop a move at the firing limit instead of firing an endless cycle for ever', async () => {
    // given a task nagged every minute
    const session = sessionOn(t);
    await session.apply({ kind: 'start', definitionKey: 'everyMinute' });
    // when the clock is asked to move an hour with a limit of ten timers
    const move = await advanceClock({ engine: t.engine, clock: t.clock, probe: new PostgresSandboxProbe(t.db.knex), instanceNumber: session.numberOf, limit: 10 }, new Date('2026-01-05T10:00:00.000Z'));
    // then it stops at the tenth, at 09:10
    expect(move).to.deep.include({ timersFired: 10, limitReached: true });
    expect(move.to.toISOString()).to.equal('2026-01-05T09:10:00.000Z');
  });

  it('should leave email jobs open while the workers run only when asked, and put the mail in the rehearsal outbox when they run', async () => {
    // given a rehearsal whose built-in workers run only when asked
    const session = sessionOn(t, 'manual');
    const { outcome: started } = await session.apply({ kind: 'start', definitionKey: 'mailAndReview', variables: { subject: 'Resolved', body: 'Done.', items: ['a'] } });
    expect(started.mails).to.deep.equal([]);
    expect((await t.engine.listJobs({ state: 'activatable' })).items.map((j) => j.elementId)).to.deep.equal(['mailCustomer']);
    // when they are let run
    const { outcome } = await session.apply({ kind: 'runWorkers' });
    // then the mail is in the outbox and the process went on
    expect(outcome.mails).to.deep.equal([{ template: 'generic', recipients: ['buyer@acme.example'], subject: 'Resolved' }]);
    expect((await t.engine.listEmails({ state: 'outbox' })).total).to.equal(1);
    expect((await t.openTasks()).map((x) => x.elementId)).to.deep.equal(['reviewEach']);
  });

  it('should name each task of a multi-instance activity by its position, so that a replay completes the same one', async () => {
    // given three reviews open at once
    const session = sessionOn(t);
    await session.apply({ kind: 'start', definitionKey: 'mailAndReview', variables: { subject: 's', body: 'b', items: ['a', 'b', 'c'] } });
    const b = (await t.openTasks()).find((x) => x.variables.item === 'b')!;
    // when the designer picks the one for b
    const ref = await session.taskRef(b.id);
    // then it is the second, and completing that reference completes b's
    expect(ref).to.deep.equal({ instance: 1, elementId: 'reviewEach', index: 1 });
    await session.apply({ kind: 'completeTask', task: ref, variables: {}, actor: 'ann' });
    expect((await t.openTasks()).map((x) => x.variables.item).sort()).to.deep.equal(['a', 'c']);
  });
});
