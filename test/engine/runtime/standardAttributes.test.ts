import { expect } from 'chai';
import { createTestEngine, fixture, trace, type TestEngine } from '../support/engineHarness.js';

describe('standard attributes (issue 12)', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'standard-attributes.bpmn'));
  });
  afterEach(() => t.destroy());

  it('should throw the error of an end event whose definition is referenced by eventDefinitionRef, not end silently', async () => {
    // when
    const instance = await t.start('referencedError');
    // then: the error boundary of the subprocess caught it
    expect(await trace(t.engine, instance.id)).to.deep.equal(['start', 'subStart', 'caught', 'handled', 'errorEnd']);
    expect((await t.instance(instance.id)).state).to.equal('completed');
  });

  it("should call the process named by the standard calledElement attribute", async () => {
    // given
    const instance = await t.start('caller');
    const [child] = (await t.engine.listInstances({ definitionKey: 'callee', limit: 10 })).items;
    // when
    await t.completeTask(child.id, 'calleeWork');
    // then
    expect(await trace(t.engine, instance.id)).to.deep.equal(['callerStart', 'call', 'callerEnd']);
  });

  it('should correlate a message to a catch event without correlation key by its name alone, with or without a key', async () => {
    // given
    const first = await t.start('keyless');
    const second = await t.start('keyless');
    // when
    await t.engine.correlateMessage({ name: 'ping' });
    await t.engine.correlateMessage({ name: 'ping', correlationKey: 'any' });
    // then
    expect(await trace(t.engine, first.id)).to.deep.equal(['keylessStart', 'waitPing', 'keylessEnd']);
    expect(await trace(t.engine, second.id)).to.deep.equal(['keylessStart', 'waitPing', 'keylessEnd']);
  });

  it('should start a process at a receive task with instantiate="true" when its message arrives', async () => {
    // when
    const result = await t.engine.correlateMessage({ name: 'order', variables: { item: 'book' } });
    // then
    expect(result.started).to.have.length(1);
    const id = result.started[0].instanceId;
    expect(await trace(t.engine, id)).to.deep.equal(['takeOrder', 'ship', 'receiveEnd']);
    expect((await t.instance(id)).variables).to.deep.equal({ item: 'book' });
  });

  it('should start a process without start events at every node no sequence flow leads to', async () => {
    // when
    const instance = await t.start('startless');
    // then
    expect(await trace(t.engine, instance.id)).to.have.members(['first', 'second']);
    await t.completeTask(instance.id, 'third');
    expect((await t.instance(instance.id)).state).to.equal('completed');
  });
});
