import { expect } from 'chai';
import { ConflictError, emptyEffects, type DefinitionRecord } from '../../engine/index.js';
import { at, storeDefinition, incident, instance, task, MINUTE } from './fixtures/records.js';
import { createTestDb, type TestDb } from '../setup/testDb.js';
import { lockWaiters, waitFor } from '../setup/waitFor.js';

describe('instances repository', () => {
  let db: TestDb;
  let def: DefinitionRecord;
  beforeEach(async () => {
    db = await createTestDb();
    def = await storeDefinition(db.store);
  });
  afterEach(() => db.destroy());

  it('should read back an instance as written: snapshot and variables as JSON, active elements as an array, dates as Date', async () => {
    // given
    const written = instance(def, { businessKey: 'B-1', activeElements: ['a', 'b'] });
    // when
    await db.store.transaction((tx) => tx.insertInstance(written));
    // then
    expect(await db.store.getInstance(written.id)).to.deep.equal(written);
    expect(await db.store.transaction((tx) => tx.lockInstance(written.id))).to.deep.equal(written);
  });

  it('should bump the revision on save and refuse a save from a stale revision', async () => {
    // given
    const written = instance(def);
    await db.store.transaction((tx) => tx.insertInstance(written));
    // when
    await db.store.transaction(async (tx) => {
      const locked = (await tx.lockInstance(written.id))!;
      await tx.updateInstance({ ...locked, state: 'completed', activeElements: [], variables: { done: true }, endedAt: at(MINUTE), updatedAt: at(MINUTE) });
    });
    const stale = db.store.transaction((tx) => tx.updateInstance({ ...written, state: 'cancelled' }));
    // then
    expect(await stale.then(() => undefined, (e: unknown) => e)).to.be.instanceOf(ConflictError);
    const read = await db.store.getInstance(written.id);
    expect(read).to.include({ revision: 1, state: 'completed' });
    expect(read!.variables).to.deep.equal({ done: true });
    expect(read!.endedAt).to.deep.equal(at(MINUTE));
  });

  it('should make a second lock of the same instance wait until the first transaction ends', async () => {
    // given
    const written = instance(def);
    await db.store.transaction((tx) => tx.insertInstance(written));
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = db.store.transaction(async (tx) => {
      const locked = (await tx.lockInstance(written.id))!;
      order.push('first locked');
      await held;
      await tx.updateInstance({ ...locked, updatedAt: at(1) });
    });
    await waitFor(() => order.includes('first locked'), 'the first transaction to hold the lock');
    // when
    const second = db.store.transaction(async (tx) => {
      const locked = (await tx.lockInstance(written.id))!;
      order.push(`second locked at revision ${locked.revision}`);
    });
    await waitFor(async () => (await lockWaiters(db.knex)) > 0, 'the second transaction to wait for the lock');
    order.push('release');
    release();
    await Promise.all([first, second]);
    // then: the second saw the first's save
    expect(order).to.deep.equal(['first locked', 'release', 'second locked at revision 1']);
  });

  it('should filter instances and count the whole filter while returning one page, newest first', async () => {
    // given: five active instances started a minute apart, one completed, one with an open incident
    const started = [0, 1, 2, 3, 4].map((i) => instance(def, { startedAt: at(i * MINUTE), updatedAt: at(i * MINUTE) }));
    const done = instance(def, { state: 'completed', activeElements: [], startedAt: at(-MINUTE) });
    await db.store.transaction(async (tx) => {
      for (const i of [...started, done]) await tx.insertInstance(i);
      await tx.applyEffects({ ...emptyEffects(), incidents: [incident({ instanceId: started[0].id })] });
    });
    // when
    const first = await db.store.listInstances({ state: 'active', limit: 2 });
    const second = await db.store.listInstances({ state: 'active', limit: 2, offset: 2 });
    // then
    expect(first.total).to.equal(5);
    expect(first.items.map((i) => i.id)).to.deep.equal([started[4].id, started[3].id]);
    expect(second.items.map((i) => i.id)).to.deep.equal([started[2].id, started[1].id]);
    expect((await db.store.listInstances({ hasIncident: true })).items.map((i) => i.id)).to.deep.equal([started[0].id]);
    expect((await db.store.listInstances({ hasIncident: false })).total).to.equal(5);
    expect((await db.store.listInstances({ activeElement: 'review', definitionKey: 'order' })).total).to.equal(5);
    expect((await db.store.listInstances({ updatedBefore: at(2 * MINUTE) })).total).to.equal(2);
    expect((await db.store.listInstances({ startedAfter: at(2 * MINUTE), startedBefore: at(4 * MINUTE) })).total).to.equal(1);
  });

  it('should count tokens, open incidents and overdue tasks per element of a process', async () => {
    // given
    const one = instance(def, { activeElements: ['review', 'wait'] });
    const two = instance(def, { activeElements: ['review'] });
    await db.store.transaction(async (tx) => {
      await tx.insertInstance(one);
      await tx.insertInstance(two);
      await tx.applyEffects({
        ...emptyEffects(),
        incidents: [incident({ instanceId: one.id, elementId: 'send' })],
        tasks: [task({ instanceId: one.id, dueAt: at(-MINUTE) }), task({ instanceId: two.id, dueAt: at(MINUTE) })],
      });
    });
    // when
    const counts = await db.store.elementCounts('order', at(0));
    // then
    expect(counts).to.deep.equal({
      review: { active: 2, incidents: 0, overdue: 1 },
      wait: { active: 1, incidents: 0, overdue: 0 },
      send: { active: 0, incidents: 1, overdue: 0 },
    });
  });
});
