import { expect } from 'chai';
import { createTestEngine, fixture, trace, HOUR, type TestEngine } from '../support/engineHarness.js';

describe('when events take effect (issue 12)', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'event-timing.bpmn'));
  });
  afterEach(() => t.destroy());

  it('should fire an intermediate timer catch event with a cycle once per occurrence, then complete it', async () => {
    // given
    const instance = await t.start('cycleCatch');
    // when: two of three occurrences
    await t.advance(HOUR);
    await t.advance(HOUR);
    // then: two tokens went on, the event still waits
    expect((await trace(t.engine, instance.id)).filter((id) => id === 'tick')).to.have.length(2);
    expect((await t.instance(instance.id)).activeElements).to.deep.equal(['every']);
    // when: the last occurrence
    await t.advance(HOUR);
    // then
    expect(await trace(t.engine, instance.id)).to.deep.equal(['start', 'tick', 'end', 'tick', 'end', 'every', 'tick', 'end']);
    expect((await t.instance(instance.id)).state).to.equal('completed');
    expect(await t.advance(5 * HOUR)).to.equal(0);
  });

  it('should let the boundary of a subprocess catch a signal thrown by an end event inside it', async () => {
    // given
    const instance = await t.start('signalFromInside');
    // when
    await t.completeTask(instance.id, 'work');
    // then: the subprocess was interrupted while it was still active
    expect(await trace(t.engine, instance.id)).to.deep.equal(['sStart', 'subStart', 'work', 'onAlarm', 'alarmed', 'alarmEnd']);
    expect((await t.instance(instance.id)).state).to.equal('completed');
  });

  it('should hand an escalation end event of a called process to the parent before the child completion moves it on', async () => {
    // given
    const parent = await t.start('escalatingParent');
    const [child] = (await t.engine.listInstances({ definitionKey: 'escalatingChild', limit: 10 })).items;
    // when: the child's last task completes and the child ends with an escalation
    await t.completeTask(child.id, 'childWork');
    // then: the non-interrupting boundary fired and the call activity completed
    expect(await trace(t.engine, parent.id)).to.deep.equal(['pStart', 'onLate', 'call', 'afterCall', 'pEnd']);
    await t.completeTask(parent.id, 'apologise');
    expect((await t.instance(parent.id)).state).to.equal('completed');
  });
});
