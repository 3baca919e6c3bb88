import { expect } from 'chai';
import { processReport, processSummary, type ReportPeriod } from '../../../db/index.js';
import { countStatements } from '../../setup/countStatements.js';
import { createTestEngine, type TestEngine } from '../../engine/support/engineHarness.js';
import { buildKnownHistory, MIN } from './fixtures/knownHistory.js';

const weeks = (timeZone: string): ReportPeriod => ({ from: '2026-03-02', to: '2026-03-15', bucket: 'week', timeZone });

describe('reports: per process over a period (issue 13)', () => {
  let t: TestEngine;
  let definitionId: string;
  // the tests only read: one history for all of them
  before(async () => {
    t = await createTestEngine({ directory: 'store' });
    ({ definitionId } = await buildKnownHistory({ ...t, knex: t.db.knex }));
  });
  after(() => t.destroy());

  it('should count starts and ends, the median and p90 duration and the share within SLA of ten requests, three answered late', async () => {
    // when
    const report = await processReport(t.db.knex, { definitionKey: 'request' }, weeks('Europe/Berlin'), t.clock.now());
    // then: durations 70,120,160,165,210,270,360,580,580,600 minutes
    expect(report.totals).to.deep.equal({
      started: 14, completed: 10, cancelled: 0, terminated: 0,
      durationMedianMs: 240 * MIN, durationP90Ms: 582 * MIN,
      slaJudged: 10, withinSla: 7, withinSlaRate: 0.7,
    });
    expect(report.from.toISOString()).to.equal('2026-03-01T23:00:00.000Z');
    expect(report.to.toISOString()).to.equal('2026-03-15T23:00:00.000Z');
  });

  it('should put each instance in the week of the chosen time zone: Sunday 23:30 UTC is Monday in Berlin', async () => {
    // when
    const berlin = await processReport(t.db.knex, { definitionKey: 'request' }, weeks('Europe/Berlin'), t.clock.now());
    const utc = await processReport(t.db.knex, { definitionKey: 'request' }, weeks('UTC'), t.clock.now());
    // then
    expect(berlin.buckets.map((b) => [b.start, b.from.toISOString(), b.to.toISOString(), b.started, b.completed])).to.deep.equal([
      ['2026-03-02', '2026-03-01T23:00:00.000Z', '2026-03-08T23:00:00.000Z', 5, 5],
      ['2026-03-09', '2026-03-08T23:00:00.000Z', '2026-03-15T23:00:00.000Z', 9, 5],
    ]);
    expect(utc.buckets.map((b) => [b.start, b.started, b.completed])).to.deep.equal([['2026-03-02', 6, 5], ['2026-03-09', 8, 5]]);
    const [first, second] = berlin.buckets;
    expect(first).to.include({ durationMedianMs: 210 * MIN, durationP90Ms: 592 * MIN, slaJudged: 5, withinSla: 3, withinSlaRate: 0.6 });
    expect(second).to.include({ durationMedianMs: 270 * MIN, durationP90Ms: 492 * MIN, slaJudged: 5, withinSla: 4, withinSlaRate: 0.8 });
  });

  it('should cut day buckets at local midnight, 23 hours on the day clocks go forward', async () => {
    // when
    const report = await processReport(t.db.knex, { definitionKey: 'request' }, { from: '2026-03-28', to: '2026-03-30', bucket: 'day', timeZone: 'Europe/Berlin' }, t.clock.now());
    // then
    expect(report.buckets.map((b) => [b.start, b.from.toISOString(), (b.to.getTime() - b.from.getTime()) / 3_600_000])).to.deep.equal([
      ['2026-03-28', '2026-03-27T23:00:00.000Z', 24],
      ['2026-03-29', '2026-03-28T23:00:00.000Z', 23],
      ['2026-03-30', '2026-03-29T22:00:00.000Z', 24],
    ]);
  });

  it('should clip month buckets to the period and keep empty ones', async () => {
    // when
    const report = await processReport(t.db.knex, { definitionKey: 'request' }, { from: '2026-02-15', to: '2026-04-10', bucket: 'month', timeZone: 'Europe/Berlin' }, t.clock.now());
    // then
    expect(report.buckets.map((b) => [b.start, b.from.toISOString(), b.to.toISOString(), b.started, b.completed])).to.deep.equal([
      ['2026-02-01', '2026-02-14T23:00:00.000Z', '2026-02-28T23:00:00.000Z', 0, 0],
      ['2026-03-01', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z', 14, 10],
      ['2026-04-01', '2026-03-31T22:00:00.000Z', '2026-04-10T22:00:00.000Z', 0, 0],
    ]);
    expect(report.buckets[0].durationMedianMs).to.equal(null);
  });

  it('should age the open instances at now, and narrow to one version', async () => {
    // when
    const report = await processReport(t.db.knex, { definitionKey: 'request', definitionId }, weeks('Europe/Berlin'), t.clock.now());
    const other = await processReport(t.db.knex, { definitionKey: 'request', definitionId: '00000000-0000-4000-8000-000000000000' }, weeks('Europe/Berlin'), t.clock.now());
    // then: O1–O4 started 9 to 6 hours before now
    expect(report.openByAge.map((band) => [band.label, band.count])).to.deep.equal([['under 1 day', 4], ['1–3 days', 0], ['3–7 days', 0], ['1–4 weeks', 0], ['over 4 weeks', 0]]);
    expect(report.totals.started).to.equal(14);
    expect(other.totals.started).to.equal(0);
  });

  it('should answer in two SQL statements (figures, ages)', async () => {
    // when
    const statements = await countStatements(t.db.knex, () => processReport(t.db.knex, { definitionKey: 'request' }, weeks('Europe/Berlin'), t.clock.now()));
    // then
    expect(statements).to.have.length(2);
  });
});

describe('reports: every process in one table (issue 13)', () => {
  let t: TestEngine;
  before(async () => {
    t = await createTestEngine({ directory: 'store' });
    await buildKnownHistory({ ...t, knex: t.db.knex });
  });
  after(() => t.destroy());

  it('should give each process key the same totals as its own report, and its open instances', async () => {
    // when
    const [row] = await processSummary(t.db.knex, weeks('Europe/Berlin'));
    const own = await processReport(t.db.knex, { definitionKey: 'request' }, weeks('Europe/Berlin'), t.clock.now());
    // then
    expect(row).to.deep.include({ definitionKey: 'request', name: 'Support request', open: 4, ...own.totals });
    expect(row.versions.map((v) => v.version)).to.deep.equal([1]);
  });
});
