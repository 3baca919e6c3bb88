import { expect } from 'chai';
import { createTestEngine, fixture, trace, type TestEngine } from '../support/engineHarness.js';

describe('conditional events (issue 12)', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'conditional-events.bpmn'));
  });
  afterEach(() => t.destroy());

  it('should wait at an intermediate conditional event until its condition becomes true', async () => {
    // given
    const instance = await t.start('waitForApproval', { approval: false });
    expect((await t.instance(instance.id)).activeElements).to.deep.equal(['approved']);
    // when: a manager sets the variable it reads
    await t.engine.setVariables(instance.id, { approval: true });
    // then
    expect(await trace(t.engine, instance.id)).to.deep.equal(['start', 'approved', 'end']);
  });

  it('should pass an intermediate conditional event whose condition already holds', async () => {
    const instance = await t.start('waitForApproval', { approval: true });
    expect((await t.instance(instance.id)).state).to.equal('completed');
  });

  it('should interrupt an activity when the condition of its conditional boundary event becomes true', async () => {
    // given
    const instance = await t.start('watched', { cancelled: false, level: 0 });
    // when
    await t.engine.setVariables(instance.id, { cancelled: true });
    // then
    expect(await trace(t.engine, instance.id)).to.deep.equal(['wStart', 'stop', 'aborted', 'abortEnd']);
    expect(await t.openTasks(instance.id)).to.deep.equal([]);
  });

  it('should fire a non-interrupting conditional boundary each time its condition turns true, not while it stays true', async () => {
    // given
    const instance = await t.start('watched', { cancelled: false, level: 0 });
    // when
    for (const level of [3, 4, 1, 5]) await t.engine.setVariables(instance.id, { level });
    // then: fired at 3 and at 5 (false → true), not at 4 (still true)
    expect((await trace(t.engine, instance.id)).filter((id) => id === 'warn')).to.have.length(2);
    expect((await t.instance(instance.id)).activeElements).to.deep.equal(['work']);
  });

  it('should start a non-interrupting conditional event subprocess when a task completion changes what it reads', async () => {
    // given
    const instance = await t.start('triage', { priority: 'low' });
    // when
    await t.completeTask(instance.id, 'assess', { priority: 'high' });
    // then
    expect(await trace(t.engine, instance.id)).to.deep.equal(['tStart', 'assess', 'becameUrgent', 'informBoss', 'eEnd', 'escalation']);
    expect((await t.instance(instance.id)).activeElements).to.deep.equal(['handle']);
  });
});
