import { expect } from 'chai';
import { heatMap, workload } from '../../../db/index.js';
import { createTestEngine, type TestEngine } from '../../engine/support/engineHarness.js';
import { buildKnownHistory, MIN } from './fixtures/knownHistory.js';

describe('reports: workload and the heat map (issue 13)', () => {
  let t: TestEngine;
  let definitionId: string;
  before(async () => {
    t = await createTestEngine({ directory: 'store' });
    ({ definitionId } = await buildKnownHistory({ ...t, knex: t.db.knex }));
  });
  after(() => t.destroy());

  it('should list each person of a group with their open tasks, most loaded first and the most urgent task first', async () => {
    // when
    const people = await workload(t.db.knex, t.clock.now(), { group: 'specialists' });
    // then
    expect(people.map((p) => [p.userId, p.open, p.overdue])).to.deep.equal([['ann', 2, 1], ['ben', 1, 0], ['cat', 1, 0], ['dan', 0, 0]]);
    const [first, second] = people[0].tasks;
    expect(first).to.include({ businessKey: 'O1', elementId: 'answer', name: 'Answer request', definitionKey: 'request', overdue: true });
    expect(first.dueAt!.toISOString()).to.equal('2026-03-14T16:20:00.000Z');
    expect(second).to.include({ businessKey: 'O2', overdue: false });
    expect(people[3].tasks).to.deep.equal([]);
  });

  it('should keep a disabled account in the workload only while it holds open tasks', async () => {
    // given: Cat (one open task) and Dan (none) leave
    await t.db.knex('users').whereIn('id', ['cat', 'dan']).update({ disabled_at: t.clock.now() });
    try {
      // when
      const people = await workload(t.db.knex, t.clock.now(), { group: 'specialists' });
      // then
      expect(people.map((p) => [p.userId, p.disabled])).to.deep.equal([['ann', false], ['ben', false], ['cat', true]]);
    } finally {
      await t.db.knex('users').whereIn('id', ['cat', 'dan']).update({ disabled_at: null });
    }
  });

  it('should list at most the asked number of tasks per person, with complete counts', async () => {
    const [ann] = await workload(t.db.knex, t.clock.now(), { group: 'specialists', perPerson: 1 });
    expect(ann.open).to.equal(2);
    expect(ann.tasks.map((task) => task.businessKey)).to.deep.equal(['O1']);
  });

  it('should colour the diagram by where time goes: the answer is the slowest element, and where tokens wait now', async () => {
    // when
    const heat = await heatMap(t.db.knex, definitionId, new Date('2026-03-01T23:00:00Z'), new Date('2026-03-15T23:00:00Z'));
    // then: answers took 60,90,120,135,180,240,300,520,540,560 minutes from creation to completion
    const of = (id: string) => heat.find((h) => h.elementId === id)!;
    expect(of('answer')).to.deep.equal({ elementId: 'answer', completed: 10, durationMedianMs: 210 * MIN, durationP90Ms: 542 * MIN, waiting: 4 });
    expect(of('register')).to.deep.equal({ elementId: 'register', completed: 14, durationMedianMs: 30 * MIN, durationP90Ms: 60 * MIN, waiting: 0 });
    expect(of('received')).to.deep.include({ completed: 14, durationMedianMs: 0, waiting: 0 });
    expect(of('answered')).to.deep.include({ completed: 10, durationMedianMs: 0 });
    const slowest = [...heat].sort((a, b) => (b.durationMedianMs ?? 0) - (a.durationMedianMs ?? 0))[0];
    expect(slowest.elementId).to.equal('answer');
  });

  it('should count only the completions of the period', async () => {
    const heat = await heatMap(t.db.knex, definitionId, new Date('2026-03-08T23:00:00Z'), new Date('2026-03-15T23:00:00Z'));
    expect(heat.find((h) => h.elementId === 'answer')).to.include({ completed: 5, waiting: 4 });
  });
});
