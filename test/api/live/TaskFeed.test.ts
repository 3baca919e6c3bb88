import { expect } from 'chai';
import { emptyEffects, type UserTaskRecord } from '../../../engine/index.js';
import { TaskFeed, mayHearOf, type TaskFeedMessage } from '../../../api/live/TaskFeed.js';
import type { AuthUser } from '../../../api/auth/AuthUser.js';
import type { TaskChange } from '../../../db/index.js';
import { task } from '../../db/fixtures/records.js';
import { createTestDb, type TestDb } from '../../setup/testDb.js';

const person = (id: string, groups: string[] = [], roles = ['employee']): AuthUser => ({ id, displayName: id, roles, groups, via: 'session' });
const change = (o: Partial<TaskChange> = {}): TaskChange => ({
  taskId: 't', instanceId: 'i', state: 'created', assignee: null, previousAssignee: null, candidateGroups: [], candidateUsers: [], partial: false, ...o,
});

/** A sink that remembers messages; `until` waits for a condition on them. */
function inbox() {
  const messages: TaskFeedMessage[] = [];
  const waiters: (() => void)[] = [];
  let ended = false;
  return {
    messages,
    get ended() {
      return ended;
    },
    sink: {
      send(message: TaskFeedMessage) {
        messages.push(message);
        waiters.splice(0).forEach((wake) => wake());
      },
      end() {
        ended = true;
      },
    },
    async until(condition: () => boolean) {
      while (!condition()) await new Promise<void>((resolve) => waiters.push(resolve));
    },
  };
}

describe('TaskFeed', () => {
  describe('who hears of a change', () => {
    it('should tell candidates, the assignee before and after, and managers; nobody else', () => {
      const claimedAway = change({ candidateGroups: ['support'], previousAssignee: null, assignee: 'erin' });
      expect(mayHearOf(person('sam', ['support']), claimedAway), 'group member it was offered to').to.equal(true);
      expect(mayHearOf(person('erin'), claimedAway), 'new assignee').to.equal(true);
      expect(mayHearOf(person('max', [], ['manager']), claimedAway), 'manager').to.equal(true);
      expect(mayHearOf(person('sue', ['sales']), claimedAway), 'another group').to.equal(false);
      const delegated = change({ candidateGroups: ['support'], previousAssignee: 'erin', assignee: 'sam' });
      expect(mayHearOf(person('erin'), delegated), 'who handed it on').to.equal(true);
      expect(mayHearOf(person('ann', ['support']), delegated), 'a group member, assigned to someone else before and after').to.equal(false);
      expect(mayHearOf(person('sue'), change({ partial: true })), 'a change too big to judge').to.equal(true);
    });
  });

  describe('delivery', () => {
    let db: TestDb;
    let feed: TaskFeed;
    beforeEach(async () => {
      db = await createTestDb();
      feed = new TaskFeed(db.knex, { maxIds: 10 });
    });
    afterEach(async () => {
      await feed.close();
      await db.destroy();
    });
    const insert = (...tasks: UserTaskRecord[]) => db.store.transaction((tx) => tx.applyEffects({ ...emptyEffects(), tasks }));

    it('should coalesce a burst of changes into one message, and say "many" past the id limit', async () => {
      // given
      const few = inbox();
      await feed.subscribe(person('ann'), few.sink);
      // when: 3 tasks in one transaction, then 40 in another
      const three = [task(), task(), task()];
      await insert(...three);
      await few.until(() => few.messages.length === 1);
      await insert(...Array.from({ length: 40 }, () => task()));
      await few.until(() => few.messages.length === 2);
      // then
      expect({ ...few.messages[0], ids: [...few.messages[0].ids].sort() }).to.deep.equal({ ids: three.map((t) => t.id).sort(), many: false });
      expect(few.messages[1]).to.deep.equal({ ids: [], many: true });
    });

    it('should stop sending to a tab that left, and end the streams of those still there when it closes', async () => {
      // given
      const gone = inbox();
      const staying = inbox();
      const leave = await feed.subscribe(person('ann'), gone.sink);
      await feed.subscribe(person('bob'), staying.sink);
      // when
      leave();
      await insert(task());
      await staying.until(() => staying.messages.length === 1);
      await feed.close();
      // then
      expect(gone.messages).to.deep.equal([]);
      expect(staying.ended).to.equal(true);
      expect(feed.size).to.equal(0);
    });
  });
});
