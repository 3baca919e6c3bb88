import { expect } from 'chai';
import { ValidationError } from '../../../engine/index.js';
import { createTestEngine, fixture, DAY, type TestEngine } from '../support/engineHarness.js';
import { rejectionOf } from '../../setup/rejection.js';

describe('fair assignment', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine({ directory: 'store' });
    await t.addPeople([
      { id: 'ann', groups: ['specialists'] }, { id: 'bob', groups: ['specialists'] }, { id: 'cy', groups: ['specialists'] },
      { id: 'erin', groups: ['support'] },
    ]);
    await t.deploy(fixture(import.meta.url, 'escalation-assignment.bpmn'));
  });
  afterEach(() => t.destroy());

  /** Gives `user` `n` open tasks that never escalate. */
  async function busy(user: string, n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      const other = await t.start('escalate', { owner: 'erin' });
      await t.completeTask(other.id, 'firstLine');
      await t.engine.assignTask((await t.task(other.id, 'rotate')).id, user);
    }
  }

  it('should give an escalation to the least-loaded specialist and record the loads it saw', async () => {
    // given ann has 3 open tasks, bob 1, cy 2
    await busy('ann', 3);
    await busy('bob', 1);
    await busy('cy', 2);
    const instance = await t.start('escalate', { owner: 'erin' });
    // when the first line does not answer within a day
    expect(await t.advance(DAY)).to.equal(1);
    // then bob, who had the fewest, gets it, and the history shows the loads the choice saw
    expect((await t.task(instance.id, 'specialist')).assignee).to.equal('bob');
    const history = (await t.engine.history(instance.id)).find((h) => h.type === 'task.assigned');
    expect(history?.data).to.deep.include({ strategy: 'leastLoaded', assignee: 'bob', loads: { ann: 3, bob: 1, cy: 2 } });
  });

  it('should spread twelve escalations firing at once across three specialists 4/4/4', async () => {
    // given twelve requests waiting at first line, owned by erin
    for (let i = 0; i < 12; i++) await t.start('escalate', { owner: 'erin' });
    t.clock.advance(DAY);
    const timers = (await t.engine.listInstances({ definitionKey: 'escalate', limit: 20 })).items;
    const due = (await Promise.all(timers.map((i) => t.engine.getInstance(i.id)))).flatMap((i) => i.timers.map((x) => x.id));
    expect(due).to.have.length(12);
    // when all their timers fire concurrently, from two engine processes
    const twin = t.twin();
    await Promise.all(due.map((id, i) => (i % 2 ? twin : t.engine).fireTimer(id)));
    // then
    const counts: Record<string, number> = {};
    for (const task of (await t.engine.listTasks({ state: 'created', elementId: 'specialist', limit: 100 })).items) counts[task.assignee!] = (counts[task.assignee!] ?? 0) + 1;
    expect(counts).to.deep.equal({ ann: 4, bob: 4, cy: 4 });
  });

  it('should rotate round-robin through the candidates', async () => {
    const assignees: string[] = [];
    for (let i = 0; i < 4; i++) {
      const instance = await t.start('escalate', { owner: 'erin' });
      await t.completeTask(instance.id, 'firstLine');
      assignees.push((await t.task(instance.id, 'rotate')).assignee!);
    }
    expect(assignees).to.deep.equal(['ann', 'bob', 'cy', 'ann']);
  });

  it('should raise an incident on the task element for an assignee who is not a user, and leave the task to its candidates', async () => {
    // when
    const instance = await t.start('escalate', { owner: 'nobody' });
    // then
    const task = await t.task(instance.id, 'firstLine');
    expect(task.assignee).to.equal(null);
    const [incident] = (await t.engine.listIncidents({ instanceId: instance.id, state: 'open' })).items;
    expect(incident).to.include({ type: 'unknown_assignee', elementId: 'firstLine', taskId: task.id });
    expect(incident.message).to.equal("firstLine: assignee 'nobody' is not a user; the task waits unassigned for group support until it is assigned (or the variable is fixed and the incident retried)");
    const erinSees = await t.engine.listTasks({ state: 'created', claimableBy: { userId: 'erin', groups: ['support'] } });
    expect(erinSees.items.map((x) => x.id)).to.include(task.id);
    // and retrying before the variable is fixed is a conflict; after it, the task is assigned
    expect((await rejectionOf(t.engine.retryIncident(incident.id))).message).to.contain("assignee 'nobody' is still not a user");
    await t.engine.setVariables(instance.id, { owner: 'erin' });
    await t.engine.retryIncident(incident.id, { actor: 'manager' });
    expect((await t.task(instance.id, 'firstLine')).assignee).to.equal('erin');
    expect((await t.engine.listIncidents({ instanceId: instance.id, state: 'open' })).total).to.equal(0);
  });

  it('should resolve the incident when a manager assigns the task, and refuse assigning to someone who is not a user', async () => {
    const instance = await t.start('escalate', { owner: 'nobody' });
    const task = await t.task(instance.id, 'firstLine');
    const refused = await rejectionOf(t.engine.assignTask(task.id, 'ghost', 'manager'));
    expect(refused).to.be.instanceOf(ValidationError);
    expect(refused.message).to.equal("'ghost' is not a user: a task can only be assigned to a user");
    await t.engine.assignTask(task.id, 'erin', 'manager');
    expect((await t.engine.listIncidents({ instanceId: instance.id, state: 'open' })).total).to.equal(0);
  });
});
