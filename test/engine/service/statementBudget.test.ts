import { expect } from 'chai';
import { countStatements } from '../../setup/countStatements.js';
import { createTestEngine, fixture, type TestEngine } from '../support/engineHarness.js';

describe('SQL per step', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'exclusive.bpmn'));
    await t.start('exclusive', { amount: 1 }); // warm the model cache, as a running engine would be
  });
  afterEach(() => t.destroy());

  it('should start an instance up to its first user task in at most 6 statements', async () => {
    const statements = await countStatements(t.db.knex, () => t.start('exclusive', { amount: 1 }));
    expect(statements.length, statements.join('\n')).to.be.at.most(6);
  });

  it('should complete a user task and finish the instance in at most 8 statements', async () => {
    const instance = await t.start('exclusive', { amount: 1 });
    const task = await t.task(instance.id, 'low');
    const statements = await countStatements(t.db.knex, () => t.engine.completeTask(task.id, { done: true }, 'ann'));
    expect(statements.length, statements.join('\n')).to.be.at.most(8);
    expect((await t.instance(instance.id)).state).to.equal('completed');
  });
});
