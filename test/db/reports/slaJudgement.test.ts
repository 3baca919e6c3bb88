import { expect } from 'chai';
import { processReport, taskElementReport, type ReportPeriod } from '../../../db/index.js';
import { createTestEngine, fixture, HOUR, type TestEngine } from '../../engine/support/engineHarness.js';

const MIN = 60_000;
const period: ReportPeriod = { from: '2026-01-05', to: '2026-01-05', bucket: 'day', timeZone: 'UTC' };

describe('reports: what counts as on time and as taken (issue 13)', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine({ directory: 'store' });
    await t.addPeople([{ id: 'boss' }, { id: 'erin' }]);
    await t.deploy(fixture(import.meta.url, 'escalating-request.bpmn'));
  });
  afterEach(() => t.destroy());

  it('should judge an instance late when a task with a deadline was cancelled after it (escalated), and on time when answered before', async () => {
    // given: one answered in 30 minutes by Erin; one left until the boundary timer escalates it to the boss after 2 hours (due after 1)
    const quick = await t.start('escalating', {}, 'QUICK');
    const answer = await t.task(quick.id, 'answer');
    await t.engine.claimTask(answer.id, 'erin');
    t.clock.advance(30 * MIN);
    await t.engine.completeTask(answer.id, {}, 'erin');
    const slow = await t.start('escalating', {}, 'SLOW');
    await t.advance(2 * HOUR);
    const escalated = await t.task(slow.id, 'escalated');
    t.clock.advance(15 * MIN);
    await t.engine.completeTask(escalated.id, {}, 'boss');
    // when
    const report = await processReport(t.db.knex, { definitionKey: 'escalating' }, period, t.clock.now());
    const elements = await taskElementReport(t.db.knex, { definitionKey: 'escalating' }, period, t.clock.now());
    // then
    expect(report.totals).to.deep.include({ completed: 2, slaJudged: 2, withinSla: 1, withinSlaRate: 0.5 });
    // the boss had the escalated task from its creation (an explicit assignee): no wait, 15 minutes of work
    expect(elements.find((e) => e.elementId === 'escalated')).to.deep.include({ completed: 1, waitingMedianMs: 0, workingMedianMs: 15 * MIN, judged: 0, onTimeRate: null });
    // the cancelled answer is no completed task: one answer, on time
    expect(elements.find((e) => e.elementId === 'answer')).to.deep.include({ completed: 1, judged: 1, onTime: 1, workingMedianMs: 30 * MIN });
  });

  it('should count a task completed without a claim as waiting until it was done', async () => {
    // given
    const instance = await t.start('escalating', {}, 'UNCLAIMED');
    const answer = await t.task(instance.id, 'answer');
    t.clock.advance(20 * MIN);
    await t.engine.completeTask(answer.id, {}, 'erin');
    // when
    const [row] = (await taskElementReport(t.db.knex, { definitionKey: 'escalating' }, period, t.clock.now())).filter((e) => e.elementId === 'answer');
    // then
    expect(row).to.deep.include({ completed: 1, waitingMedianMs: 20 * MIN, workingMedianMs: 0, onTime: 1 });
  });
});
