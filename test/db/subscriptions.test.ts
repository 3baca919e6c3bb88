import { expect } from 'chai';
import { emptyEffects, type DefinitionRecord, type SubscriptionRecord } from '../../engine/index.js';
import { at, definition, deployment, subscription } from './fixtures/records.js';
import { createTestDb, type TestDb } from '../setup/testDb.js';

describe('message subscriptions repository', () => {
  let db: TestDb;
  let v1: DefinitionRecord;
  let v2: DefinitionRecord;
  let invoice: DefinitionRecord;
  beforeEach(async () => {
    db = await createTestDb();
    const dep = deployment();
    v1 = definition(dep.id, { version: 1 });
    v2 = definition(dep.id, { version: 2, checksum: 'c2' });
    invoice = definition(dep.id, { key: 'invoice' });
    await db.store.transaction(async (tx) => {
      await tx.insertDeployment(dep);
      await tx.insertDefinitions([v1, v2, invoice]);
    });
  });
  afterEach(() => db.destroy());

  const insert = (...subscriptions: SubscriptionRecord[]) => db.store.transaction((tx) => tx.applyEffects({ ...emptyEffects(), subscriptions }));
  const find = (name: string, key: string | null, kind: 'message' | 'signal' = 'message') => db.store.transaction((tx) => tx.findSubscriptions(kind, name, key));

  it('should find open instance subscriptions by name and key, oldest first; no key finds key-less ones', async () => {
    // given
    const a1 = subscription(v1.id, { correlationKey: 'A', createdAt: at(2) });
    const a2 = subscription(v1.id, { correlationKey: 'A', createdAt: at(1) });
    const b = subscription(v1.id, { correlationKey: 'B' });
    const keyless = subscription(v1.id);
    const correlated = subscription(v1.id, { correlationKey: 'A', state: 'correlated' });
    const otherName = subscription(v1.id, { name: 'shipped', correlationKey: 'A' });
    const startEvent = subscription(v1.id, { instanceId: null, correlationKey: 'A' });
    const signal = subscription(v1.id, { kind: 'signal', name: 'paid' });
    await insert(a1, a2, b, keyless, correlated, otherName, startEvent, signal);
    // when / then
    expect((await find('paid', 'A')).map((s) => s.id)).to.deep.equal([a2.id, a1.id]);
    expect((await find('paid', null)).map((s) => s.id)).to.deep.equal([keyless.id]);
    expect((await find('paid', null, 'signal')).map((s) => s.id)).to.deep.equal([signal.id]);
    expect(await find('paid', 'C')).to.deep.equal([]);
    expect(await find('paid', 'A').then((s) => s[0])).to.deep.equal(a2);
  });

  it('should find subscriptions written at the same moment in the order they were written, whatever their ids', async () => {
    // given: the later one has the smaller id
    const first = subscription(v1.id, { id: 'ffffffff-0000-4000-8000-000000000001', correlationKey: 'A', createdAt: at(0) });
    const second = subscription(v1.id, { id: '00000000-0000-4000-8000-000000000002', correlationKey: 'A', createdAt: at(0) });
    await insert(first, second);
    // when / then
    expect((await find('paid', 'A')).map((s) => s.id)).to.deep.equal([first.id, second.id]);
  });

  it('should find start subscriptions of the latest version of each key only', async () => {
    // given
    const oldVersion = subscription(v1.id, { instanceId: null, activityInstanceId: null });
    const latest = subscription(v2.id, { instanceId: null, activityInstanceId: null });
    const otherKey = subscription(invoice.id, { instanceId: null, activityInstanceId: null });
    await insert(oldVersion, latest, otherKey, subscription(v2.id));
    // when
    const found = await db.store.transaction((tx) => tx.findStartSubscriptions('message', 'paid'));
    // then: ordered by key ('invoice' before 'order')
    expect(found.map((s) => s.id)).to.deep.equal([otherKey.id, latest.id]);
  });

  it('should mark a subscription correlated only once', async () => {
    // given
    const written = subscription(v1.id);
    await insert(written);
    // when
    const first = await db.store.transaction((tx) => tx.markSubscriptionCorrelated(written.id));
    const second = await db.store.transaction((tx) => tx.markSubscriptionCorrelated(written.id));
    // then
    expect([first, second]).to.deep.equal([true, false]);
    expect(await db.store.listSubscriptions({ instanceId: written.instanceId! })).to.deep.equal([{ ...written, state: 'correlated' }]);
  });
});
