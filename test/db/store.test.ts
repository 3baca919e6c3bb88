import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { emptyEffects, type JobRecord, type UserTaskRecord } from '../../engine/index.js';
import { migrate } from '../../db/migrate.js';
import { createTestDb, type TestDb } from '../setup/testDb.js';

const now = new Date('2026-01-05T09:00:00Z');

function job(overrides: Partial<JobRecord> = {}): JobRecord {
  return {
    id: randomUUID(), type: 'email', instanceId: randomUUID(), activityInstanceId: randomUUID(), elementId: 'send', definitionKey: 'k', retries: 3,
    state: 'activatable', headers: {}, variables: { list: [1, 2] }, worker: null, lockExpiresAt: null, nextRunAt: now, lastError: null, createdAt: now, ...overrides,
  };
}

function task(overrides: Partial<UserTaskRecord>): UserTaskRecord {
  return {
    id: randomUUID(), instanceId: randomUUID(), activityInstanceId: randomUUID(), elementId: 'answer', name: null, definitionKey: 'k', businessKey: null,
    assignee: null, candidateGroups: [], candidateUsers: [], priority: 50, dueAt: null, followUpAt: null, formKey: null, formId: null, form: null,
    variables: {}, state: 'created', createdAt: now, claimedAt: null, completedAt: null, completedBy: null, ...overrides,
  };
}

describe('PostgreSQL store', () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(() => db.destroy());

  it('should treat running the migrations twice as harmless', async () => {
    expect(await migrate(db.knex, db.schema)).to.deep.equal([]);
    expect(await db.knex.schema.hasTable('process_instances')).to.equal(true);
  });

  it('should write each kind of effect in one statement and keep JSON arrays as JSON', async () => {
    const statements: string[] = [];
    db.knex.on('query', (q: { sql: string }) => statements.push(q.sql));
    await db.store.transaction((tx) => tx.applyEffects({ ...emptyEffects(), jobs: [job(), job(), job()], tasks: [task({}), task({})] }));
    expect(statements.filter((s) => /^insert/i.test(s))).to.have.length(2);
    const [row] = await db.knex('jobs').select('variables').limit(1);
    expect(row.variables).to.deep.equal({ list: [1, 2] });
  });

  it('should never hand the same job to two workers activating at once, and reclaim an expired lock', async () => {
    // given
    await db.store.transaction((tx) => tx.applyEffects({ ...emptyEffects(), jobs: Array.from({ length: 10 }, () => job()) }));
    const until = new Date(now.getTime() + 60_000);
    // when
    const [a, b] = await Promise.all([
      db.store.transaction((tx) => tx.activateJobs('email', 'a', 6, now, until)),
      db.store.transaction((tx) => tx.activateJobs('email', 'b', 6, now, until)),
    ]);
    // then
    const ids = [...a, ...b].map((j) => j.id);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(ids).to.have.length(10);
    expect(await db.store.transaction((tx) => tx.activateJobs('email', 'c', 10, now, until))).to.have.length(0);
    const later = new Date(until.getTime() + 1);
    expect(await db.store.transaction((tx) => tx.activateJobs('email', 'c', 10, later, new Date(later.getTime() + 1000)))).to.have.length(10);
  });

  it('should list tasks that are mine or claimable by me, with a total for the page', async () => {
    // given
    const mine = task({ assignee: 'ann' });
    const byGroup = task({ candidateGroups: ['sales'] });
    const byUser = task({ candidateUsers: ['ann'] });
    const someoneElses = task({ assignee: 'bob', candidateGroups: ['sales'] });
    const otherGroup = task({ candidateGroups: ['support'] });
    await db.store.transaction((tx) => tx.applyEffects({ ...emptyEffects(), tasks: [mine, byGroup, byUser, someoneElses, otherGroup] }));
    // when
    const page = await db.store.listTasks({ claimableBy: { userId: 'ann', groups: ['sales'] }, limit: 2 });
    // then
    expect(page.total).to.equal(3);
    expect(page.items).to.have.length(2);
    const all = await db.store.listTasks({ claimableBy: { userId: 'ann', groups: ['sales'] } });
    expect(all.items.map((t) => t.id).sort()).to.deep.equal([mine.id, byGroup.id, byUser.id].sort());
  });

  it('should update an open task only while it is open', async () => {
    const open = task({});
    await db.store.transaction((tx) => tx.applyEffects({ ...emptyEffects(), tasks: [open] }));
    expect(await db.store.transaction((tx) => tx.updateOpenTask(open.id, { state: 'completed' }))).to.equal(true);
    expect(await db.store.transaction((tx) => tx.updateOpenTask(open.id, { assignee: 'x' }))).to.equal(false);
  });
});
