import { expect } from 'chai';
import { createTestEngine, elementsOf, fixture, trace, type TestEngine } from '../support/engineHarness.js';

describe('complex gateway and ad-hoc subprocess (issue 12)', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'complex-adhoc.bpmn'));
  });
  afterEach(() => t.destroy());

  it('should fire a complex gateway when its activation condition holds, then reset on the remaining token', async () => {
    // given
    const instance = await t.start('twoOfThree');
    // when: the first review
    await t.completeTask(instance.id, 'reviewB');
    // then: one token is not enough
    expect(await trace(t.engine, instance.id)).to.not.include('quorum');
    // when: the second review
    await t.completeTask(instance.id, 'reviewA');
    // then: fired once, to the unconditional flow only
    expect(await trace(t.engine, instance.id)).to.deep.equal(['start', 'fork', 'reviewB', 'reviewA', 'quorum', 'decide', 'end']);
    // when: the last review arrives, the gateway resets: only the flow whose condition holds at reset is taken
    await t.completeTask(instance.id, 'reviewC');
    expect((await trace(t.engine, instance.id)).slice(7)).to.deep.equal(['reviewC', 'quorum', 'lateReview', 'lateEnd']);
    expect((await t.instance(instance.id)).state).to.equal('completed');
  });

  it('should run every activity of a sequential ad-hoc subprocess one after another, then leave it', async () => {
    // when
    const instance = await t.start('adHocAll');
    // then: one at a time, in document order
    expect(await trace(t.engine, instance.id)).to.deep.equal(['hStart', 'checkA', 'checkB']);
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['checkC']);
    await t.completeTask(instance.id, 'checkC');
    expect(await trace(t.engine, instance.id)).to.deep.equal(['hStart', 'checkA', 'checkB', 'checkC', 'checks', 'after', 'hEnd']);
  });

  it('should start the active elements of an ad-hoc subprocess, more on demand, and end it when its completion condition holds', async () => {
    // given
    const instance = await t.start('adHocUntil', { answered: false });
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['askExpert']);
    // when: the expert does not know; a manager starts two more activities on demand
    await t.completeTask(instance.id, 'askExpert', { answered: false });
    expect((await t.instance(instance.id)).state, 'waits for its completion condition').to.equal('active');
    await t.engine.modifyInstance(instance.id, { activate: [{ elementId: 'searchWeb' }, { elementId: 'readBook' }] });
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['readBook', 'searchWeb']);
    // when: the web has the answer
    await t.completeTask(instance.id, 'searchWeb', { answered: true });
    // then: the book is no longer needed
    expect(await t.openTasks(instance.id)).to.deep.equal([]);
    expect(await trace(t.engine, instance.id)).to.deep.equal(['uStart', 'askExpert', 'searchWeb', 'research', 'uEnd']);
  });
});
