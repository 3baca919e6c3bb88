import { expect } from 'chai';
import { backfillReports } from '../../../db/migrations/060_reports.js';
import { createTestEngine, type TestEngine } from '../../engine/support/engineHarness.js';
import { buildKnownHistory } from '../reports/fixtures/knownHistory.js';

describe('migration 060: the reports\' tables filled from history written before it (issue 13)', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine({ directory: 'store' });
  });
  afterEach(() => t.destroy());

  const snapshot = async () => ({
    spans: await t.db.knex('element_spans').orderBy(['instance_id', 'activity_instance_id']),
    sla: await t.db.knex('instance_sla').orderBy('instance_id'),
    assignments: await t.db.knex('task_assignments').orderBy('task_id'),
  });

  it('should rebuild exactly what the triggers kept while the history was written', async () => {
    // given: the known history, kept by the triggers
    await buildKnownHistory({ ...t, knex: t.db.knex });
    const kept = await snapshot();
    expect(kept.spans.length).to.be.greaterThan(50);
    expect(kept.sla.filter((row) => row.late)).to.have.length(3);
    expect(kept.assignments).to.have.length(28);
    // when: the tables are emptied and filled from the history, as the migration does for older rows
    await t.db.knex('element_spans').delete();
    await t.db.knex('instance_sla').delete();
    await t.db.knex('task_assignments').delete();
    await backfillReports(t.db.knex);
    // then
    expect(await snapshot()).to.deep.equal(kept);
  });
});
