import { expect } from 'chai';
import { slaOf, type BusinessCalendarDefinition } from '../../../engine/index.js';
import { createTestEngine, elementsOf, fixture, HOUR, type TestEngine } from '../support/engineHarness.js';

const office: BusinessCalendarDefinition = { timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5], workingHours: { start: '09:00', end: '17:00' }, holidays: [] };

describe('SLA policies on user tasks', () => {
  let t: TestEngine;
  beforeEach(async () => {
    // Monday 2026-01-05 09:00 UTC
    t = await createTestEngine({ directory: 'store' });
    await t.addPeople([
      { id: 'head', groups: ['heads'] }, { id: 'erin', groups: ['support'], manager: 'boss' }, { id: 'boss' },
      { id: 'ann', groups: ['specialists'] }, { id: 'bob', groups: ['specialists'] },
    ]);
    await t.engine.saveCalendar({ name: 'office', definition: office, isDefault: true });
    await t.deploy(fixture(import.meta.url, 'sla-policy.bpmn'));
  });
  afterEach(() => t.destroy());

  const inbox = async (user: string) => (await t.engine.listNotifications({ userId: user })).items.map((n) => n.type);

  it('should set the SLA moments on the task in working time and show it on time, then at risk, then breached', async () => {
    // given a normal request at Monday 09:00: breach after two working days, at risk halfway (Monday's closing)
    const instance = await t.start('slaPolicy', { owner: 'erin', severity: 'normal' });
    const task = await t.task(instance.id, 'answer');
    expect(task.slaBreachAt!.toISOString()).to.equal('2026-01-07T09:00:00.000Z');
    expect(task.slaAtRiskAt!.toISOString()).to.equal('2026-01-05T17:00:00.000Z');
    expect(task.dueAt!.toISOString()).to.equal('2026-01-07T09:00:00.000Z');
    expect(slaOf(task, t.clock.now()).state).to.equal('on_time');
    // when the working day ends
    expect(await t.advance(8 * HOUR)).to.equal(1);
    // then it is at risk, and erin was warned
    expect(slaOf(await t.task(instance.id, 'answer'), t.clock.now()).state).to.equal('at_risk');
    expect((await t.engine.listTasks({ state: 'created', slaState: 'at_risk' })).items.map((x) => x.id)).to.deep.equal([task.id]);
    expect(await inbox('erin')).to.deep.equal(['sla.atRisk', 'task.assigned']);
  });

  it('should notify the group and the assignee\'s manager, reassign to the least-loaded specialist and raise a catchable escalation on breach', async () => {
    // given a critical request (one working day)
    const instance = await t.start('slaPolicy', { owner: 'erin', severity: 'critical' }, 'CUST-7');
    // when the working day passes
    t.clock.set('2026-01-06T09:00:00.000Z');
    await t.engine.fireDueTimers();
    // then
    const task = await t.task(instance.id, 'answer');
    expect(task.assignee).to.equal('ann');
    expect(task.candidateGroups).to.deep.equal(['specialists']);
    expect(slaOf(task, t.clock.now()).state).to.equal('breached');
    expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['answer', 'apologise']);
    expect(await inbox('head')).to.deep.equal(['sla.breached']);
    expect(await inbox('boss')).to.deep.equal(['sla.breached']);
    expect(await inbox('ann')).to.deep.equal(['task.assigned']);
    const [breach] = (await t.engine.listNotifications({ userId: 'head' })).items;
    expect(breach).to.include({ title: 'SLA breached: Answer the customer (CUST-7)', businessKey: 'CUST-7', taskId: task.id, emailState: 'pending' });
    const history = (await t.engine.history(instance.id)).map((h) => h.type);
    expect(history).to.include.members(['sla.breached', 'escalation.thrown', 'task.assigned']);
  });

  it('should do nothing once the task is done', async () => {
    const instance = await t.start('slaPolicy', { owner: 'erin', severity: 'critical' });
    await t.completeTask(instance.id, 'answer');
    t.clock.set('2026-01-07T09:00:00.000Z');
    expect(await t.engine.fireDueTimers()).to.equal(0);
    expect(await inbox('head')).to.deep.equal([]);
  });

  it('should sort tasks by SLA urgency and count them per state', async () => {
    const critical = await t.start('slaPolicy', { owner: 'erin', severity: 'critical' });
    const normal = await t.start('slaPolicy', { owner: 'erin', severity: 'normal' });
    t.clock.set('2026-01-05T13:30:00.000Z'); // critical at risk (half a working day), normal on time
    const sorted = (await t.engine.listTasks({ state: 'created', sort: 'sla' })).items.map((x) => x.instanceId);
    expect(sorted).to.deep.equal([critical.id, normal.id]);
    expect(await t.engine.slaCounts()).to.deep.equal({ slaPolicy: { on_time: 1, at_risk: 1, breached: 0 } });
  });
});
