import { expect } from 'chai';
import { emptyEffects, type DefinitionRecord, type TimerRecord } from '../../engine/index.js';
import { at, definition, deployment, incident, MINUTE, subscription, timer } from './fixtures/records.js';
import { createTestDb, type TestDb } from '../setup/testDb.js';

describe('timers repository', () => {
  let db: TestDb;
  let v1: DefinitionRecord;
  let v2: DefinitionRecord;
  let other: DefinitionRecord;
  beforeEach(async () => {
    db = await createTestDb();
    const dep = deployment();
    v1 = definition(dep.id, { version: 1 });
    v2 = definition(dep.id, { version: 2, checksum: 'c2' });
    other = definition(dep.id, { key: 'invoice' });
    await db.store.transaction(async (tx) => {
      await tx.insertDeployment(dep);
      await tx.insertDefinitions([v1, v2, other]);
    });
  });
  afterEach(() => db.destroy());

  const insert = (...timers: TimerRecord[]) => db.store.transaction((tx) => tx.applyEffects({ ...emptyEffects(), timers }));

  it('should read back a timer with its cycle as JSON', async () => {
    // given
    const written = timer(v1.id, { cycle: { expression: 'R3/PT1H', remaining: 2 } });
    // when
    await insert(written);
    // then
    expect(await db.store.transaction((tx) => tx.getTimer(written.id))).to.deep.equal(written);
  });

  /** Claims due timers one by one, as the sweep does, each in its own transaction. */
  const claimAll = async (now: Date) => {
    const claimed: string[] = [];
    for (;;) {
      const next = await db.store.transaction((tx) => tx.claimDueTimer(now, claimed));
      if (!next) return claimed;
      claimed.push(next.id);
    }
  };

  it('should claim scheduled timers due by now, oldest first, and only those', async () => {
    // given
    const late = timer(v1.id, { dueAt: at(-MINUTE) });
    const onTime = timer(v1.id, { dueAt: at(0) });
    const later = timer(v1.id, { dueAt: at(-30_000) });
    const future = timer(v1.id, { dueAt: at(1) });
    const fired = timer(v1.id, { dueAt: at(-2 * MINUTE), state: 'fired' });
    const cancelled = timer(v1.id, { dueAt: at(-2 * MINUTE), state: 'cancelled' });
    await insert(onTime, future, fired, later, cancelled, late);
    // when
    const claimed = await claimAll(at(0));
    // then
    expect(claimed).to.deep.equal([late.id, later.id, onTime.id]);
  });

  it('should skip due timers another transaction is firing', async () => {
    // given: one due timer row-locked by an open transaction (an engine firing it)
    const busy = timer(v1.id, { dueAt: at(-MINUTE) });
    const free = timer(v1.id, { dueAt: at(-1) });
    await insert(busy, free);
    const trx = await db.knex.transaction();
    try {
      await trx('timers').where({ id: busy.id }).update({ due_at: busy.dueAt });
      // when
      const claimed = await claimAll(at(0));
      // then
      expect(claimed).to.deep.equal([free.id]);
    } finally {
      await trx.rollback();
    }
  });

  it('should mark a timer fired once, and schedule it again when its incident is retried', async () => {
    // given
    const written = timer(v1.id);
    await insert(written);
    // when
    const first = await db.store.transaction((tx) => tx.markTimerFired(written.id, at(1)));
    const second = await db.store.transaction((tx) => tx.markTimerFired(written.id, at(2)));
    // then
    expect([first, second]).to.deep.equal([true, false]);
    expect((await db.store.listTimers({ state: 'fired' }))[0]).to.include({ id: written.id }).and.to.have.deep.property('firedAt', at(1));
    await db.store.transaction((tx) => tx.rescheduleTimer(written.id, at(MINUTE)));
    expect(await db.store.listTimers({ instanceId: written.instanceId! })).to.deep.equal([{ ...written, dueAt: at(MINUTE) }]);
  });

  it('should find the open incident of a timer', async () => {
    // given
    const written = timer(v1.id);
    const open = incident({ instanceId: written.instanceId!, timerId: written.id, type: 'expression_failed' });
    await db.store.transaction((tx) => tx.applyEffects({ ...emptyEffects(), timers: [written], incidents: [open, incident({ timerId: written.id, state: 'resolved' })] }));
    // when
    const found = await db.store.transaction((tx) => tx.getIncidentForTimer(written.id));
    // then
    expect(found).to.deep.equal(open);
    expect(await db.store.getIncident(open.id)).to.deep.equal(open);
  });

  it('should cancel the start timers and start subscriptions of every version of a key, and nothing else', async () => {
    // given
    const startV1 = timer(v1.id, { instanceId: null, activityInstanceId: null });
    const startV2 = timer(v2.id, { instanceId: null, activityInstanceId: null });
    const inInstance = timer(v1.id);
    const otherKey = timer(other.id, { instanceId: null, activityInstanceId: null });
    const startMessage = subscription(v2.id, { instanceId: null });
    const waitingMessage = subscription(v2.id);
    await db.store.transaction((tx) => tx.applyEffects({ ...emptyEffects(), timers: [startV1, startV2, inInstance, otherKey], subscriptions: [startMessage, waitingMessage] }));
    // when
    await db.store.transaction((tx) => tx.cancelStartTriggers('order'));
    // then
    const states = Object.fromEntries((await db.store.listTimers({})).map((t) => [t.id, t.state]));
    expect(states).to.deep.equal({ [startV1.id]: 'cancelled', [startV2.id]: 'cancelled', [inInstance.id]: 'scheduled', [otherKey.id]: 'scheduled' });
    expect((await db.store.listSubscriptions({ state: 'open' })).map((s) => s.id)).to.deep.equal([waitingMessage.id]);
  });
});
