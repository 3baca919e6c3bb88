import { expect } from 'chai';
import { emptyEffects, type UserTaskRecord } from '../../engine/index.js';
import { at, MINUTE, task } from './fixtures/records.js';
import { createTestDb, type TestDb } from '../setup/testDb.js';

describe('user tasks repository', () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(() => db.destroy());

  const insert = (...tasks: UserTaskRecord[]) => db.store.transaction((tx) => tx.applyEffects({ ...emptyEffects(), tasks }));

  it('should read back a task as written: arrays, JSON form and variables, dates as Date', async () => {
    // given
    const written = task({ candidateGroups: ['sales', 'support'], candidateUsers: ['ann'], dueAt: at(MINUTE), form: { components: [{ key: 'a' }] }, variables: { n: [1] } });
    // when
    await insert(written);
    // then
    expect(await db.store.getTask(written.id)).to.deep.equal(written);
    expect(await db.store.transaction((tx) => tx.getTask(written.id))).to.deep.equal(written);
  });

  it('should update an open task only while it is open', async () => {
    // given
    const open = task();
    await insert(open);
    // when
    const claimed = await db.store.transaction((tx) => tx.updateOpenTask(open.id, { assignee: 'ann', claimedAt: at(1) }));
    const completed = await db.store.transaction((tx) => tx.updateOpenTask(open.id, { state: 'completed', completedAt: at(2), completedBy: 'ann' }));
    const late = await db.store.transaction((tx) => tx.updateOpenTask(open.id, { assignee: 'bob' }));
    // then
    expect([claimed, completed, late]).to.deep.equal([true, true, false]);
    expect(await db.store.getTask(open.id)).to.include({ assignee: 'ann', state: 'completed', completedBy: 'ann' });
  });

  it('should list tasks that are mine or claimable by me, with a total for the page', async () => {
    // given
    const mine = task({ assignee: 'ann', createdAt: at(1) });
    const byGroup = task({ candidateGroups: ['sales'], createdAt: at(2) });
    const byUser = task({ candidateUsers: ['ann'], createdAt: at(3) });
    const anyone = task({ createdAt: at(4) });
    const someoneElses = task({ assignee: 'bob', candidateGroups: ['sales'] });
    const otherGroup = task({ candidateGroups: ['support'] });
    const otherUser = task({ candidateUsers: ['bob'] });
    await insert(mine, byGroup, byUser, anyone, someoneElses, otherGroup, otherUser);
    // when
    const page = await db.store.listTasks({ claimableBy: { userId: 'ann', groups: ['sales', 'marketing'] }, limit: 3 });
    const rest = await db.store.listTasks({ claimableBy: { userId: 'ann', groups: ['sales', 'marketing'] }, limit: 3, offset: 3 });
    // then
    expect(page.total).to.equal(4);
    expect([...page.items, ...rest.items].map((t) => t.id)).to.deep.equal([mine.id, byGroup.id, byUser.id, anyone.id]);
    expect((await db.store.listTasks({ claimableBy: { userId: 'carl', groups: [] } })).items.map((t) => t.id)).to.deep.equal([anyone.id]);
  });

  it('should filter by candidate group and user, due window and element, and sort by priority or due date', async () => {
    // given
    const urgent = task({ priority: 90, dueAt: at(3 * MINUTE), candidateGroups: ['sales'] });
    const normal = task({ priority: 50, dueAt: at(MINUTE), candidateGroups: ['sales'], candidateUsers: ['ann'] });
    const low = task({ priority: 10, dueAt: at(2 * MINUTE), elementId: 'approve' });
    await insert(urgent, normal, low);
    // when / then
    expect((await db.store.listTasks({ sort: 'priority' })).items.map((t) => t.priority)).to.deep.equal([90, 50, 10]);
    expect((await db.store.listTasks({ sort: 'priority', order: 'asc' })).items.map((t) => t.priority)).to.deep.equal([10, 50, 90]);
    expect((await db.store.listTasks({ sort: 'due' })).items.map((t) => t.id)).to.deep.equal([normal.id, low.id, urgent.id]);
    expect((await db.store.listTasks({ candidateGroup: 'sales' })).total).to.equal(2);
    expect((await db.store.listTasks({ candidateUser: 'ann' })).items.map((t) => t.id)).to.deep.equal([normal.id]);
    expect((await db.store.listTasks({ dueAfter: at(MINUTE), dueBefore: at(3 * MINUTE) })).items.map((t) => t.id)).to.deep.equal([low.id]);
    expect((await db.store.listTasks({ elementId: 'approve', state: 'created' })).total).to.equal(1);
  });

  it('should sort by due date soonest first, equal dates by priority, tasks without a due date last', async () => {
    // given
    const later = task({ dueAt: at(2 * MINUTE), priority: 99 });
    const soonLow = task({ dueAt: at(MINUTE), priority: 10 });
    const soonHigh = task({ dueAt: at(MINUTE), priority: 80 });
    const undated = task({ dueAt: null, priority: 100 });
    await insert(undated, later, soonLow, soonHigh);
    // when
    const sorted = await db.store.listTasks({ sort: 'due' });
    // then
    expect(sorted.items.map((t) => t.id)).to.deep.equal([soonHigh.id, soonLow.id, later.id, undated.id]);
  });

  it('should list only unassigned tasks, and search business keys and names by any part, ignoring case', async () => {
    // given
    const claimed = task({ assignee: 'ann', businessKey: 'ACME-17', name: 'Call back' });
    const open = task({ businessKey: 'acme-42', name: 'Answer request' });
    const other = task({ businessKey: 'GLOBEX-1', name: 'Send 100% offer' });
    await insert(claimed, open, other);
    // when / then
    expect((await db.store.listTasks({ unassigned: true })).items.map((t) => t.id).sort()).to.deep.equal([open.id, other.id].sort());
    expect((await db.store.listTasks({ search: 'Acme' })).items.map((t) => t.id).sort()).to.deep.equal([claimed.id, open.id].sort());
    expect((await db.store.listTasks({ search: 'answer' })).items.map((t) => t.id)).to.deep.equal([open.id]);
    expect((await db.store.listTasks({ search: '0%' })).items.map((t) => t.id), 'a % is a character, not a wildcard').to.deep.equal([other.id]);
    expect((await db.store.listTasks({ search: '_' })).total).to.equal(0);
  });

  it('should count open tasks per assignee among the given users', async () => {
    // given
    await insert(task({ assignee: 'ann' }), task({ assignee: 'ann' }), task({ assignee: 'bob' }), task({ assignee: 'bob', state: 'completed' }), task({ assignee: 'carl' }));
    // when
    const counts = await db.store.openTaskCounts(['ann', 'bob', 'dave']);
    // then
    expect(counts).to.deep.equal({ ann: 2, bob: 1 });
    expect(await db.store.openTaskCounts([])).to.deep.equal({});
  });
});
