import { expect } from 'chai';
import { emptyEffects, type JobRecord } from '../../engine/index.js';
import { at, job, MINUTE, T0 } from './fixtures/records.js';
import { createTestDb, type TestDb } from '../setup/testDb.js';

describe('jobs repository', () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(() => db.destroy());

  const insert = (...jobs: JobRecord[]) => db.store.transaction((tx) => tx.applyEffects({ ...emptyEffects(), jobs }));
  const activate = (worker: string, max: number, now = T0, lockFor = MINUTE) =>
    db.store.transaction((tx) => tx.activateJobs('email', worker, max, now, new Date(now.getTime() + lockFor)));

  it('should read back a job with its headers as JSON', async () => {
    // given
    const written = job();
    // when
    await insert(written);
    // then
    expect(await db.store.transaction((tx) => tx.getJob(written.id))).to.deep.equal(written);
  });

  it('should activate due jobs of the type, oldest first, up to max, and lock them for the worker', async () => {
    // given
    const old = job({ createdAt: at(-2) });
    const newer = job({ createdAt: at(-1) });
    const newest = job({ createdAt: at(0) });
    const notYet = job({ nextRunAt: at(1), createdAt: at(-3) });
    const otherType = job({ type: 'http', createdAt: at(-3) });
    const done = job({ state: 'completed', createdAt: at(-3) });
    await insert(newest, notYet, otherType, old, done, newer);
    // when
    const activated = await activate('w1', 2);
    // then
    expect(activated.map((j) => j.id)).to.deep.equal([old.id, newer.id]);
    expect(activated[0]).to.include({ state: 'activated', worker: 'w1' });
    expect(activated[0].lockExpiresAt).to.deep.equal(at(MINUTE));
    expect((await activate('w2', 10)).map((j) => j.id)).to.deep.equal([newest.id]);
  });

  it('should never hand the same job to two workers activating at once', async () => {
    // given
    await insert(...Array.from({ length: 20 }, (_, i) => job({ createdAt: at(i) })));
    // when
    const batches = await Promise.all([activate('a', 7), activate('b', 7), activate('c', 7)]);
    // then
    const ids = batches.flat().map((j) => j.id);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(ids).to.have.length(20);
    expect(await activate('d', 10)).to.have.length(0);
  });

  it('should skip a job another transaction holds instead of waiting for it', async () => {
    // given
    const held = job({ createdAt: at(-1) });
    const free = job();
    await insert(held, free);
    const trx = await db.knex.transaction();
    try {
      await trx('jobs').where({ id: held.id }).forUpdate().select('id');
      // when
      const activated = await activate('w', 10);
      // then
      expect(activated.map((j) => j.id)).to.deep.equal([free.id]);
    } finally {
      await trx.rollback();
    }
  });

  it('should make a job whose lock expired available again, and keep an unexpired lock', async () => {
    // given: a job locked until T0 + 1 min
    const written = job();
    await insert(written);
    await activate('slow', 1);
    // when
    const before = await activate('eager', 1, at(MINUTE - 1));
    const after = await activate('eager', 1, at(MINUTE));
    // then
    expect(before).to.have.length(0);
    expect(after.map((j) => [j.id, j.worker])).to.deep.equal([[written.id, 'eager']]);
  });

  it('should update a job and list jobs by state with totals', async () => {
    // given
    const a = job({ createdAt: at(1) });
    const b = job({ createdAt: at(2) });
    const c = job({ createdAt: at(3), type: 'http' });
    await insert(a, b, c);
    // when
    await db.store.transaction((tx) => tx.updateJob(a.id, { state: 'activatable', retries: 2, lastError: 'timeout', nextRunAt: at(MINUTE), worker: null, lockExpiresAt: null }));
    // then
    expect(await db.store.transaction((tx) => tx.getJob(a.id))).to.deep.include({ retries: 2, lastError: 'timeout', nextRunAt: at(MINUTE) });
    const page = await db.store.listJobs({ state: 'activatable', limit: 1, offset: 1 });
    expect(page.total).to.equal(3);
    expect(page.items.map((j) => j.id)).to.deep.equal([b.id]);
    expect((await db.store.listJobs({ type: 'http' })).items.map((j) => j.id)).to.deep.equal([c.id]);
    expect((await db.store.listJobs({ instanceId: a.instanceId })).total).to.equal(1);
  });
});
