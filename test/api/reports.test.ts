import { expect } from 'chai';
import { startTestApi, type Caller, type TestApi } from './support/apiHarness.js';
import { buildKnownHistory, MIN } from '../db/reports/fixtures/knownHistory.js';

describe('API: reports for managers (issue 13)', () => {
  let api: TestApi;
  let manager: Caller;
  let definitionId: string;
  let instances: Record<string, string>;
  beforeEach(async () => {
    api = await startTestApi();
    ({ definitionId, instances } = await buildKnownHistory({ engine: api.engine, clock: api.clock, knex: api.db.knex }));
    manager = await api.as('manager');
  });
  afterEach(() => api.close());

  const period = 'from=2026-03-02&to=2026-03-15&bucket=week&timeZone=Europe/Berlin';

  it('should report a process in weekly buckets of the chosen zone, with the instances behind a bucket', async () => {
    // when
    const report = await manager.get(`/api/reports/processes/request?${period}`);
    // then
    expect(report.status).to.equal(200);
    expect(report.body.period).to.deep.equal({ from: '2026-03-02', to: '2026-03-15', bucket: 'week', timeZone: 'Europe/Berlin' });
    expect(report.body.definition).to.deep.include({ key: 'request', name: 'Support request', versions: [{ id: definitionId, version: 1 }] });
    expect(report.body.totals).to.deep.include({ started: 14, completed: 10, durationMedianMs: 240 * MIN, withinSla: 7, withinSlaRate: 0.7 });
    expect(report.body.buckets.map((b: { start: string; started: number }) => [b.start, b.started])).to.deep.equal([['2026-03-02', 5], ['2026-03-09', 9]]);
    expect(report.body.openByAge[0]).to.deep.include({ band: 0, label: 'under 1 day', count: 4 });
    const [week1] = report.body.buckets;
    const behind = await manager.get(`/api/reports/instances?definitionKey=request&figure=completed&from=${week1.from}&to=${week1.to}`);
    expect(behind.status).to.equal(200);
    expect(behind.body.total).to.equal(week1.completed);
    expect(behind.body.items.map((i: { businessKey: string }) => i.businessKey).sort()).to.deep.equal(['R1', 'R2', 'R3', 'R4', 'R5']);
    const open = await manager.get(`/api/reports/instances?definitionKey=request&figure=open&ageBand=0&at=${report.body.now}`);
    expect(open.body.total).to.equal(4);
  });

  it('should default to the last four weeks up to today in weeks, in the default business calendar\'s zone', async () => {
    // when
    const report = await manager.get('/api/reports/processes');
    // then: today is 14 March 2026 in Berlin
    expect(report.body.period).to.deep.equal({ from: '2026-02-15', to: '2026-03-14', bucket: 'week', timeZone: 'Europe/Berlin' });
    const request = report.body.items.find((r: { definitionKey: string }) => r.definitionKey === 'request');
    expect(request).to.deep.include({ name: 'Support request', started: 14, completed: 10, open: 4, withinSla: 7 });
    expect(report.body.items.some((r: { definitionKey: string }) => r.definitionKey === 'support-escalation')).to.equal(true);
  });

  it('should report task elements with the previous period, people and groups, and the tasks behind them', async () => {
    // when
    const elements = await manager.get('/api/reports/processes/request/tasks?from=2026-03-09&to=2026-03-15&bucket=day&timeZone=Europe/Berlin');
    const people = await manager.get(`/api/reports/people?${period}&group=specialists`);
    // then
    expect(elements.status).to.equal(200);
    expect(elements.body.previousFrom).to.equal('2026-03-01T23:00:00.000Z');
    const answer = elements.body.items.find((r: { elementId: string }) => r.elementId === 'answer');
    expect(answer).to.deep.include({ completed: 5, onTimeRate: 0.8, workingMedianMs: 100 * MIN });
    expect(answer.previous).to.deep.include({ completed: 5, onTimeRate: 0.6, workingMedianMs: 120 * MIN });
    expect(people.body.people.map((p: { userId: string; completed: number; open: number }) => [p.userId, p.completed, p.open])).to.deep.equal([['ann', 4, 2], ['ben', 2, 1], ['cat', 2, 1], ['dan', 2, 0]]);
    expect(people.body.groups).to.have.length(1);
    expect(people.body.groups[0]).to.deep.include({ groupId: 'specialists', completed: 10, open: 4, overdue: 1 });
    const late = await manager.get(`/api/reports/tasks?definitionKey=request&elementId=answer&figure=late&from=${people.body.from}&to=${people.body.to}`);
    expect(late.body.items.map((t: { businessKey: string }) => t.businessKey).sort()).to.deep.equal(['R3', 'R5', 'R6']);
  });

  it('should show the workload and reassign three tasks to the least loaded colleagues at once', async () => {
    // given: Ann gets a third open task
    const extra = await api.engine.startInstance({ definitionKey: 'request', businessKey: 'O5' });
    const [register] = (await api.engine.listTasks({ instanceId: extra.id, state: 'created' })).items;
    await api.engine.completeTask(register.id, {}, 'erin');
    const [answer] = (await api.engine.listTasks({ instanceId: extra.id, state: 'created' })).items;
    await api.engine.claimTask(answer.id, 'ann');
    const before = await manager.get('/api/reports/workload?group=specialists');
    expect(before.body.people.map((p: { userId: string; open: number }) => [p.userId, p.open])).to.deep.equal([['ann', 3], ['ben', 1], ['cat', 1], ['dan', 0]]);
    const annTasks = before.body.people[0].tasks.map((t: { id: string }) => t.id);
    // when
    const moved = await manager.post('/api/reports/workload/reassign', { taskIds: annTasks, to: { leastLoadedIn: 'specialists' } });
    // then
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200);
    expect(moved.body.moves.map((m: { to: string }) => m.to)).to.deep.equal(['dan', 'ben', 'cat']);
    const after = await manager.get('/api/reports/workload?group=specialists');
    expect(after.body.people.map((p: { userId: string; open: number }) => [p.userId, p.open])).to.deep.equal([['ben', 2], ['cat', 2], ['dan', 1], ['ann', 0]]);
    expect(before.body.groups.map((g: { id: string }) => g.id)).to.include('specialists');
  });

  it('should draw the heat map figures of a version and refuse what makes no sense, naming it', async () => {
    const heat = await manager.get(`/api/reports/heat-map/${definitionId}?${period}`);
    expect(heat.status).to.equal(200);
    expect(heat.body.elements.find((e: { elementId: string }) => e.elementId === 'answer')).to.deep.equal({ elementId: 'answer', completed: 10, durationMedianMs: 210 * MIN, durationP90Ms: 542 * MIN, waiting: 4 });
    const zone = await manager.get('/api/reports/processes/request?timeZone=Mars/Olympus');
    expect(zone.status).to.equal(400);
    expect(JSON.stringify(zone.body)).to.contain('timeZone');
    const order = await manager.get('/api/reports/processes/request?from=2026-03-10&to=2026-03-01');
    expect(order.status).to.equal(400);
    expect(order.body.detail).to.contain('from (2026-03-10) is after to (2026-03-01)');
    const days = await manager.get('/api/reports/processes/request?from=2025-01-01&to=2026-03-01&bucket=day');
    expect(days.body.detail).to.contain('choose weeks or months');
    expect((await manager.get('/api/reports/processes/no-such-process')).status).to.equal(404);
    expect((await manager.get('/api/reports/instances?definitionKey=request&figure=completed')).status).to.equal(400);
    const unknown = await manager.post('/api/reports/workload/reassign', { taskIds: [(await api.engine.listTasks({ instanceId: instances.O1, state: 'created' })).items[0].id], to: { userId: 'nobody' } });
    expect(unknown.status).to.equal(400);
    expect(unknown.body.detail).to.contain("'nobody' is not a user");
  });
});
