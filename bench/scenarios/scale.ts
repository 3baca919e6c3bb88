/**
 * Scale: many waiting instances (one user task each) started through the
 * engine API; the engine process's resident memory before and after (after
 * a garbage collection each time: the engine must not keep instances in
 * memory), and the bytes on disk per instance (tables and indexes of the
 * schema, before and after, divided by the instances).
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Engine } from '../../engine/index.js';
import type { BenchDatabase } from '../benchDatabase.js';
import { runClients } from '../measure/stats.js';
import { PROCESS_KEY } from './models.js';

export interface ScaleFigures {
  instances: number;
  seconds: number;
  rssBeforeMiB: number;
  rssAfterMiB: number;
  rssGrowthMiB: number;
  heapGrowthMiB: number;
  bytesOnDiskPerInstance: number;
}

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function settled(): { rss: number; heap: number } {
  for (let i = 0; i < 3; i++) gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: rss / 1024 / 1024, heap: heapUsed / 1024 / 1024 };
}

async function schemaBytes(db: BenchDatabase): Promise<number> {
  const [row] = (await db.knex.raw(`select coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint as bytes from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relkind in ('r', 'm')`, [db.schema])).rows;
  return Number(row.bytes);
}

/** Starts `count` one-task instances (16 clients) and measures memory and disk. */
export async function scale(engine: Engine, db: BenchDatabase, count: number): Promise<ScaleFigures> {
  await db.knex.raw('checkpoint').catch(() => {});
  const disk0 = await schemaBytes(db);
  const mem0 = settled();
  const t0 = performance.now();
  await runClients(Array.from({ length: count }, (_, i) => i), 16, (i) => engine.startInstance({ definitionKey: PROCESS_KEY['one-task'], variables: { amount: i } }));
  const seconds = (performance.now() - t0) / 1000;
  const mem1 = settled();
  await db.knex.raw('analyze');
  const disk1 = await schemaBytes(db);
  return {
    instances: count, seconds, rssBeforeMiB: mem0.rss, rssAfterMiB: mem1.rss, rssGrowthMiB: mem1.rss - mem0.rss, heapGrowthMiB: mem1.heap - mem0.heap,
    bytesOnDiskPerInstance: (disk1 - disk0) / count,
  };
}
