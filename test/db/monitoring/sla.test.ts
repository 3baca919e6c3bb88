import { expect } from 'chai';
import { definitionCounts, listInstanceRows, type InstanceListFilter } from '../../../db/index.js';
import { countStatements } from '../../setup/countStatements.js';
import { createTestEngine, fixture, HOUR, type TestEngine } from '../../engine/support/engineHarness.js';
import { deployOrder } from './fixtures/support.js';

const MINUTE = 60_000;

describe('monitoring: instances holding a task at risk or past its SLA (issue 7)', () => {
  let t: TestEngine;
  const counts = async (key: string) => (await definitionCounts(t.db.knex, { now: t.clock.now(), stuckBefore: new Date(0) })).find((d) => d.key === key)!;
  const keys = async (filter: Partial<InstanceListFilter>) => (await listInstanceRows(t.db.knex, { limit: 50, offset: 0, ...filter }, t.clock.now())).items.map((i) => i.businessKey);
  /** Starts one instance a minute after the previous one, so the list's order is known. */
  const start = async (key: string, businessKey: string) => {
    t.clock.advance(MINUTE);
    return t.start(key, {}, businessKey);
  };

  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'sla-callback.bpmn'));
    await deployOrder(t);
    // given (the callback's SLA: at risk after 2 hours, breached after 4):
    // LATE and DONE-LATE start, and an order whose review is due in an hour; CANCELLED is cancelled at once
    await start('callback', 'LATE');
    const doneLate = await start('callback', 'DONE-LATE');
    await start('order', 'ORDER-LATE');
    await t.engine.cancelInstance((await start('callback', 'CANCELLED')).id);
    // three hours on RISKY starts; DONE-LATE is done after four and a half, past its SLA
    t.clock.advance(3 * HOUR);
    await start('callback', 'RISKY');
    t.clock.advance(90 * MINUTE);
    await t.completeTask(doneLate.id, 'call');
    // an hour on (RISKY 2.5 hours old, LATE 5.5 hours) FRESH starts
    t.clock.advance(HOUR);
    await start('callback', 'FRESH');
  });
  afterEach(() => t.destroy());

  it('should count running instances with an open task at risk and with one breached, judged as the task list judges', async () => {
    // when
    const callback = await counts('callback');
    const order = await counts('order');
    // then: finished and cancelled tasks count no more, whatever they were
    expect(callback).to.include({ running: 3, completed: 1, cancelled: 1, slaAtRisk: 1, slaBreached: 1 });
    // a task without an SLA is breached once past its due date
    expect(order).to.include({ running: 1, withOverdueTasks: 1, slaAtRisk: 0, slaBreached: 1 });
    const atRisk = await t.engine.listTasks({ state: 'created', slaState: 'at_risk', now: t.clock.now() });
    const breached = await t.engine.listTasks({ state: 'created', slaState: 'breached', now: t.clock.now() });
    expect(atRisk.items.map((task) => task.businessKey)).to.deep.equal(['RISKY']);
    expect(breached.items.map((task) => task.businessKey).sort()).to.deep.equal(['LATE', 'ORDER-LATE']);
  });

  it('should move an instance from at risk to breached as time passes, in the counts and in the list', async () => {
    // given: RISKY is breached 1.5 hours on; FRESH is at risk from 2 hours on
    t.clock.advance(2 * HOUR);
    // when
    const callback = await counts('callback');
    // then
    expect(callback).to.include({ slaAtRisk: 1, slaBreached: 2 });
    expect(await keys({ sla: 'at_risk' })).to.deep.equal(['FRESH']);
    expect(await keys({ sla: 'breached' })).to.deep.equal(['RISKY', 'ORDER-LATE', 'LATE']);
  });

  it('should list exactly the instances each SLA count counts, combined with the other filters', async () => {
    // when / then
    expect(await keys({ sla: 'at_risk' })).to.deep.equal(['RISKY']);
    expect(await keys({ sla: 'breached' })).to.deep.equal(['ORDER-LATE', 'LATE']);
    expect(await keys({ sla: 'breached', definitionKey: 'callback', state: 'active' })).to.deep.equal(['LATE']);
    expect(await keys({ sla: 'at_risk', withOverdueTasks: true })).to.deep.equal([]);
  });

  it('should still answer the overview in one SQL statement', async () => {
    // when
    const statements = await countStatements(t.db.knex, () => definitionCounts(t.db.knex, { now: t.clock.now(), stuckBefore: new Date(0) }));
    // then
    expect(statements, statements.join('\n')).to.have.length(1);
  });
});
