import { expect } from 'chai';
import { createTestEngine, fixture, trace, type TestEngine } from '../support/engineHarness.js';

describe('token quantities and multi-instance behavior (issue 12)', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'quantities-behaviors.bpmn'));
  });
  afterEach(() => t.destroy());

  it('should start an activity only when startQuantity tokens arrived, and send completionQuantity tokens on', async () => {
    // given
    const instance = await t.start('quantities');
    // when: one token arrives
    await t.completeTask(instance.id, 'a');
    // then: not enough to start
    expect(await trace(t.engine, instance.id)).to.not.include('gather');
    expect((await t.instance(instance.id)).activeElements.sort()).to.deep.equal(['b', 'gather']);
    // when: the second arrives
    await t.completeTask(instance.id, 'b');
    // then: gather ran once and sent two tokens on
    expect(await trace(t.engine, instance.id)).to.deep.equal(['start', 'fork', 'a', 'b', 'gather', 'each', 'each', 'end', 'end']);
    expect((await t.instance(instance.id)).state).to.equal('completed');
  });

  const completeAll = async (id: string, elementId: string, times: number) => {
    for (let i = 0; i < times; i++) await t.completeTask(id, elementId);
  };

  it('should throw the None behavior event for every instance, the One event for the first only, and Complex events when their condition holds', async () => {
    // given
    const instance = await t.start('behaviors');
    // when
    await completeAll(instance.id, 'noneReview', 2);
    await completeAll(instance.id, 'oneReview', 2);
    await completeAll(instance.id, 'complexReview', 3);
    // then
    const passed = await trace(t.engine, instance.id);
    const count = (id: string) => passed.filter((p) => p === id).length;
    expect([count('countReview'), count('firstDone'), count('twoDone')]).to.deep.equal([2, 1, 1]);
    expect((await t.instance(instance.id)).state).to.equal('completed');
  });
});
