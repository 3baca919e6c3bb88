import { expect } from 'chai';
import { instancesBehind, processReport, tasksBehind, taskElementReport, peopleReport, type ReportPeriod } from '../../../db/index.js';
import { createTestEngine, type TestEngine } from '../../engine/support/engineHarness.js';
import { buildKnownHistory } from './fixtures/knownHistory.js';

const period: ReportPeriod = { from: '2026-03-02', to: '2026-03-15', bucket: 'week', timeZone: 'Europe/Berlin' };
const page = { limit: 50, offset: 0 };
const keys = (result: { items: { businessKey: string | null }[] }) => result.items.map((i) => i.businessKey).sort();

describe('reports: the instances and tasks behind each figure (issue 13)', () => {
  let t: TestEngine;
  before(async () => {
    t = await createTestEngine({ directory: 'store' });
    await buildKnownHistory({ ...t, knex: t.db.knex });
  });
  after(() => t.destroy());

  it('should list exactly the instances a process figure counts', async () => {
    // given
    const report = await processReport(t.db.knex, { definitionKey: 'request' }, period, t.clock.now());
    const [week1, week2] = report.buckets;
    const behind = (figure: Parameters<typeof instancesBehind>[1]['figure'], from = report.from, to = report.to) => instancesBehind(t.db.knex, { definitionKey: 'request', figure, from, to, at: t.clock.now(), ...page });
    // when / then
    expect(keys(await behind('started', week1.from, week1.to))).to.deep.equal(['R1', 'R2', 'R3', 'R4', 'R5']);
    expect(keys(await behind('completed', week2.from, week2.to))).to.deep.equal(['R10', 'R6', 'R7', 'R8', 'R9']);
    expect(keys(await behind('breachedSla'))).to.deep.equal(['R3', 'R5', 'R6']);
    expect((await behind('withinSla')).total).to.equal(report.totals.withinSla);
    const open = await instancesBehind(t.db.knex, { definitionKey: 'request', figure: 'open', ageBand: 0, at: t.clock.now(), ...page });
    expect(keys(open)).to.deep.equal(['O1', 'O2', 'O3', 'O4']);
    expect((await behind('completed', week1.from, week1.to)).items.find((i) => i.businessKey === 'R1')!.durationMs).to.equal(120 * 60_000);
    // the heat map's figures
    expect((await instancesBehind(t.db.knex, { definitionKey: 'request', figure: 'passedElement', elementId: 'answer', from: report.from, to: report.to, ...page })).total).to.equal(10);
    expect(keys(await instancesBehind(t.db.knex, { definitionKey: 'request', figure: 'atElement', elementId: 'answer', ...page }))).to.deep.equal(['O1', 'O2', 'O3', 'O4']);
  });

  it('should list exactly the tasks an element, person or group figure counts', async () => {
    // given
    const report = await processReport(t.db.knex, { definitionKey: 'request' }, period, t.clock.now());
    const behind = (q: Partial<Parameters<typeof tasksBehind>[1]>) => tasksBehind(t.db.knex, { figure: 'completed', from: report.from, to: report.to, now: t.clock.now(), ...page, ...q });
    // when / then
    const [answer] = (await taskElementReport(t.db.knex, { definitionKey: 'request' }, period, t.clock.now())).filter((r) => r.elementId === 'answer');
    expect((await behind({ definitionKey: 'request', elementId: 'answer' })).total).to.equal(answer.completed);
    expect(keys(await behind({ definitionKey: 'request', elementId: 'answer', figure: 'late' }))).to.deep.equal(['R3', 'R5', 'R6']);
    expect((await behind({ definitionKey: 'request', elementId: 'answer', figure: 'onTime' })).total).to.equal(answer.onTime);
    expect(keys(await behind({ elementId: 'answer', figure: 'overdue' }))).to.deep.equal(['O1']);
    const ann = (await peopleReport(t.db.knex, period, t.clock.now())).find((p) => p.userId === 'ann')!;
    expect(keys(await behind({ userId: 'ann' }))).to.deep.equal(['R1', 'R2', 'R4', 'R7']);
    expect((await behind({ userId: 'ann', figure: 'open' })).total).to.equal(ann.open);
    expect(keys(await behind({ group: 'specialists', figure: 'open' }))).to.deep.equal(['O1', 'O2', 'O3', 'O4']);
    const [late] = (await behind({ userId: 'ben', figure: 'late' })).items;
    expect(late).to.include({ businessKey: 'R3', onTime: false, workingMs: 400 * 60_000, waitingMs: 120 * 60_000, handlingMs: 400 * 60_000 });
  });
});
