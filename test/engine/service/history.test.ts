import { expect } from 'chai';
import { createTestEngine, fixture, type TestEngine } from '../support/engineHarness.js';

describe('history', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'exclusive.bpmn'));
  });
  afterEach(() => t.destroy());

  it('should record every element entered and left, with time and actor, in order', async () => {
    // given
    const instance = await t.start('exclusive', { amount: 1 });
    t.clock.advance(60_000);
    // when
    await t.completeTask(instance.id, 'low');
    // then
    const history = await t.engine.history(instance.id);
    const lines = history.map((h) => `${h.type}${h.elementId ? ` ${h.elementId}` : ''}`);
    expect(lines).to.deep.equal([
      'process.started',
      'element.activated start',
      'element.completed start',
      'element.activated gw',
      'element.completed gw',
      'element.activated low',
      'task.created low',
      'task.completed low',
      'element.completed low',
      'element.activated end',
      'element.completed end',
      'process.completed',
    ]);
    const completed = history.find((h) => h.type === 'task.completed')!;
    expect(completed.actor).to.equal('tester');
    expect(completed.at.toISOString()).to.equal('2026-01-05T09:01:00.000Z');
    expect(history.map((h) => h.seq)).to.deep.equal([...history.map((h) => h.seq)].sort((a, b) => Number(a) - Number(b)));
  });

  it('should record variable changes with their actor and new values', async () => {
    // given
    const instance = await t.start('exclusive', { amount: 1 });
    // when: a manager sets one, an employee's completion changes another
    await t.engine.setVariables(instance.id, { priority: 'high' }, 'manager');
    await t.engine.completeTask((await t.task(instance.id, 'low')).id, { amount: 2, shipped: true }, 'ann');
    // then
    const changes = (await t.engine.history(instance.id)).filter((h) => h.type === 'variables.changed');
    expect(changes.map((h) => [h.actor, h.data])).to.deep.equal([
      ['manager', { variables: { priority: 'high' } }],
      ['ann', { variables: { amount: 2, shipped: true } }],
    ]);
    expect((await t.instance(instance.id)).variables).to.deep.equal({ amount: 2, priority: 'high', shipped: true });
  });
});
