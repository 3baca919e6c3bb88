import { expect } from 'chai';
import { createTestEngine, elementsOf, fixture, type TestEngine } from '../support/engineHarness.js';

describe('big steps (issue 9)', () => {
  let t: TestEngine;
  beforeEach(async () => {
    // The step's time budget (2 s of work by default) is not what is tested here: on a loaded
    // machine 5,000 inner instances can take longer and would stop with a budget incident.
    t = await createTestEngine({ stepLimits: { maxMs: 120_000 } });
    await t.deploy(fixture(import.meta.url, 'big-step.bpmn'));
  });
  afterEach(() => t.destroy());

  it('should run a step that writes more than 8,000 history rows (the old bind-parameter limit) in one transaction', async function () {
    this.timeout(60_000);
    // when: 5,000 inner instances in one step (two history rows each, and more)
    const instance = await t.start('bigStep', { items: Array.from({ length: 5000 }, (_, i) => i) });
    // then
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['review']);
    expect((await t.engine.history(instance.id)).length).to.be.greaterThan(10_000);
  });
});
