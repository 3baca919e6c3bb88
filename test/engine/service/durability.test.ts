import { expect } from 'chai';
import { Engine, manualScheduler, ControllableClock } from '../../../engine/index.js';
import { createTestEngine, elementsOf, fixture, DAY, type TestEngine } from '../support/engineHarness.js';

describe('durability', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'support-request.bpmn'), fixture(import.meta.url, 'parallel.bpmn'));
  });
  afterEach(() => t.destroy());

  it('should finish instances on a new engine after every engine object was dropped, including a timer that came due while down', async () => {
    // given: three instances at their wait states (task, job, message, timer)
    const a = await t.start('support', { ticket: 'T-A' });
    const b = await t.start('support', { ticket: 'T-B' });
    const c = await t.start('support', { ticket: 'T-C' });
    const [jobA] = (await t.engine.activateJobs({ type: 'classify', worker: 'w', maxJobs: 3, lockDurationMs: 60_000 })).filter((j) => j.instanceId === a.id);
    await t.engine.completeJob(jobA.id, { category: 'billing' });
    // when: every engine object is dropped; a day passes while nothing runs
    (t as { engine: unknown }).engine = undefined;
    const clock = new ControllableClock(t.clock.now());
    clock.advance(DAY + 1);
    const revived = new Engine({ store: t.db.store, clock, scheduler: manualScheduler });
    // then: the timer that came due fires at start, for every instance
    expect(await revived.fireDueTimers()).to.equal(3);
    for (const instance of [a, b, c]) {
      const tasks = (await revived.listTasks({ instanceId: instance.id, state: 'created' })).items;
      expect(elementsOf(tasks)).to.deep.equal(['head']);
    }
    // and the rest of instance a can be finished: message then task
    await revived.correlateMessage({ name: 'customer-reply', correlationKey: 'T-A' });
    const head = (await revived.listTasks({ instanceId: a.id, state: 'created' })).items[0];
    await revived.completeTask(head.id, {}, 'head');
    expect((await revived.getInstance(a.id)).state).to.equal('completed');
    expect((await revived.getInstance(a.id)).variables).to.include({ category: 'billing', ticket: 'T-A' });
  });

  it('should fire 200 timers that are due at once exactly once each across two engines', async function () {
    this.timeout(120_000);
    // given
    const instances = [];
    for (let i = 0; i < 200; i++) instances.push(await t.start('support', { ticket: `T-${i}` }));
    t.clock.advance(DAY);
    const twin = t.twin();
    // when: both engines sweep at the same time
    const [one, two] = await Promise.all([t.engine.fireDueTimers(), twin.fireDueTimers()]);
    // then
    expect(one + two).to.equal(200);
    const fired = await t.db.knex('timers').where({ state: 'fired' }).count<{ count: string }[]>('* as count');
    expect(Number(fired[0].count)).to.equal(200);
    const heads = await t.engine.listTasks({ elementId: 'head', state: 'created', limit: 1 });
    expect(heads.total).to.equal(200);
    const timerEvents = await t.db.knex('history_events').where({ type: 'timer.fired' }).count<{ count: string }[]>('* as count');
    expect(Number(timerEvents[0].count)).to.equal(200);
  });

  it('should let exactly one of two concurrent completions of one task succeed', async () => {
    // given
    const instance = await t.start('parallel');
    const task = await t.task(instance.id, 'a');
    const twin = t.twin();
    // when
    const results = await Promise.allSettled([t.engine.completeTask(task.id, { by: 'one' }, 'ann'), twin.completeTask(task.id, { by: 'two' }, 'bob')]);
    // then
    expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).to.have.property('code', 'CONFLICT');
    const completed = (await t.engine.history(instance.id)).filter((h) => h.type === 'element.completed' && h.elementId === 'a');
    expect(completed).to.have.length(1);
  });

  it('should keep the state of a running instance in one row that any engine can load', async () => {
    const instance = await t.start('parallel');
    const row = await t.db.knex('process_instances').where({ id: instance.id }).first();
    expect(row.revision).to.equal(0);
    await t.twin().completeTask((await t.task(instance.id, 'a')).id);
    await t.engine.completeTask((await t.task(instance.id, 'b')).id);
    const after = await t.db.knex('process_instances').where({ id: instance.id }).first();
    expect(after.revision).to.equal(2);
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['c']);
  });
});
