import { expect } from 'chai';
import { emptyEffects, type DefinitionRecord, type InstanceRecord } from '../../engine/index.js';
import { StepWrites } from '../../db/raw/StepWrites.js';
import { at, incident, instance, storeDefinition, task, timer, MINUTE } from './fixtures/records.js';
import { createTestDb, type TestDb } from '../setup/testDb.js';

type PlanNode = { 'Node Type': string; 'Relation Name'?: string; Plans?: PlanNode[] };

/** Every table a plan reads by a sequential scan. */
function scannedTables(node: PlanNode, found = new Set<string>()): Set<string> {
  if (node['Node Type'] === 'Seq Scan' && node['Relation Name']) found.add(node['Relation Name']);
  for (const child of node.Plans ?? []) scannedTables(child, found);
  return found;
}

describe('the step write statement', () => {
  let db: TestDb;
  let def: DefinitionRecord;
  beforeEach(async () => {
    db = await createTestDb();
    def = await storeDefinition(db.store);
  });
  afterEach(() => db.destroy());

  it('should find the rows it updates by their ids, not by scanning the tables, however many rows they hold', async () => {
    // given 4,000 instances, each with an open task, a scheduled timer and an open incident, and fresh statistics
    const instances: InstanceRecord[] = Array.from({ length: 4_000 }, () => instance(def));
    const tasks = instances.map((i) => task({ instanceId: i.id, definitionKey: def.key }));
    const timers = instances.map((i) => timer(def.id, { instanceId: i.id }));
    const incidents = instances.map((i) => incident({ instanceId: i.id }));
    await db.store.transaction(async (tx) => {
      await tx.insertInstances(instances);
      await tx.applyEffects({ ...emptyEffects(), tasks, timers, incidents });
    });
    await db.knex.raw('analyze');
    // when one step's writes complete a task, fire a timer, resolve an incident and save its instance
    const writes = new StepWrites();
    writes.updateInstance({ ...instances[7], state: 'completed', updatedAt: at(MINUTE) });
    writes.completeTask(tasks[7].id, instances[7].id, at(MINUTE), 'ann');
    writes.fireTimers([timers[7].id], at(MINUTE));
    writes.addEffects({ ...emptyEffects(), resolveIncidents: [incidents[7].id] });
    const [statement] = [...writes.take()];
    const connection = await db.knex.client.acquireConnection();
    let plan: PlanNode;
    try {
      const { rows } = await connection.query(`explain (format json) ${statement.text}`, statement.values);
      plan = rows[0]['QUERY PLAN'][0].Plan;
    } finally {
      await db.knex.client.releaseConnection(connection);
    }
    // then none of the tables it updates is read from end to end
    expect([...scannedTables(plan)]).to.deep.equal([]);
  });
});
