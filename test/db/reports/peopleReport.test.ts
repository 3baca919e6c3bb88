import { expect } from 'chai';
import { groupReport, peopleReport, type ReportPeriod } from '../../../db/index.js';
import { createTestEngine, type TestEngine } from '../../engine/support/engineHarness.js';
import { buildKnownHistory, MIN } from './fixtures/knownHistory.js';

const period: ReportPeriod = { from: '2026-03-02', to: '2026-03-15', bucket: 'week', timeZone: 'Europe/Berlin' };

describe('reports: per employee and per group (issue 13)', () => {
  let t: TestEngine;
  before(async () => {
    t = await createTestEngine({ directory: 'store' });
    await buildKnownHistory({ ...t, knex: t.db.knex });
  });
  after(() => t.destroy());

  it('should show the specialist with twice the load: completed, open, overdue, on-time rate and handling time per person', async () => {
    // when
    const people = await peopleReport(t.db.knex, period, t.clock.now());
    // then
    const row = (id: string) => people.find((p) => p.userId === id)!;
    expect(row('ann')).to.deep.include({ groups: ['specialists'], completed: 4, open: 2, overdue: 1, judged: 4, onTime: 4, onTimeRate: 1, handlingMedianMs: 75 * MIN, handlingP90Ms: 111 * MIN });
    expect(row('ben')).to.deep.include({ completed: 2, open: 1, overdue: 0, judged: 2, onTime: 1, onTimeRate: 0.5, handlingMedianMs: 275 * MIN, handlingP90Ms: 375 * MIN });
    expect(row('cat')).to.deep.include({ completed: 2, open: 1, overdue: 0, onTimeRate: 0.5, handlingMedianMs: 170 * MIN, handlingP90Ms: 226 * MIN });
    expect(row('dan')).to.deep.include({ completed: 2, open: 0, overdue: 0, onTimeRate: 0.5, handlingMedianMs: 80 * MIN, handlingP90Ms: 96 * MIN });
    // Erin registered all 14 requests; registrations have no deadline
    expect(row('erin')).to.deep.include({ completed: 14, open: 0, judged: 0, onTimeRate: null, handlingMedianMs: 10 * MIN, handlingP90Ms: 27 * MIN });
    expect(people.map((p) => p.userId)).to.deep.equal(['ann', 'ben', 'cat', 'dan', 'erin']);
  });

  it('should narrow people to a group and to a process', async () => {
    // when
    const specialists = await peopleReport(t.db.knex, period, t.clock.now(), { group: 'specialists' });
    const elsewhere = await peopleReport(t.db.knex, period, t.clock.now(), { definitionKey: 'other-process' });
    // then
    expect(specialists.map((p) => p.userId)).to.deep.equal(['ann', 'ben', 'cat', 'dan']);
    expect(elsewhere.every((p) => p.completed === 0 && p.open === 0)).to.equal(true);
  });
});

describe('reports: per group (issue 13)', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine({ directory: 'store' });
    await buildKnownHistory({ ...t, knex: t.db.knex });
  });
  afterEach(() => t.destroy());

  it('should sum a group over its members: handling median over all their tasks, open, overdue and queued work', async () => {
    // given: at NOW one more request is registered and its answer waits unclaimed in the specialists' queue; 9 hours later every open answer is past its 8 hours
    const queued = await t.start('request', {}, 'Q1');
    const register = await t.task(queued.id, 'register');
    await t.engine.claimTask(register.id, 'erin');
    await t.engine.completeTask(register.id, {}, 'erin');
    t.clock.advance(9 * 60 * MIN);
    // when
    const groups = await groupReport(t.db.knex, period, t.clock.now());
    // then
    const specialists = groups.find((g) => g.groupId === 'specialists')!;
    expect(specialists).to.deep.include({ members: 4, completed: 10, open: 4, queued: 1, overdue: 5, judged: 10, onTime: 7, onTimeRate: 0.7, handlingMedianMs: 100 * MIN, handlingP90Ms: 256 * MIN });
    const firstLine = groups.find((g) => g.groupId === 'first-line')!;
    expect(firstLine).to.deep.include({ members: 1, completed: 15, open: 0, queued: 0, overdue: 0, judged: 0, onTimeRate: null });
    expect(groups.map((g) => g.groupId)).to.deep.equal(['first-line', 'specialists']);
  });
});
