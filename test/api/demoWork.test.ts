import { expect } from 'chai';
import { seedDemoWork } from '../../api/demoWork.js';
import { lifecycleEngine } from '../features/processes.js';
import type { TestEngine } from '../engine/support/engineHarness.js';

describe('demo work for npm start', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await lifecycleEngine('2026-11-25T09:00:00Z');
  });
  afterEach(() => t.destroy());

  it('should start customer requests, a renewal and a campaign on an empty database, with a request already claimed by Erin Employee', async () => {
    // when
    const started = await seedDemoWork(t.engine, t.clock.now());
    await t.engine.fireDueTimers(); // as the server's sweep does: the renewal call is due (its service ends in 20 days)
    // then: every shipped process has running instances, keyed by their customer or event
    expect(started).to.equal(6);
    const instances = (await t.engine.listInstances({ state: 'active' })).items;
    expect(instances.map((i) => `${i.definitionKey}:${i.businessKey}`).sort()).to.include.members([
      'support-escalation:ACME-1001', 'support-escalation:GLOBEX-2002', 'support-escalation:INITECH-3003', 'support-escalation:HOOLI-4004',
      'renewal-reminder:UMBRELLA-77', 'campaign-invitation:customer-day',
    ]);
    expect(instances.filter((i) => i.definitionKey === 'campaign-invitee')).to.have.length(3);
    // and Erin has the ACME request, the other requests wait for first line to claim them, the renewal call is hers too
    const erins = (await t.engine.listTasks({ assignee: 'employee', state: 'created' })).items;
    expect(erins.map((task) => task.businessKey).sort()).to.deep.equal(['ACME-1001', 'UMBRELLA-77']);
    const open = (await t.engine.listTasks({ definitionKey: 'support-escalation', state: 'created' })).items;
    expect(open.filter((task) => !task.assignee).map((task) => task.businessKey).sort()).to.deep.equal(['GLOBEX-2002', 'HOOLI-4004', 'INITECH-3003']);
    // and nothing is overdue on the first day (the campaign's preparation is due weeks ahead)
    expect((await t.engine.listTasks({ state: 'created', dueBefore: t.clock.now() })).items.map((task) => task.name)).to.deep.equal([]);
  });

  it('should start nothing when any instance exists, so a restart adds no second day of demo work', async () => {
    // given
    await seedDemoWork(t.engine, t.clock.now());
    const before = (await t.engine.listInstances({})).total;
    // when
    const started = await seedDemoWork(t.engine, t.clock.now());
    // then
    expect(started).to.equal(0);
    expect((await t.engine.listInstances({})).total).to.equal(before);
  });
});
