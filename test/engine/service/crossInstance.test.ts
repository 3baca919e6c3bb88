import { expect } from 'chai';
import { createTestEngine, fixture, type TestEngine } from '../support/engineHarness.js';

describe('messages between instances under concurrency', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'ping.bpmn'));
  });
  afterEach(() => t.destroy());

  it('should finish two instances that message each other from two engines at once (a deadlock is retried, not lost)', async () => {
    for (let round = 0; round < 3; round++) {
      // given: a waits for b's ping and b for a's
      const a = await t.start('ping', { me: `a${round}`, peer: `b${round}` });
      const b = await t.start('ping', { me: `b${round}`, peer: `a${round}` });
      const [goA, goB] = await Promise.all([t.task(a.id, 'go'), t.task(b.id, 'go')]);
      // when: both send at the same moment through different engines
      await Promise.all([t.engine.completeTask(goA.id), t.twin().completeTask(goB.id)]);
      // then
      expect((await t.instance(a.id)).state, `round ${round}`).to.equal('completed');
      expect((await t.instance(b.id)).state, `round ${round}`).to.equal('completed');
    }
  });
});
