import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import { migrate, MIGRATIONS_DIRECTORY } from '../../db/migrate.js';
import { createTestDb, type TestDb } from '../setup/testDb.js';

describe('migrations', () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb();
  });
  afterEach(() => db.destroy());

  it('should run every file of db/migrations, in file-name order', async () => {
    // given: a schema migrated by createTestDb
    const files = readdirSync(MIGRATIONS_DIRECTORY).filter((f) => f.endsWith('.ts')).sort();
    // when
    const ran = await db.knex('knex_migrations').orderBy('id').pluck('name');
    // then
    expect(ran).to.deep.equal(files);
    expect(files[0]).to.equal('001_engine.ts');
  });

  it('should treat running the migrations again as harmless', async () => {
    // when
    const applied = await migrate(db.knex, db.schema);
    // then
    expect(applied).to.deep.equal([]);
    expect(await db.knex.schema.hasTable('process_instances')).to.equal(true);
  });

  it('should let two processes migrate one fresh schema at the same time', async () => {
    // given: a second, empty schema
    const schema = `${db.schema}_b`;
    const { createKnex } = await import('../../db/connection.js');
    const one = createKnex(db.connectionString, { schema });
    const two = createKnex(db.connectionString, { schema });
    try {
      // when
      const [a, b] = await Promise.all([migrate(one, schema), migrate(two, schema)]);
      // then: all migrations ran exactly once between them
      expect([...a, ...b].sort()).to.deep.equal(readdirSync(MIGRATIONS_DIRECTORY).filter((f) => f.endsWith('.ts')).sort());
    } finally {
      await one.raw('drop schema if exists ?? cascade', [schema]);
      await one.destroy();
      await two.destroy();
    }
  });

  it('should key the rows an instance owns by instance id first, so the schema can be sharded by instance', async () => {
    // when
    const { rows } = await db.knex.raw(
      `select c.relname as table, array_agg(a.attname order by k.ord)::text[] as columns
         from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
         cross join unnest(i.indkey) with ordinality as k(attnum, ord)
         join pg_attribute a on a.attrelid = c.oid and a.attnum = k.attnum
        where i.indisprimary and n.nspname = ? group by c.relname`,
      [db.schema],
    );
    const keys = Object.fromEntries(rows.map((r: { table: string; columns: string[] }) => [r.table, r.columns]));
    // then
    expect(keys.process_instances).to.deep.equal(['id']);
    for (const table of ['user_tasks', 'jobs', 'incidents']) expect(keys[table], table).to.deep.equal(['instance_id', 'id']);
    expect(keys.history_events).to.deep.equal(['instance_id', 'seq']);
    expect(keys.instance_outbox).to.deep.equal(['instance_id', 'id']);
  });
});
