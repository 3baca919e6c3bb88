import { expect } from 'chai';
import { definitionCounts } from '../../../db/index.js';
import { countStatements } from '../../setup/countStatements.js';
import { createTestEngine, HOUR, type TestEngine } from '../../engine/support/engineHarness.js';
import { deployOrder, failCharge, runToEnd } from './fixtures/support.js';

describe('monitoring: overview counts per definition version', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
  });
  afterEach(() => t.destroy());

  const counts = (stuckFor = 4 * HOUR, key?: string) => definitionCounts(t.db.knex, { now: t.clock.now(), stuckBefore: new Date(t.clock.now().getTime() - stuckFor), key });

  it('should count running, ended, failing, stuck and overdue instances of each version', async () => {
    // given: v1 with one of each; v2 with one running instance
    const [v1, v2] = await deployOrder(t, 2);
    const start = (definitionId: string, businessKey: string) => t.engine.startInstance({ definitionId, businessKey });
    const done = await start(v1, 'done');
    await runToEnd(t, done.id);
    const cancelled = await start(v1, 'cancelled');
    await t.engine.cancelInstance(cancelled.id, 'manager');
    const failing = await start(v1, 'failing');
    await failCharge(t, failing.id);
    const idle = await start(v1, 'idle');
    // when: five hours pass; one instance moves meanwhile, the rest stay where they are
    t.clock.advance(5 * HOUR);
    const moving = await start(v2, 'moving');
    await t.completeTask(moving.id, 'review');
    // then
    const [second, first] = await counts();
    expect(first).to.include({ definitionId: v1, key: 'order', version: 1, running: 2, completed: 1, cancelled: 1, terminated: 0, withIncidents: 1, stuck: 2, withOverdueTasks: 2 });
    expect(second).to.include({ definitionId: v2, version: 2, name: 'Order v2', running: 1, completed: 0, withIncidents: 0, stuck: 0, withOverdueTasks: 0 });
    expect(idle.state).to.equal('active');
  });

  it('should list a version without instances with zero counts, and only the versions of a key when asked', async () => {
    // given
    await deployOrder(t, 1);
    // when
    const all = await counts();
    const none = await counts(HOUR, 'no-such-process');
    // then
    expect(all).to.have.length(1);
    expect(all[0]).to.include({ running: 0, completed: 0, cancelled: 0, withIncidents: 0, stuck: 0, withOverdueTasks: 0 });
    expect(none).to.deep.equal([]);
  });

  it('should count stuck instances by the threshold given: none under a long one, all under a short one', async () => {
    // given
    await deployOrder(t, 1);
    await t.start('order');
    await t.start('order');
    t.clock.advance(2 * HOUR);
    // when / then
    expect((await counts(3 * HOUR))[0].stuck).to.equal(0);
    expect((await counts(HOUR))[0].stuck).to.equal(2);
  });

  it('should answer in one SQL statement whatever the number of versions', async () => {
    // given
    await deployOrder(t, 3);
    // when
    const statements = await countStatements(t.db.knex, () => counts());
    // then
    expect(statements, statements.join('\n')).to.have.length(1);
  });
});
