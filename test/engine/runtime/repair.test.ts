import { expect } from 'chai';
import { createTestEngine, elementsOf, fixture, type TestEngine } from '../support/engineHarness.js';

describe('repairs', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'parallel.bpmn'));
  });
  afterEach(() => t.destroy());

  it('should move a token: cancel it in one element and start one before another', async () => {
    // given
    const instance = await t.start('parallel');
    // when: the token in b is moved straight to c, and a is cancelled
    await t.engine.modifyInstance(instance.id, { cancel: [{ elementId: 'a' }, { elementId: 'b' }], activate: [{ elementId: 'c' }], actor: 'manager' });
    // then
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['c']);
    expect((await t.engine.history(instance.id)).find((h) => h.type === 'process.modified')).to.deep.include({ actor: 'manager' });
    await t.completeTask(instance.id, 'c');
    expect((await t.instance(instance.id)).state).to.equal('completed');
  });

  it('should refuse to cancel a token that is not there, changing nothing', async () => {
    const instance = await t.start('parallel');
    let error: unknown;
    try {
      await t.engine.modifyInstance(instance.id, { cancel: [{ elementId: 'c' }] });
    } catch (e) {
      error = e;
    }
    expect(error).to.have.property('code', 'CONFLICT');
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['a', 'b']);
  });

  it('should refuse to change an instance that has ended', async () => {
    const instance = await t.start('parallel');
    await t.engine.cancelInstance(instance.id);
    let error: unknown;
    try {
      await t.engine.setVariables(instance.id, { x: 1 });
    } catch (e) {
      error = e;
    }
    expect(error).to.have.property('code', 'CONFLICT');
  });
});
