/**
 * `npm run bench`: figures for the engine on a real (embedded) PostgreSQL.
 * Prints medians and ratios, not absolutes to trust on a shared machine:
 *  - restore + one transition of the compiled statecharts (pure, no I/O)
 *  - start → first user task, and complete → end, per instance (latency, throughput)
 *  - timers: how fast a backlog of due timers drains
 *  - memory: heap per compiled model and per instance tree
 *  - reports: every manager's report on a history of 1,000,000 rows (bench/reports.ts)
 */
import { performance } from 'node:perf_hooks';
import { readFile } from 'node:fs/promises';
import { Engine, ControllableClock, manualScheduler } from '../engine/index.js';
import { openBenchDatabase } from './benchDatabase.js';
import { pureStepFigures } from './pureStep.js';
import { campaignFigures } from './campaign.js';
import { reportFigures } from './reports.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

async function main(): Promise<void> {
  const n = Number(process.env.BENCH_INSTANCES ?? 300);
  const db = await openBenchDatabase();
  const clock = new ControllableClock('2026-01-05T09:00:00Z');
  const engine = new Engine({ store: db.store, clock, scheduler: manualScheduler });
  const xml = (name: string) => readFile(new URL(`../test/engine/runtime/fixtures/${name}`, import.meta.url), 'utf8');
  await engine.deploy({ resources: [{ name: 'exclusive.bpmn', xml: await xml('exclusive.bpmn') }, { name: 'boundary-timer.bpmn', xml: await xml('boundary-timer.bpmn') }] });
  console.log(`Lifeline bench — ${n} instances, PostgreSQL ${db.description}, Node ${process.version}`);

  // warm up (model cache, connection pool, JIT)
  for (let i = 0; i < 20; i++) {
    const warm = await engine.startInstance({ definitionKey: 'exclusive', variables: { amount: 1 } });
    const [task] = (await engine.listTasks({ instanceId: warm.id })).items;
    await engine.completeTask(task.id);
  }

  // SQL statements per step (BEGIN/COMMIT not counted)
  const statements: string[] = [];
  const listener = (q: { sql: string }) => {
    if (!/^\s*(begin|commit|rollback)/i.test(q.sql)) statements.push(q.sql);
  };
  db.knex.on('query', listener);
  const counted = await engine.startInstance({ definitionKey: 'exclusive', variables: { amount: 1 } });
  const startStatements = statements.length;
  const [countedTask] = (await engine.listTasks({ instanceId: counted.id })).items;
  statements.length = 0;
  await engine.completeTask(countedTask.id, { done: true });
  const completeStatements = statements.length;
  db.knex.removeListener('query', listener);
  console.log(`SQL per step          start → user task: ${startStatements} statements; complete task → end: ${completeStatements - 0} statements (targets ≤ 6 and ≤ 8)`);

  const pure = await pureStepFigures(await engine.getDefinition(counted.definitionId));
  console.log(`pure runtime          restore tree + complete a task + serialise: median ${(pure.medianMicros).toFixed(0)} µs over ${pure.samples} steps (no I/O)`);

  const starts: number[] = [];
  const ids: string[] = [];
  let t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    ids.push((await engine.startInstance({ definitionKey: 'exclusive', variables: { amount: i } })).id);
    starts.push(performance.now() - s);
  }
  const startWall = performance.now() - t0;
  const tasks = (await engine.listTasks({ state: 'created', definitionKey: 'exclusive', limit: n + 10 })).items;
  const completes: number[] = [];
  t0 = performance.now();
  for (const task of tasks) {
    const s = performance.now();
    await engine.completeTask(task.id, { done: true });
    completes.push(performance.now() - s);
  }
  const completeWall = performance.now() - t0;
  console.log(`start → user task     median ${fmt(median(starts))}  p95 ${fmt(p95(starts))}  ${(n / (startWall / 1000)).toFixed(0)} instances/s`);
  console.log(`complete → end        median ${fmt(median(completes))}  p95 ${fmt(p95(completes))}  ${(tasks.length / (completeWall / 1000)).toFixed(0)} completions/s`);

  // concurrency: the same work from 8 concurrent callers (one connection pool)
  t0 = performance.now();
  await Promise.all(Array.from({ length: 8 }, async (_, w) => {
    for (let i = 0; i < n / 8; i++) await engine.startInstance({ definitionKey: 'exclusive', variables: { amount: w } });
  }));
  const parallelWall = performance.now() - t0;
  console.log(`8 concurrent starters ${(n / (parallelWall / 1000)).toFixed(0)} instances/s  (ratio to sequential: ${(startWall / parallelWall).toFixed(2)}×)`);

  // timers: n instances waiting on a one-day boundary timer, all due at once
  for (let i = 0; i < n; i++) await engine.startInstance({ definitionKey: 'escalation' });
  clock.advance(24 * 3_600_000);
  t0 = performance.now();
  const fired = await engine.fireDueTimers();
  const timerWall = performance.now() - t0;
  console.log(`due timers drained    ${fired} (1 day + 3 hourly per instance) in ${fmt(timerWall)}  ${(fired / (timerWall / 1000)).toFixed(0)} timers/s`);

  // memory: heap per instance tree restored in memory, and per compiled model
  const rows = await db.knex('process_instances').select('snapshot').limit(n);
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const kept = rows.map((r: { snapshot: unknown }) => structuredClone(r.snapshot));
  global.gc?.();
  const perTree = (process.memoryUsage().heapUsed - heapBefore) / kept.length;
  const bytes = rows.reduce((sum: number, r: { snapshot: unknown }) => sum + JSON.stringify(r.snapshot).length, 0) / rows.length;
  console.log(`instance snapshot     ${bytes.toFixed(0)} bytes of JSON on average; ~${(perTree / 1024).toFixed(1)} KiB heap each when loaded${global.gc ? '' : ' (run with --expose-gc for steadier figures)'}`);
  console.log(`process heap          ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1)} MiB used after ${3 * n + 20} instances`);
  await db.close();

  // campaigns (issue 7): start time and memory for 1,000 and 10,000 invitees, each in its own process
  campaignFigures();

  // reports (issue 13): every report on 1,000,000 history rows, target under 500 ms each
  await reportFigures();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
