import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { BpmnValidationError } from '../../../engine/index.js';
import { createTestEngine, fixture, type TestEngine } from '../support/engineHarness.js';

describe('deployments', () => {
  let t: TestEngine;
  let xml: string;
  beforeEach(async () => {
    t = await createTestEngine();
    xml = await readFile(fixture(import.meta.url, 'exclusive.bpmn'), 'utf8');
  });
  afterEach(() => t.destroy());

  it('should create no new version when identical XML is deployed again', async () => {
    const first = await t.engine.deploy({ resources: [{ name: 'a.bpmn', xml }] });
    const second = await t.engine.deploy({ resources: [{ name: 'a.bpmn', xml }] });
    expect(first.definitions[0]).to.include({ version: 1, isNew: true });
    expect(second.definitions[0]).to.include({ version: 1, isNew: false, id: first.definitions[0].id });
    expect((await t.engine.listDefinitions({ key: 'exclusive' })).total).to.equal(1);
  });

  it('should keep running instances on their version when a changed model is deployed', async () => {
    // given
    await t.engine.deploy({ resources: [{ name: 'a.bpmn', xml }] });
    const old = await t.start('exclusive', { amount: 1 });
    // when: the changed model sends small orders to a differently named task
    const changed = xml.replace('id="low" name="Ship small order"', 'id="low" name="Ship it"');
    const result = await t.engine.deploy({ resources: [{ name: 'a.bpmn', xml: changed }] });
    // then
    expect(result.definitions[0]).to.include({ version: 2, isNew: true });
    const fresh = await t.start('exclusive', { amount: 1 });
    expect(fresh.definitionVersion).to.equal(2);
    expect((await t.task(old.id, 'low')).name).to.equal('Ship small order');
    expect((await t.task(fresh.id, 'low')).name).to.equal('Ship it');
    await t.completeTask(old.id, 'low');
    expect((await t.instance(old.id)).state).to.equal('completed');
  });

  it('should store nothing when one of the resources has a problem', async () => {
    // given: one good file and one broken one
    const broken = xml.replace('targetRef="high"', 'targetRef="nowhere"');
    // when
    let error: unknown;
    try {
      await t.engine.deploy({ resources: [{ name: 'good.bpmn', xml: xml.replace(/exclusive/g, 'other') }, { name: 'bad.bpmn', xml: broken }] });
    } catch (e) {
      error = e;
    }
    // then
    expect(error).to.be.instanceOf(BpmnValidationError);
    expect((error as BpmnValidationError).problems.map((p) => p.elementId)).to.include('toHigh');
    expect((await t.engine.listDefinitions({})).total).to.equal(0);
    expect(await t.db.knex('deployments').count<{ count: number }[]>('* as count')).to.deep.equal([{ count: 0 }]);
  });

  it('should delete a version with no instances and refuse one that has instances', async () => {
    const deployed = await t.engine.deploy({ resources: [{ name: 'a.bpmn', xml }] });
    const id = deployed.definitions[0].id;
    await t.start('exclusive', { amount: 1 });
    let error: unknown;
    try {
      await t.engine.deleteDefinition(id);
    } catch (e) {
      error = e;
    }
    expect(error).to.have.property('code', 'CONFLICT');
    const v2 = await t.engine.deploy({ resources: [{ name: 'a.bpmn', xml: xml.replace('Route by amount', 'Route') }] });
    await t.engine.deleteDefinition(v2.definitions[0].id);
    expect((await t.engine.listDefinitions({ key: 'exclusive' })).total).to.equal(1);
  });

  it('should store forms with versions and serve the latest', async () => {
    const form = (label: string) => JSON.stringify({ id: 'review-form', type: 'default', components: [{ type: 'textfield', key: 'comment', label }] });
    await t.engine.deploy({ resources: [], forms: [{ name: 'review.form', json: form('Comment') }] });
    await t.engine.deploy({ resources: [], forms: [{ name: 'review.form', json: form('Your comment') }] });
    const latest = await t.engine.getForm('review-form');
    expect(latest.version).to.equal(2);
    expect((latest.schema.components as { label: string }[])[0].label).to.equal('Your comment');
  });
});
