import { expect } from 'chai';
import { createTestEngine, elementsOf, fixture, DAY, HOUR, type TestEngine } from '../support/engineHarness.js';
import { Engine, ControllableClock, manualScheduler } from '../../../engine/index.js';
import { PostgresStore, countWire, createKnex, wireCounts, wireSince } from '../../../db/index.js';

/** Resolves `release` when called: a transaction in a test holds its locks until then. */
function gate(): { wait: Promise<void>; release: () => void } {
  let release!: () => void;
  const wait = new Promise<void>((resolve) => (release = resolve));
  return { wait, release };
}

async function count(t: TestEngine, table: string, where: Record<string, unknown>): Promise<number> {
  const [row] = await t.db.knex(table).where(where).count<{ count: string }[]>('* as count');
  return Number(row.count);
}

/** Issue 10: the due-timer sweep fires many timers per transaction and holds their claim while they fire. */
describe('timer sweep in batches', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'support-request.bpmn'), fixture(import.meta.url, 'two-timers.bpmn'), fixture(import.meta.url, 'reminder.bpmn'));
  });
  afterEach(() => t.destroy());

  async function startSupport(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) ids.push((await t.start('support', { ticket: `T-${i}` })).id);
    return ids;
  }

  it('should fire 300 due timers in two transactions of a few round trips each, not one transaction per timer', async function () {
    this.timeout(60_000);
    // given: 300 timers due, and an engine process on a pool of its own
    for (let i = 0; i < 300; i++) await t.start('reminder');
    t.clock.advance(HOUR);
    countWire();
    const knex = createKnex(t.db.connectionString, { schema: t.db.schema, pool: { max: 2 } });
    try {
      const engine = new Engine({ store: new PostgresStore(knex, { announceTaskChanges: false }), clock: new ControllableClock(t.clock.now()), scheduler: manualScheduler });
      // when
      const before = wireCounts(knex);
      const fired = await engine.fireDueTimers();
      const wire = wireSince(before, knex);
      // then: two batches (200 + 100) and the empty claim that ends the sweep; a batch is BEGIN with its claim, the instances' lock, the calendars, the writes with COMMIT
      expect(fired).to.equal(300);
      expect(wire.control, JSON.stringify(wire)).to.equal(6);
      expect(wire.roundTrips, JSON.stringify(wire)).to.be.at.most(3 * 4);
      expect(await count(t, 'timers', { state: 'fired' })).to.equal(300);
      expect((await t.engine.listTasks({ elementId: 'call', state: 'created', limit: 1 })).total).to.equal(300);
    } finally {
      await knex.destroy();
    }
  });

  it('should hold the claim of a whole batch while it fires: another engine process sweeping meanwhile fires only the other timers, each once', async function () {
    this.timeout(60_000);
    // given: 250 due timers; process A claimed the oldest 200 and has not finished firing them
    await startSupport(250);
    t.clock.advance(DAY);
    const held = gate();
    const claimed = gate();
    let claimedIds: string[] = [];
    const processA = t.db.store.transaction(async (tx) => {
      claimedIds = (await tx.claimDueTimers(t.clock.now(), 200)).map((timer) => timer.id);
      claimed.release();
      await held.wait;
    });
    await claimed.wait;
    // when: process B sweeps
    const byB = await t.twin().fireDueTimers();
    const firedWhileHeld = (await t.db.knex('timers').where({ state: 'fired' }).select('id')).map((r) => r.id as string);
    held.release();
    await processA;
    // then: B fired exactly the 50 A did not hold; once A let go, a sweep fires the rest, and nothing fires twice
    expect(claimedIds).to.have.length(200);
    expect(byB).to.equal(50);
    expect(firedWhileHeld.filter((id) => claimedIds.includes(id))).to.deep.equal([]);
    expect(await t.engine.fireDueTimers()).to.equal(200);
    expect(await t.engine.fireDueTimers()).to.equal(0);
    expect(await count(t, 'history_events', { type: 'timer.fired' })).to.equal(250);
  });

  it('should fire 1,000 timers due at once exactly once each when two engine processes sweep at the same time', async function () {
    this.timeout(120_000);
    // given
    for (let i = 0; i < 500; i++) await t.start('twoTimers');
    t.clock.advance(HOUR);
    // when: both engines sweep together
    const [one, two] = await Promise.all([t.engine.fireDueTimers(), t.twin().fireDueTimers()]);
    // then: every timer fired once, every instance went through its join once
    expect(one + two).to.equal(1_000);
    expect(await count(t, 'timers', { state: 'fired' })).to.equal(1_000);
    expect(await count(t, 'history_events', { type: 'timer.fired' })).to.equal(1_000);
    expect((await t.engine.listTasks({ elementId: 'done', state: 'created', limit: 1 })).total).to.equal(500);
  });

  it('should fire two timers of one instance that are due at once in the same sweep, one step after the other', async () => {
    // given: an instance waiting on two timers due at the same moment
    const instance = await t.start('twoTimers');
    t.clock.advance(HOUR);
    // when
    const fired = await t.engine.fireDueTimers();
    // then: both fired (the second in the next batch, the instance being stepped once per batch) and the join went on
    expect(fired).to.equal(2);
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['done']);
    expect((await t.engine.history(instance.id)).filter((h) => h.type === 'timer.fired')).to.have.length(2);
  });

  it('should fire the rest of a batch one timer per transaction when the batch fails: the timer whose step the database refuses stays scheduled', async () => {
    // given: five due timers, and a database that refuses to save one of their instances
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await t.start('reminder')).id);
    const [refused, ...others] = ids;
    await t.db.knex.raw(`create function refuse_one() returns trigger language plpgsql as $$ begin if new.id = '${refused}' then raise exception 'refused by the test'; end if; return new; end $$`);
    await t.db.knex.raw('create trigger refuse_one before update on process_instances for each row execute function refuse_one()');
    t.clock.advance(HOUR);
    // when
    const fired = await t.engine.fireDueTimers();
    // then: the four others fired; the refused one waits, scheduled, for the next sweep
    expect(fired).to.equal(4);
    for (const id of others) expect(elementsOf(await t.openTasks(id))).to.deep.equal(['call']);
    expect(await t.db.knex('timers').where({ instance_id: refused }).first()).to.include({ state: 'scheduled' });
    expect(elementsOf(await t.openTasks(refused))).to.deep.equal([]);
  });

  it('should leave the timers of an instance another transaction holds for a later sweep and fire the rest of the batch', async () => {
    // given: three due timers, one instance held by a transaction
    const [busyId, ...others] = await startSupport(3);
    t.clock.advance(DAY);
    const held = gate();
    const locked = gate();
    const busy = t.db.store.transaction(async (tx) => {
      await tx.lockInstance(busyId);
      locked.release();
      await held.wait;
    });
    await locked.wait;
    // when
    const first = await t.twin().fireDueTimers();
    held.release();
    await busy;
    // then
    expect(first).to.equal(2);
    for (const id of others) expect(elementsOf(await t.openTasks(id))).to.include('head');
    expect(elementsOf(await t.openTasks(busyId))).not.to.include('head');
    expect(await t.engine.fireDueTimers()).to.equal(1);
    expect(elementsOf(await t.openTasks(busyId))).to.include('head');
  });
});
