import { expect } from 'chai';
import { Engine, manualScheduler } from '../../../engine/index.js';
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

  it('should write many messages with the sending step in a handful of statements, and start each instance in one statement of its own (issue 10)', async () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${n}-${i}`);
    // given an engine whose outbox rows wait for the pump: the sender's transaction alone
    const sender = new Engine({ store: t.db.store, clock: t.clock, scheduler: manualScheduler, deliverEagerly: false });
    const fewRows = await countStatements(t.db.knex, () => sender.startInstance({ definitionKey: 'fanOut', variables: { keys: keys(2) } }));
    const manyRows = await countStatements(t.db.knex, () => sender.startInstance({ definitionKey: 'fanOut', variables: { keys: keys(300) } }));
    // then the sender's statements do not grow with its messages, and nothing was delivered in its transaction
    expect(manyRows.length).to.be.at.most(fewRows.length + 3);
    expect(await started()).to.have.length(0);
    await t.engine.sweep();
    expect(await started()).to.have.length(302);
    // when the same steps deliver eagerly: one look-up per message name, then one statement per instance started (BEGIN, the start, the row's deletion, COMMIT)
    const few = await countStatements(t.db.knex, () => t.start('fanOut', { keys: keys(2).map((k) => `e${k}`) }));
    const many = await countStatements(t.db.knex, () => t.start('fanOut', { keys: keys(300).map((k) => `e${k}`) }));
    expect(many.length - few.length).to.be.at.most(298 + 3);
    expect(await started()).to.have.length(604);
  });
});
