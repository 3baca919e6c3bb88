import { expect } from 'chai';
import { emptyEffects, type UserTaskRecord } from '../../../engine/index.js';
import { listenForTaskChanges, type TaskChange, type TaskChangeListener } from '../../../db/index.js';
import { parseTaskChange } from '../../../db/notifications/taskChanges.js';
import { at, task } from '../fixtures/records.js';
import { createTestDb, type TestDb } from '../../setup/testDb.js';

/** Collects changes; `next(n)` waits until n have arrived (the condition, not a clock). */
function collector() {
  const changes: TaskChange[] = [];
  const waiters: (() => void)[] = [];
  let reconnects = 0;
  return {
    changes,
    get reconnects() {
      return reconnects;
    },
    handlers: {
      onChange(change: TaskChange) {
        changes.push(change);
        waiters.splice(0).forEach((wake) => wake());
      },
      onReconnect() {
        reconnects += 1;
        waiters.splice(0).forEach((wake) => wake());
      },
    },
    async until(condition: () => boolean): Promise<void> {
      while (!condition()) await new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}

describe('task change notifications', () => {
  let db: TestDb;
  let listener: TaskChangeListener | undefined;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(async () => {
    await listener?.close();
    listener = undefined;
    await db.destroy();
  });

  const insert = (...tasks: UserTaskRecord[]) => db.store.transaction((tx) => tx.applyEffects({ ...emptyEffects(), tasks }));

  it('should hear a task being created, claimed and completed, with the assignee before and after', async () => {
    // given
    const heard = collector();
    listener = await listenForTaskChanges(db.knex, heard.handlers);
    const offered = task({ candidateGroups: ['sales'], candidateUsers: ['ann'] });
    // when
    await insert(offered);
    await db.store.transaction((tx) => tx.updateOpenTask(offered.id, { assignee: 'ann', claimedAt: at(1) }));
    await db.store.transaction((tx) => tx.updateOpenTask(offered.id, { state: 'completed', completedAt: at(2), completedBy: 'ann' }));
    await heard.until(() => heard.changes.length === 3);
    // then
    expect(heard.changes.map((c) => [c.state, c.previousAssignee, c.assignee])).to.deep.equal([['created', null, null], ['created', null, 'ann'], ['completed', 'ann', 'ann']]);
    expect(heard.changes[0]).to.deep.include({ taskId: offered.id, instanceId: offered.instanceId, candidateGroups: ['sales'], candidateUsers: ['ann'], partial: false });
  });

  it('should say nothing about a change that was rolled back', async () => {
    // given
    const heard = collector();
    listener = await listenForTaskChanges(db.knex, heard.handlers);
    const rolledBack = task();
    const committed = task();
    // when
    await db.store.transaction(async (tx) => {
      await tx.applyEffects({ ...emptyEffects(), tasks: [rolledBack] });
      throw new Error('step failed');
    }).catch(() => {});
    await insert(committed);
    await heard.until(() => heard.changes.length >= 1);
    // then: notifications arrive in commit order, so the committed one being first means the other never came
    expect(heard.changes.map((c) => c.taskId)).to.deep.equal([committed.id]);
  });

  it('should not pass on changes in another schema of the same database', async () => {
    // given: a second test schema on the same server
    const other = await createTestDb();
    try {
      const heard = collector();
      listener = await listenForTaskChanges(db.knex, heard.handlers);
      const elsewhere = task();
      const here = task();
      // when
      await other.store.transaction((tx) => tx.applyEffects({ ...emptyEffects(), tasks: [elsewhere] }));
      await insert(here);
      await heard.until(() => heard.changes.length >= 1);
      // then
      expect(heard.changes.map((c) => c.taskId)).to.deep.equal([here.id]);
    } finally {
      await other.destroy();
    }
  });

  it('should listen again after its connection is cut, and say that changes may have been missed', async () => {
    // given
    const heard = collector();
    listener = await listenForTaskChanges(db.knex, heard.handlers);
    // when: the database ends the listening session (as a restart would)
    await db.knex.raw("select pg_terminate_backend(pid) from pg_stat_activity where query = 'listen lifeline_task_changes' and pid <> pg_backend_pid()");
    await heard.until(() => heard.reconnects === 1);
    const after = task();
    await insert(after);
    await heard.until(() => heard.changes.length >= 1);
    // then
    expect(heard.changes.map((c) => c.taskId)).to.deep.equal([after.id]);
  });

  it('should shrink a notification too big for NOTIFY to the ids, marked partial', async () => {
    // given
    const heard = collector();
    listener = await listenForTaskChanges(db.knex, heard.handlers);
    const crowded = task({ candidateUsers: Array.from({ length: 1000 }, (_, i) => `colleague-number-${i}`) });
    // when
    await insert(crowded);
    await heard.until(() => heard.changes.length === 1);
    // then
    expect(heard.changes[0]).to.deep.include({ taskId: crowded.id, partial: true, candidateUsers: [] });
  });

  it('should ignore payloads of other schemas and malformed ones', () => {
    expect(parseTaskChange('{"s":"other","id":"x","i":"y","st":"created"}', 'mine')).to.equal(undefined);
    expect(parseTaskChange('not json', 'mine')).to.equal(undefined);
    expect(parseTaskChange(undefined, 'mine')).to.equal(undefined);
  });
});
