import { expect } from 'chai';
import { countStatements } from '../../setup/countStatements.js';
import { createTestEngine, fixture, type TestEngine } from '../support/engineHarness.js';
import { Engine, ControllableClock, manualScheduler } from '../../../engine/index.js';
import { PostgresStore, countWire, createKnex, wireCounts, wireSince } from '../../../db/index.js';

describe('SQL per step', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'exclusive.bpmn'));
    await t.start('exclusive', { amount: 1 }); // warm the model cache, as a running engine would be
  });
  afterEach(() => t.destroy());

  it('should start an instance up to its first user task in 1 statement: one write, which checks the remembered newest version (issue 10)', async () => {
    const statements = await countStatements(t.db.knex, () => t.start('exclusive', { amount: 1 }));
    expect(statements.length, statements.join('\n')).to.equal(1);
    expect(statements[0]).to.contain('lifeline_latest(');
  });

  it('should complete a user task and finish the instance in 3 statements: the lock, the task under it, one write (issue 10)', async () => {
    const instance = await t.start('exclusive', { amount: 1 });
    const task = await t.task(instance.id, 'low');
    const statements = await countStatements(t.db.knex, () => t.engine.completeTask(task.id, { done: true }, 'ann'));
    expect(statements.length, statements.join('\n')).to.be.at.most(3);
    expect((await t.instance(instance.id)).state).to.equal('completed');
  });

  it('should take 1 round trip to start (the write alone, no BEGIN or COMMIT) and 2 to complete, the writes travelling with COMMIT (issue 10)', async () => {
    // given: an engine on a pool of its own, whose store leaves task change notices to other processes: only the steps' traffic is on it
    countWire();
    const knex = createKnex(t.db.connectionString, { schema: t.db.schema, pool: { max: 2 } });
    try {
      const engine = new Engine({ store: new PostgresStore(knex, { announceTaskChanges: false }), clock: new ControllableClock(), scheduler: manualScheduler });
      await engine.startInstance({ definitionKey: 'exclusive', variables: { amount: 1 } });
      // when
      let before = wireCounts(knex);
      const instance = await engine.startInstance({ definitionKey: 'exclusive', variables: { amount: 1 } });
      const start = wireSince(before, knex);
      const task = await t.task(instance.id, 'low');
      before = wireCounts(knex);
      await engine.completeTask(task.id, { done: true }, 'ann');
      const complete = wireSince(before, knex);
      // then
      expect(start, JSON.stringify(start)).to.deep.include({ roundTrips: 1, control: 0 });
      expect(complete.roundTrips, JSON.stringify(complete)).to.equal(2);
      expect((await t.instance(instance.id)).state).to.equal('completed');
    } finally {
      await knex.destroy();
    }
  });
});
