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

  it('should record variable changes', async () => {
    const instance = await t.start('exclusive', { amount: 1 });
    await t.engine.setVariables(instance.id, { priority: 'high' }, 'manager');
    const line = (await t.engine.history(instance.id)).find((h) => h.type === 'variables.set')!;
    expect(line).to.deep.include({ actor: 'manager', data: { names: ['priority'] } });
    expect((await t.instance(instance.id)).variables).to.include({ amount: 1, priority: 'high' });
  });
});
