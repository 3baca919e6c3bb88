import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { emptyEffects } from '../../engine/index.js';
import { deployment, definition, instance, subscription, timer, T0 } from './fixtures/records.js';
import { createTestDb, type TestDb } from '../setup/testDb.js';
import { lockWaiters, waitFor } from '../setup/waitFor.js';

describe('definitions and forms repository', () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(() => db.destroy());

  it('should read back a definition as written, with its IR as JSON and dates as Date', async () => {
    // given
    const dep = deployment();
    const def = definition(dep.id);
    // when
    await db.store.transaction(async (tx) => {
      await tx.insertDeployment(dep);
      await tx.insertDefinitions([def]);
    });
    // then
    const read = await db.store.getDefinition(def.id);
    expect(read).to.deep.equal(def);
    expect(read!.deployedAt).to.be.instanceOf(Date);
    expect(await db.store.transaction((tx) => tx.getDefinition('00000000-0000-0000-0000-000000000000'))).to.equal(undefined);
  });

  it('should find the latest version of a key and list one row per key when asked, with totals', async () => {
    // given: order v1, v2 and invoice v1
    const dep = deployment();
    const v1 = definition(dep.id, { version: 1 });
    const v2 = definition(dep.id, { version: 2, checksum: 'c2' });
    const invoice = definition(dep.id, { key: 'invoice' });
    await db.store.transaction(async (tx) => {
      await tx.insertDeployment(dep);
      await tx.insertDefinitions([v1, v2, invoice]);
    });
    // when
    const latest = await db.store.latestDefinition('order');
    const all = await db.store.listDefinitions({});
    const newest = await db.store.listDefinitions({ latestOnly: true, limit: 1 });
    // then
    expect(latest!.id).to.equal(v2.id);
    expect(all.items.map((d) => [d.key, d.version])).to.deep.equal([['invoice', 1], ['order', 2], ['order', 1]]);
    expect(all.total).to.equal(3);
    expect(newest.total).to.equal(2);
    expect(newest.items.map((d) => d.key)).to.deep.equal(['invoice']);
  });

  it('should refuse a second definition with the same key and version', async () => {
    // given
    const dep = deployment();
    await db.store.transaction(async (tx) => {
      await tx.insertDeployment(dep);
      await tx.insertDefinitions([definition(dep.id)]);
    });
    // when
    const second = db.store.transaction((tx) => tx.insertDefinitions([definition(dep.id)]));
    // then
    const error = await second.then(() => undefined, (e: { code?: string }) => e);
    expect(error?.code).to.equal('23505');
  });

  it('should make a second deployment of the same key wait until the first commits', async () => {
    // given: one transaction holds the key
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const first = db.store.transaction(async (tx) => {
      await tx.lockDefinitionKeys(['order', 'invoice']);
      order.push('first locked');
      await held;
      order.push('first done');
    });
    await waitFor(() => order.includes('first locked'), 'the first transaction to hold the lock');
    // when
    const second = db.store.transaction(async (tx) => {
      await tx.lockDefinitionKeys(['order']);
      order.push('second locked');
    });
    await waitFor(async () => (await lockWaiters(db.knex)) > 0, 'the second transaction to wait for the lock');
    release();
    await Promise.all([first, second]);
    // then
    expect(order).to.deep.equal(['first locked', 'first done', 'second locked']);
  });

  it('should count instances of a version and delete a version together with its start triggers', async () => {
    // given: a version with a start timer and a start subscription, and an instance of another version
    const dep = deployment();
    const unused = definition(dep.id, { version: 1 });
    const used = definition(dep.id, { version: 2, checksum: 'c2' });
    await db.store.transaction(async (tx) => {
      await tx.insertDeployment(dep);
      await tx.insertDefinitions([unused, used]);
      await tx.insertInstance(instance(used));
      await tx.applyEffects({ ...emptyEffects(), timers: [timer(unused.id, { instanceId: null })], subscriptions: [subscription(unused.id, { instanceId: null })] });
    });
    // when
    const counts = await db.store.transaction(async (tx) => [await tx.countInstances(unused.id), await tx.countInstances(used.id)]);
    await db.store.transaction((tx) => tx.deleteDefinition(unused.id));
    // then
    expect(counts).to.deep.equal([0, 1]);
    expect(await db.store.getDefinition(unused.id)).to.equal(undefined);
    expect(await db.store.listTimers({})).to.deep.equal([]);
    expect(await db.store.listSubscriptions({})).to.deep.equal([]);
  });

  it('should read back the newest version of a form', async () => {
    // given
    const dep = deployment();
    const form = { id: randomUUID(), formId: 'answer', version: 1, schema: { components: [{ key: 'text' }] }, checksum: 'f1', deploymentId: dep.id, deployedAt: T0 };
    const newer = { ...form, id: randomUUID(), version: 2, checksum: 'f2' };
    // when
    await db.store.transaction(async (tx) => {
      await tx.insertDeployment(dep);
      await tx.insertForms([form, newer]);
    });
    // then
    expect(await db.store.latestForm('answer')).to.deep.equal(newer);
    expect(await db.store.transaction((tx) => tx.latestForm('missing'))).to.equal(undefined);
  });
});
