import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { createTestEngine, fixture, type TestEngine } from '../support/engineHarness.js';

/** A start by key runs the newest version; the engine remembers which one that is and checks it in the start's one write (issue 10). */
describe('starting the newest version by key', () => {
  let t: TestEngine;
  let xml: string;
  beforeEach(async () => {
    t = await createTestEngine();
    xml = await readFile(fixture(import.meta.url, 'exclusive.bpmn'), 'utf8');
    await t.engine.deploy({ resources: [{ name: 'v1.bpmn', xml }] });
  });
  afterEach(() => t.destroy());

  const version = async (instanceId: string) => (await t.engine.getDefinition((await t.instance(instanceId)).definitionId)).version;

  it('should start the version another engine process deployed after this one remembered the newest', async () => {
    // given this engine started version 1 (and remembers it as the newest)
    expect(await version((await t.start('exclusive', { amount: 1 })).id)).to.equal(1);
    // when another engine process deploys version 2, and this one starts again by key
    await t.twin().deploy({ resources: [{ name: 'v2.bpmn', xml: xml.replace('name="', 'name="v2 ') }] });
    const second = await t.start('exclusive', { amount: 1 });
    // then it runs version 2, and so does the next start
    expect(await version(second.id)).to.equal(2);
    expect(await version((await t.start('exclusive', { amount: 1 })).id)).to.equal(2);
  });

  it('should leave nothing of the start that met a newer version: one instance per start', async () => {
    // given this engine remembers version 1, and another process deployed version 2
    await t.start('exclusive', { amount: 1 });
    await t.twin().deploy({ resources: [{ name: 'v2.bpmn', xml: xml.replace('name="', 'name="v2 ') }] });
    // when it starts once more
    await t.start('exclusive', { amount: 1 }, 'ONCE');
    // then exactly one instance has that business key
    const [{ count }] = await t.db.knex('process_instances').where({ business_key: 'ONCE' }).count<{ count: string }[]>('* as count');
    expect(Number(count)).to.equal(1);
  });

  it('should start the remaining newest version when the remembered one was deleted by another process', async () => {
    // given version 2 deployed by this engine and remembered as the newest after a start of it
    await t.engine.deploy({ resources: [{ name: 'v2.bpmn', xml: xml.replace('name="', 'name="v2 ') }] });
    const started = await t.start('exclusive', { amount: 1 });
    const { definitionId } = await t.instance(started.id);
    expect(await version(started.id)).to.equal(2);
    // when that instance is gone and another process deletes version 2
    for (const table of ['history_events', 'user_tasks', 'element_spans']) await t.db.knex(table).where({ instance_id: started.id }).delete();
    await t.db.knex('process_instances').where({ id: started.id }).delete();
    await t.twin().deleteDefinition(definitionId);
    // then a start by key runs version 1
    expect(await version((await t.start('exclusive', { amount: 1 })).id)).to.equal(1);
  });
});
