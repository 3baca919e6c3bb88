import { expect } from 'chai';
import { taskElementReport } from '../../../db/index.js';
import { createTestEngine, type TestEngine } from '../../engine/support/engineHarness.js';
import { buildKnownHistory, MIN } from './fixtures/knownHistory.js';

describe('reports: per user task element (issue 13)', () => {
  let t: TestEngine;
  before(async () => {
    t = await createTestEngine({ directory: 'store' });
    await buildKnownHistory({ ...t, knex: t.db.knex });
  });
  after(() => t.destroy());

  it('should give waiting before claim and working time (median, p90), the on-time rate and open and overdue tasks of each element', async () => {
    // when
    const rows = await taskElementReport(t.db.knex, { definitionKey: 'request' }, { from: '2026-03-02', to: '2026-03-15', bucket: 'week', timeZone: 'Europe/Berlin' }, t.clock.now());
    // then: answers waited 15,20,30,45,60,90,120,200,300,500 and took 45,60,60,90,100,100,120,150,240,400 minutes
    const answer = rows.find((r) => r.elementId === 'answer')!;
    expect(answer).to.deep.include({
      name: 'Answer request', completed: 10, open: 4, overdue: 1,
      waitingMedianMs: 75 * MIN, waitingP90Ms: 320 * MIN, workingMedianMs: 100 * MIN, workingP90Ms: 256 * MIN,
      judged: 10, onTime: 7, onTimeRate: 0.7,
    });
    const register = rows.find((r) => r.elementId === 'register')!;
    expect(register).to.deep.include({ name: 'Register request', completed: 14, open: 0, overdue: 0, judged: 0, onTime: 0, onTimeRate: null });
    expect(rows.map((r) => r.elementId)).to.deep.equal(['answer', 'register']);
  });

  it('should compare with the period before for the trend', async () => {
    // when: the week of 9 March against the week of 2 March (Berlin)
    const [answer] = (await taskElementReport(t.db.knex, { definitionKey: 'request' }, { from: '2026-03-09', to: '2026-03-15', bucket: 'day', timeZone: 'Europe/Berlin' }, t.clock.now())).filter((r) => r.elementId === 'answer');
    // then: R6 (answered Monday morning) to R10 now, R1 to R5 before
    expect(answer).to.deep.include({ completed: 5, waitingMedianMs: 90 * MIN, waitingP90Ms: 380 * MIN, workingMedianMs: 100 * MIN, workingP90Ms: 130 * MIN, onTime: 4, judged: 5, onTimeRate: 0.8 });
    expect(answer.previous).to.deep.equal({
      completed: 5, waitingMedianMs: 60 * MIN, waitingP90Ms: 228 * MIN, workingMedianMs: 120 * MIN, workingP90Ms: 336 * MIN, judged: 5, onTime: 3, onTimeRate: 0.6,
    });
  });

  it('should list nothing for a process without tasks', async () => {
    expect(await taskElementReport(t.db.knex, { definitionKey: 'nothing' }, { from: '2026-03-02', to: '2026-03-15', bucket: 'week', timeZone: 'UTC' }, t.clock.now())).to.deep.equal([]);
  });
});
