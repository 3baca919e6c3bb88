/**
 * A large history for the reports bench (issue 13): a few hundred support
 * requests run through the real engine on a controllable clock (the same
 * rows any live step writes: instances, tasks, history, and through the
 * triggers element spans and assignment moments), then copied in SQL with
 * new ids, shifted in time and handed to other people, until the history
 * holds the asked number of rows. Copies go through the same triggers as
 * live steps.
 */
import { readFile } from 'node:fs/promises';
import type { Knex } from 'knex';
import { ControllableClock, Engine, manualScheduler } from '../engine/index.js';
import type { PostgresStore } from '../db/PostgresStore.js';

const MINUTE = 60_000;
export const SPECIALISTS = Array.from({ length: 20 }, (_, n) => `s${String(n + 1).padStart(2, '0')}`);

/** A small deterministic PRNG (mulberry32), so every run builds the same history. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function addPeople(knex: Knex, now: Date): Promise<void> {
  await knex('groups').insert([{ id: 'first-line', name: 'First line' }, { id: 'specialists', name: 'Specialists' }]);
  const people = [...SPECIALISTS.map((id) => ({ id, group: 'specialists' })), ...['f1', 'f2', 'f3', 'f4'].map((id) => ({ id, group: 'first-line' }))];
  await knex('users').insert(people.map((p) => ({ id: p.id, display_name: `Person ${p.id}`, password_hash: 'bench', roles: ['employee'], created_at: now })));
  await knex('memberships').insert(people.map((p) => ({ user_id: p.id, group_id: p.group })));
}

/** Runs `n` requests through the engine; one in ten is left open with its answer claimed. */
async function seed(knex: Knex, store: PostgresStore, n: number): Promise<{ definitionId: string; end: Date }> {
  const clock = new ControllableClock('2025-01-06T08:00:00Z');
  const engine = new Engine({ store, clock, scheduler: manualScheduler, directory: 'store' });
  await addPeople(knex, clock.now());
  const xml = await readFile(new URL('../test/db/reports/fixtures/support-request.bpmn', import.meta.url), 'utf8');
  const definitionId = (await engine.deploy({ resources: [{ name: 'support-request.bpmn', xml }] })).definitions[0].id;
  const next = random(13);
  const minutes = (max: number) => Math.round(1 + next() * max) * MINUTE;
  const task = async (instanceId: string) => (await engine.listTasks({ instanceId, state: 'created' })).items[0];
  for (let i = 0; i < n; i++) {
    const instance = await engine.startInstance({ definitionKey: 'request', businessKey: `REQ-${i}` });
    const register = await task(instance.id);
    clock.advance(minutes(60));
    const firstLine = `f${1 + (i % 4)}`;
    await engine.claimTask(register.id, firstLine);
    clock.advance(minutes(30));
    await engine.completeTask(register.id, {}, firstLine);
    const answer = await task(instance.id);
    clock.advance(minutes(next() < 0.3 ? 400 : 120));
    const specialist = SPECIALISTS[Math.floor(next() * SPECIALISTS.length)];
    await engine.claimTask(answer.id, specialist);
    if (i % 10 !== 9) {
      clock.advance(minutes(next() < 0.2 ? 500 : 150));
      await engine.completeTask(answer.id, {}, specialist);
    }
    clock.advance(minutes(30));
  }
  return { definitionId, end: clock.now() };
}

/** `col` as copy `n` of it: ids mapped, times shifted, people rotated. */
function copyOf(column: string, type: string, mapped: Record<string, string>): string {
  if (mapped[column]) return mapped[column];
  if (type === 'timestamp with time zone') return `${column} + shift`;
  return column;
}

const newId = (column: string) => `md5(${column}::text || ':' || n)::uuid`;
const rotated = (column: string) => `case when ${column} ~ '^s\\d\\d$' then 's' || lpad((((substring(${column} from 2)::int - 1 + n) % ${SPECIALISTS.length}) + 1)::text, 2, '0') else ${column} end`;

async function columnsOf(knex: Knex, table: string): Promise<{ name: string; type: string }[]> {
  const rows = await knex('information_schema.columns').select('column_name as name', 'data_type as type').where({ table_name: table, table_schema: knex.raw('current_schema()') }).orderBy('ordinal_position');
  return rows as { name: string; type: string }[];
}

/** Copies the seed instances (copies `a`..`b`) with their tasks and history. */
async function copy(knex: Knex, seedIds: string[], a: number, b: number, spanDays: number): Promise<void> {
  const shift = `((n % 5) * interval '${spanDays} days' + (n % 97) * interval '1 minute')`;
  const source = `generate_series(${a}, ${b}) as n, lateral (select ${shift} as shift) s`;
  const tables: [string, Record<string, string>, string[]][] = [
    ['process_instances', { id: newId('id'), business_key: "business_key || '-' || n", started_by: 'started_by' }, []],
    ['user_tasks', { id: newId('id'), instance_id: newId('instance_id'), activity_instance_id: newId('activity_instance_id'), business_key: "business_key || '-' || n", assignee: rotated('assignee'), completed_by: rotated('completed_by') }, []],
    ['history_events', {
      instance_id: newId('instance_id'), activity_instance_id: `case when activity_instance_id is null then null else ${newId('activity_instance_id')} end`, actor: rotated('actor'),
      data: `case when data->>'taskId' is not null then jsonb_set(data, '{taskId}', to_jsonb(md5((data->>'taskId') || ':' || n)::uuid::text)) else data end`,
    }, ['seq']],
  ];
  for (const [table, mapped, skipped] of tables) {
    const columns = (await columnsOf(knex, table)).filter((c) => !skipped.includes(c.name));
    const key = table === 'process_instances' ? 'id' : 'instance_id';
    await knex.raw(`insert into ${table} (${columns.map((c) => c.name).join(', ')}) select ${columns.map((c) => copyOf(c.name, c.type, mapped)).join(', ')} from ${table}, ${source} where ${key} = any(?::uuid[])`, [seedIds]);
  }
}

/** Builds a history of at least `rows` rows; answers what it made and the moment to read the reports at. */
export async function buildReportHistory(knex: Knex, store: PostgresStore, rows: number, seedInstances = 300): Promise<{ definitionId: string; now: Date; history: number; instances: number; tasks: number; spans: number; seedMs: number; copyMs: number }> {
  let t0 = performance.now();
  const { definitionId, end } = await seed(knex, store, seedInstances);
  const seedMs = performance.now() - t0;
  const seedIds: string[] = await knex('process_instances').pluck('id');
  const perCopy = Number((await knex('history_events').count<{ c: string }[]>('* as c'))[0].c);
  const copies = Math.ceil(rows / perCopy) - 1;
  const spanDays = Math.ceil((end.getTime() - Date.parse('2025-01-06T08:00:00Z')) / 86_400_000);
  const perStatement = Math.max(1, Math.floor(100_000 / perCopy));
  t0 = performance.now();
  for (let a = 1; a <= copies; a += perStatement) await copy(knex, seedIds, a, Math.min(copies, a + perStatement - 1), spanDays);
  const copyMs = performance.now() - t0;
  await knex.raw('analyze');
  const count = async (table: string) => Number((await knex(table).count<{ c: string }[]>('* as c'))[0].c);
  const last = await knex.raw('select max(greatest(started_at, ended_at)) as at from process_instances');
  return {
    definitionId, now: new Date(last.rows[0].at.getTime() + 3_600_000),
    history: await count('history_events'), instances: await count('process_instances'), tasks: await count('user_tasks'), spans: await count('element_spans'), seedMs, copyMs,
  };
}
