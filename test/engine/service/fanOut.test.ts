import { expect } from 'chai';
import { createTestEngine, fixture, type TestEngine } from '../support/engineHarness.js';
import { countStatements } from '../../setup/countStatements.js';

describe('messages published together (a multi-instance send task)', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'fan-out.bpmn'));
  });
  afterEach(() => t.destroy());

  const started = async () => (await t.engine.listInstances({ definitionKey: 'pingStarted', limit: 1000 })).items.map((i) => i.businessKey).sort();

  it('should reach the instance waiting for its key, and start instances for the keys nobody waits for', async () => {
    // given an instance waiting for ping "b"
    const waiter = await t.start('pingWaiter', { myKey: 'b' });
    // when one step publishes ping a, b and c
    await t.start('fanOut', { keys: ['a', 'b', 'c'] });
    // then b reached the waiter, a and c started instances keyed by them
    expect((await t.instance(waiter.id)).state).to.equal('completed');
    expect(await started()).to.deep.equal(['a', 'c']);
  });

  it('should let a catch without a correlation key take the first message of its name', async () => {
    const any = await t.start('pingAny');
    await t.start('fanOut', { keys: ['a', 'b'] });
    expect((await t.instance(any.id)).state).to.equal('completed');
    expect(await started()).to.deep.equal(['b']);
  });

  it('should start many instances in a handful of statements, not several per instance', async () => {
    const few = await countStatements(t.db.knex, () => t.start('fanOut', { keys: ['x1', 'x2'] }));
    const many = await countStatements(t.db.knex, () => t.start('fanOut', { keys: Array.from({ length: 300 }, (_, i) => `k${i}`) }));
    expect(many.length).to.be.at.most(few.length + 3);
    expect(await started()).to.have.length(302);
  });
});
