import { expect } from 'chai';
import { elementStats } from '../../../db/index.js';
import { countStatements } from '../../setup/countStatements.js';
import { createTestEngine, type TestEngine } from '../../engine/support/engineHarness.js';
import { completeCharge, deployOrder, failCharge, runToEnd } from './fixtures/support.js';

describe('monitoring: per-element token counts from history', () => {
  let t: TestEngine;
  let definitionId: string;
  beforeEach(async () => {
    t = await createTestEngine();
    [definitionId] = await deployOrder(t);
  });
  afterEach(() => t.destroy());

  it('should count tokens that passed and wait, including a token waiting at a join', async () => {
    // given
    const instance = await t.start('order');
    // when: one branch reaches the join
    await t.completeTask(instance.id, 'review');
    // then
    const stats = await elementStats(t.db.knex, { instanceId: instance.id });
    expect(stats).to.deep.equal({
      start: { passed: 1, waiting: 0, failed: 0 },
      fork: { passed: 1, waiting: 0, failed: 0 },
      review: { passed: 1, waiting: 0, failed: 0 },
      charge: { passed: 0, waiting: 1, failed: 0 },
      join: { passed: 0, waiting: 1, failed: 0 },
    });
  });

  it('should count the inner instances of a multi-instance task as its tokens, not its body', async () => {
    // given
    const instance = await t.start('order');
    await t.completeTask(instance.id, 'review');
    await completeCharge(t, instance.id);
    // when: one of the two calls is done
    await t.engine.completeTask((await t.openTasks(instance.id))[0].id);
    // then
    const stats = await elementStats(t.db.knex, { instanceId: instance.id });
    expect(stats.join).to.deep.equal({ passed: 1, waiting: 0, failed: 0 });
    expect(stats.calls).to.deep.equal({ passed: 1, waiting: 1, failed: 0 });
  });

  it('should count a token held by an open incident as failed, not as waiting', async () => {
    // given
    const instance = await t.start('order');
    // when
    await failCharge(t, instance.id);
    // then
    expect((await elementStats(t.db.knex, { instanceId: instance.id })).charge).to.deep.equal({ passed: 0, waiting: 0, failed: 1 });
  });

  it('should leave nothing waiting in a cancelled instance', async () => {
    // given
    const instance = await t.start('order');
    // when
    await t.engine.cancelInstance(instance.id);
    // then
    const stats = await elementStats(t.db.knex, { instanceId: instance.id });
    expect(Object.values(stats).every((s) => s.waiting === 0)).to.equal(true);
    expect(stats.review).to.deep.equal({ passed: 0, waiting: 0, failed: 0 });
  });

  it('should add up the running instances of a definition, leaving ended ones out', async () => {
    // given: two waiting at review and charge, one failing at charge, one completed
    await t.start('order');
    await failCharge(t, (await t.start('order')).id);
    await runToEnd(t, (await t.start('order')).id);
    // when
    const stats = await elementStats(t.db.knex, { definitionId });
    // then
    expect(stats.review).to.deep.equal({ passed: 0, waiting: 2, failed: 0 });
    expect(stats.charge).to.deep.equal({ passed: 0, waiting: 1, failed: 1 });
    expect(stats.start).to.deep.equal({ passed: 2, waiting: 0, failed: 0 });
    expect(stats).not.to.have.property('end');
  });

  it('should answer in one SQL statement', async () => {
    // given
    await t.start('order');
    // when
    const statements = await countStatements(t.db.knex, () => elementStats(t.db.knex, { definitionId }));
    // then
    expect(statements, statements.join('\n')).to.have.length(1);
  });
});
