import { expect } from 'chai';
import { createTestEngine, type TestEngine } from '../support/engineHarness.js';
import { buildKnownHistory } from '../../db/reports/fixtures/knownHistory.js';

describe('engine: reassigning several tasks at once (issue 13)', () => {
  let t: TestEngine;
  let instances: Record<string, string>;
  beforeEach(async () => {
    t = await createTestEngine({ directory: 'store' });
    ({ instances } = await buildKnownHistory({ ...t, knex: t.db.knex }));
  });
  afterEach(() => t.destroy());

  const answerOf = async (key: string) => (await t.task(instances[key], 'answer')).id;
  const assignees = async () => Object.fromEntries(await Promise.all(['O1', 'O2', 'O3', 'O4'].map(async (key) => [key, (await t.task(instances[key], 'answer')).assignee])));

  it('should give each task to the least-loaded member of the group other than its assignee, counting the batch', async () => {
    // given: Ann holds O1 and O2; Ben and Cat one task each, Dan none
    const ids = [await answerOf('O1'), await answerOf('O2')];
    // when
    const moves = await t.engine.reassignTasks({ taskIds: ids, to: { leastLoadedIn: 'specialists' }, actor: 'manager' });
    // then: Dan first (0), then a tie of one each goes to the first by id
    expect(moves).to.deep.equal([{ taskId: ids[0], from: 'ann', to: 'dan' }, { taskId: ids[1], from: 'ann', to: 'ben' }]);
    expect(await assignees()).to.deep.equal({ O1: 'dan', O2: 'ben', O3: 'ben', O4: 'cat' });
    const line = (await t.engine.history(instances.O1)).filter((h) => h.type === 'task.assigned').pop()!;
    expect(line).to.deep.include({ actor: 'manager', elementId: 'answer' });
    expect(line.data).to.deep.include({ assignee: 'dan', strategy: 'leastLoaded', group: 'specialists', previous: 'ann', bulk: true, loads: { ben: 1, cat: 1, dan: 0 } });
    const row = await t.db.knex('task_assignments').where({ task_id: ids[0] }).first();
    expect(row.assigned_at.toISOString()).to.equal(t.clock.now().toISOString());
    expect(row.first_assigned_at.toISOString()).to.equal('2026-03-14T08:30:00.000Z');
  });

  it('should leave disabled accounts out of the least loaded', async () => {
    // given: Dan, who holds nothing, has left
    await t.db.knex('users').where({ id: 'dan' }).update({ disabled_at: t.clock.now() });
    // when
    const [move] = await t.engine.reassignTasks({ taskIds: [await answerOf('O1')], to: { leastLoadedIn: 'specialists' }, actor: 'manager' });
    // then: Ben and Cat hold one each; the tie goes to the first by id
    expect(move.to).to.equal('ben');
  });

  it('should hand every task to one colleague, with a notification each', async () => {
    // given
    const ids = [await answerOf('O1'), await answerOf('O2'), await answerOf('O3')];
    // when
    await t.engine.reassignTasks({ taskIds: ids, to: { userId: 'dan' }, actor: 'manager' });
    // then
    expect(await assignees()).to.deep.equal({ O1: 'dan', O2: 'dan', O3: 'dan', O4: 'cat' });
    expect(await t.db.knex('notifications').where({ user_id: 'dan', type: 'task.assigned' }).count('* as n').first()).to.deep.equal({ n: 3 });
  });

  it('should move nothing when one task of the batch is no longer open', async () => {
    // given
    const done = (await t.engine.listTasks({ instanceId: instances.R1, elementId: 'answer' })).items[0].id;
    const ids = [await answerOf('O1'), done];
    // when
    const failure = await t.engine.reassignTasks({ taskIds: ids, to: { userId: 'dan' }, actor: 'manager' }).catch((e: Error) => e);
    // then
    expect(failure).to.include({ code: 'CONFLICT' });
    expect((failure as Error).message).to.contain(done);
    expect(await assignees()).to.deep.equal({ O1: 'ann', O2: 'ann', O3: 'ben', O4: 'cat' });
  });

  it('should refuse a colleague who is not a user, an unknown task and a group with nobody else, naming them', async () => {
    const o1 = await answerOf('O1');
    const unknownUser = await t.engine.reassignTasks({ taskIds: [o1], to: { userId: 'nobody' }, actor: 'manager' }).catch((e: Error) => e);
    expect(unknownUser).to.include({ code: 'VALIDATION_FAILED' });
    expect((unknownUser as Error).message).to.contain("'nobody'");
    const unknownTask = await t.engine.reassignTasks({ taskIds: ['00000000-0000-4000-8000-000000000000'], to: { userId: 'dan' }, actor: 'manager' }).catch((e: Error) => e);
    expect(unknownTask).to.include({ code: 'NOT_FOUND' });
    const alone = await t.engine.reassignTasks({ taskIds: [o1], to: { leastLoadedIn: 'nobody-here' }, actor: 'manager' }).catch((e: Error) => e);
    expect((alone as Error).message).to.contain("group 'nobody-here' has no member");
    expect(await assignees()).to.deep.include({ O1: 'ann' });
  });
});
