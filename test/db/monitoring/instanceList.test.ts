import { expect } from 'chai';
import { listInstanceRows, type InstanceListFilter } from '../../../db/index.js';
import { countStatements } from '../../setup/countStatements.js';
import { createTestEngine, HOUR, type TestEngine } from '../../engine/support/engineHarness.js';
import { deployOrder, failCharge, runToEnd } from './fixtures/support.js';

describe('monitoring: the instance list', () => {
  let t: TestEngine;
  let v1: string;
  let v2: string;
  const list = (filter: Partial<InstanceListFilter> = {}) => listInstanceRows(t.db.knex, { limit: 50, offset: 0, ...filter }, t.clock.now());
  const keys = async (filter: Partial<InstanceListFilter> = {}) => (await list(filter)).items.map((i) => i.businessKey);

  beforeEach(async () => {
    t = await createTestEngine();
    [v1, v2] = await deployOrder(t, 2);
    // given: one instance a minute: ORD-1 done (v1), ORD-2 failing (v1), Ord-3 cancelled (v2), ord_4 idle (v2)
    const start = async (definitionId: string, businessKey: string) => {
      t.clock.advance(60_000);
      return t.engine.startInstance({ definitionId, businessKey });
    };
    await runToEnd(t, (await start(v1, 'ORD-1')).id);
    await failCharge(t, (await start(v1, 'ORD-2')).id);
    await t.engine.cancelInstance((await start(v2, 'Ord-3')).id);
    await start(v2, 'ord_4');
  });
  afterEach(() => t.destroy());

  it('should list the newest start first with definition name, open incidents and overdue tasks per row', async () => {
    // given
    t.clock.advance(2 * HOUR);
    // when
    const page = await list();
    // then
    expect(page.total).to.equal(4);
    expect(page.items.map((i) => i.businessKey)).to.deep.equal(['ord_4', 'Ord-3', 'ORD-2', 'ORD-1']);
    const failing = page.items[2];
    expect(failing).to.include({ definitionId: v1, definitionKey: 'order', definitionVersion: 1, definitionName: 'Order', state: 'active', openIncidents: 1, overdueTasks: 1 });
    expect(failing.activeElements.sort()).to.deep.equal(['charge', 'review']);
    expect(page.items[0]).to.include({ definitionName: 'Order v2', openIncidents: 0, overdueTasks: 1 });
    expect(page.items[3]).to.include({ state: 'completed', overdueTasks: 0 });
  });

  it('should filter by key, version, state, incidents, stuck and overdue tasks, each as the overview counts them', async () => {
    // given
    t.clock.advance(2 * HOUR);
    await t.completeTask((await list({ businessKey: 'ord_4' })).items[0].id, 'review');
    // when / then
    expect(await keys({ definitionKey: 'order' })).to.have.length(4);
    expect(await keys({ definitionId: v2 })).to.deep.equal(['ord_4', 'Ord-3']);
    expect(await keys({ state: 'active' })).to.deep.equal(['ord_4', 'ORD-2']);
    expect(await keys({ state: 'cancelled' })).to.deep.equal(['Ord-3']);
    expect(await keys({ withIncidents: true })).to.deep.equal(['ORD-2']);
    expect(await keys({ withIncidents: false, state: 'active' })).to.deep.equal(['ord_4']);
    expect(await keys({ stuckBefore: new Date(t.clock.now().getTime() - HOUR) })).to.deep.equal(['ORD-2']);
    expect(await keys({ withOverdueTasks: true })).to.deep.equal(['ORD-2']);
  });

  it('should find business keys by any part, in any case, taking % and _ literally', async () => {
    // when / then
    expect(await keys({ businessKey: 'ord' })).to.deep.equal(['ord_4', 'Ord-3', 'ORD-2', 'ORD-1']);
    expect(await keys({ businessKey: 'D-2' })).to.deep.equal(['ORD-2']);
    expect(await keys({ businessKey: '_' })).to.deep.equal(['ord_4']);
    expect(await keys({ businessKey: '%' })).to.deep.equal([]);
  });

  it('should filter by start time: from (inclusive) and before (exclusive)', async () => {
    // given: ORD-1 started at 09:01, ORD-2 at 09:02, Ord-3 at 09:03, ord_4 at 09:04
    const at = (minute: number) => new Date(`2026-01-05T09:0${minute}:00.000Z`);
    // when / then
    expect(await keys({ startedAfter: at(2), startedBefore: at(4) })).to.deep.equal(['Ord-3', 'ORD-2']);
  });

  it('should page with the total of the whole filter, also past the last page', async () => {
    // when
    const second = await list({ limit: 3, offset: 3 });
    const beyond = await list({ limit: 3, offset: 9 });
    // then
    expect(second.items.map((i) => i.businessKey)).to.deep.equal(['ORD-1']);
    expect(second.total).to.equal(4);
    expect(beyond).to.deep.equal({ items: [], total: 4 });
  });

  it('should answer a page in one SQL statement', async () => {
    // when
    const statements = await countStatements(t.db.knex, () => list({ state: 'active', withIncidents: true, businessKey: 'ORD' }));
    // then
    expect(statements, statements.join('\n')).to.have.length(1);
  });
});
