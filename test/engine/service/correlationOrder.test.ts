import { expect } from 'chai';
import { createTestEngine, fixture, trace, type TestEngine } from '../support/engineHarness.js';

/**
 * A message goes to the subscription that opened first. Subscriptions that
 * opened at the same moment (one step, or instances started within one tick
 * of the clock) were ordered by their random ids: first come is now first
 * served (engine follow-ups, point 4).
 */
describe('which waiting subscription a message reaches first', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'first-come.bpmn'));
  });
  afterEach(() => t.destroy());

  it('should serve instances that started at the same moment in the order they started', async () => {
    // given: six customers queue within one tick of the clock
    const queued: string[] = [];
    for (let i = 0; i < 6; i++) queued.push((await t.start('queueForSlot', {}, `C${i}`)).id);
    // when: six slots come free, one after another
    const served: string[] = [];
    for (let i = 0; i < 6; i++) served.push((await t.engine.correlateMessage({ name: 'slot-free', variables: {} })).correlated[0].instanceId);
    // then
    expect(served).to.deep.equal(queued);
  });

  it('should reach the catch events one step opened in the order it opened them', async () => {
    // given: one step opens five receive tasks waiting for the same message
    const instance = await t.start('severalDesks');
    // when
    for (let i = 0; i < 5; i++) await t.engine.correlateMessage({ name: 'slot-free', variables: {} });
    // then
    expect((await trace(t.engine, instance.id)).filter((id) => id.startsWith('desk'))).to.deep.equal(['desk1', 'desk2', 'desk3', 'desk4', 'desk5']);
  });
});
