import { expect } from 'chai';
import { createKnex, resolveDatabase } from '../../db/connection.js';
import { createTestDb, type TestDb } from '../setup/testDb.js';

describe('database connections', () => {
  it('should use DATABASE_URL when it is set, and start nothing', async () => {
    // when
    const db = await resolveDatabase({ env: { DATABASE_URL: 'postgres://u:p@db.example:5432/lifeline' } });
    // then
    expect(db).to.include({ connectionString: 'postgres://u:p@db.example:5432/lifeline', embedded: false });
    await db.stop();
  });

  describe('with a schema', () => {
    let db: TestDb;
    beforeEach(async () => {
      db = await createTestDb();
    });
    afterEach(() => db.destroy());

    it('should run every query of a knex in its schema, and return counts and dates as numbers and Dates', async () => {
      // given
      const knex = createKnex(db.connectionString, { schema: db.schema });
      try {
        // when
        const { rows } = await knex.raw('select current_schema() as schema, count(*) as n, now() as at from process_instances');
        // then
        expect(rows[0].schema).to.equal(db.schema);
        expect(rows[0].n).to.equal(0);
        expect(rows[0].at).to.be.instanceOf(Date);
      } finally {
        await knex.destroy();
      }
    });
  });
});
