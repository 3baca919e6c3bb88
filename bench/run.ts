/**
 * `npm run bench` (issue 10): Lifeline beside its references, in the same
 * run, on one database (embedded PostgreSQL, or DATABASE_URL):
 *  1. straight through and one user task at 1, 16 and 64 clients, through
 *     the engine API and through HTTP, beside the physical-limit driver on
 *     raw pg and the peer bpmn-engine: instances/s, p50/p99, statements and
 *     round trips per step, Node and PostgreSQL CPU per instance; medians
 *     of rounds after a warm-up, drivers interleaved within each round;
 *  2. scale out: the same work by one engine process and by two;
 *  3. the timer storm: 10,000 timers due at once, two engine processes;
 *  4. scale: 100,000 waiting instances (memory, bytes on disk);
 *  5. the campaign (issue 7) and the reports (issue 13) benches.
 * Prints a table and writes the figures as JSON (BENCH_JSON, default
 * bench-results.json). `npm run bench -- --quick` runs fewer instances and
 * rounds (same scenarios) to finish in a few minutes.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { Engine, ControllableClock, manualScheduler } from '../engine/index.js';
import { countWire } from '../db/index.js';
import { openBenchDatabase } from './benchDatabase.js';
import { pureStepFigures } from './pureStep.js';
import { campaignFigures } from './campaign.js';
import { reportFigures } from './reports.js';
import { runThroughput, type ThroughputRow } from './scenarios/throughput.js';
import { EngineDriver } from './scenarios/engineDriver.js';
import { HttpDriver } from './scenarios/httpDriver.js';
import { LimitDriver } from './scenarios/limitDriver.js';
import { PeerDriver } from './scenarios/peerDriver.js';
import { captureTemplates, deployModels } from './scenarios/setup.js';
import { timerStorm } from './scenarios/timerStorm.js';
import { scale } from './scenarios/scale.js';
import { inProcesses, type ProcessFigures } from './scenarios/engineProcess.js';
import { printThroughput, ratios } from './report/table.js';
import { median } from './measure/stats.js';

const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const PLAN = quick
  ? { rounds: 2, warmup: 100, instances: (c: number) => (c === 1 ? 60 : c === 16 ? 300 : 640), scaleOut: 1_000, storm: 10_000, scale: 10_000, campaign: [1_000], reportRows: 100_000, paced: { instances: 1_000, rate: 200 } }
  : { rounds: 3, warmup: 300, instances: (c: number) => (c === 1 ? 150 : c === 16 ? 1_000 : 1_920), scaleOut: 4_000, storm: 10_000, scale: 100_000, campaign: [1_000, 10_000], reportRows: 1_000_000, paced: { instances: 2_000, rate: 200 } };
const POOL = 16;
const log = (line: string) => console.error(`  … ${line}`);

async function main(): Promise<void> {
  countWire();
  const db = await openBenchDatabase({ pool: POOL });
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, ${db.description}`;
  console.log(`Lifeline bench${quick ? ' (quick)' : ''} — ${machine}`);
  const clock = new ControllableClock('2026-01-05T09:00:00Z');
  const engine = new Engine({ store: db.store, clock, scheduler: manualScheduler });
  await deployModels(engine);
  const limit = new LimitDriver(db.connectionString, db.schema, POOL);
  await captureTemplates(engine, db, limit);
  const peer = new PeerDriver(db.connectionString, db.schema, POOL);
  await peer.prepare();
  const http = new HttpDriver(engine, db.knex, clock);
  await http.open();
  const results: Record<string, unknown> = { machine, quick, date: new Date().toISOString() };

  // 1. throughput, every driver interleaved
  const rows: ThroughputRow[] = await runThroughput([new EngineDriver(engine), http, limit, peer], {
    models: ['straight-through', 'one-task'], clients: [1, 16, 64], instances: PLAN.instances, rounds: PLAN.rounds, warmup: PLAN.warmup, postmaster: db.postmaster, log,
  });
  // 1b. HTTP completion latency at a load the server carries (closed loop at 64 clients measures the queue: 64 ÷ throughput)
  const paced = [];
  for (let round = 0; round < PLAN.rounds; round++) paced.push(await http.pacedCompletions(PLAN.paced.instances, 64, PLAN.paced.rate));
  await Promise.all([http.close(), limit.close(), peer.close()]);
  printThroughput(rows);
  results.throughput = rows;
  results.ratios = ratios(rows);
  const pacedFigures = { clients: 64, rate: PLAN.paced.rate, instances: PLAN.paced.instances, p50: median(paced.map((p) => p.p50)), p99: median(paced.map((p) => p.p99)), max: median(paced.map((p) => p.max)) };
  console.log(`\nHTTP task completion paced at ${pacedFigures.rate}/s over 64 connections (${pacedFigures.instances} tasks, median of ${paced.length} rounds): p50 ${pacedFigures.p50.toFixed(1)} ms, p99 ${pacedFigures.p99.toFixed(1)} ms, max ${pacedFigures.max.toFixed(1)} ms (target p99 ≤ 50 ms)`);
  results.httpCompletionPaced = pacedFigures;

  const pure = await pureStepFigures(await engine.getDefinition((await engine.listDefinitions({ key: 'bench-one-task' })).items[0].id));
  console.log(`\npure runtime: restore a tree, complete its task, serialise: median ${pure.medianMicros.toFixed(0)} µs (no I/O)`);
  results.pureStepMicros = pure.medianMicros;

  // 2. scale out: one engine process, then two, each with 16 clients
  const env = { ...process.env, BENCH_DATABASE_URL: db.connectionString, BENCH_SCHEMA: db.schema };
  const rate = (figures: ProcessFigures[]) => figures.reduce((s, f) => s + f.done, 0) / ((Math.max(...figures.map((f) => f.endedAt)) - Math.min(...figures.map((f) => f.startedAt))) / 1000);
  const one = rate(inProcesses(1, ['steps', String(PLAN.scaleOut), '16'], env));
  const two = rate(inProcesses(2, ['steps', String(PLAN.scaleOut / 2), '16'], env));
  console.log(`\nscale out (one user task, ${PLAN.scaleOut} instances, 16 clients per process): 1 engine process ${one.toFixed(0)} instances/s, 2 processes ${two.toFixed(0)} instances/s (${(two / one).toFixed(2)}×)`);
  results.scaleOut = { instances: PLAN.scaleOut, oneProcess: one, twoProcesses: two, ratio: two / one };

  // 3. timer storm
  const storm = await timerStorm(db, PLAN.storm, 2);
  console.log(`timer storm: ${storm.timers} timers due at once, ${storm.processes} engine processes: all fired in ${(storm.allFiredMs / 1000).toFixed(2)} s (${storm.timersPerSec.toFixed(0)}/s; per process ${storm.firedPerProcess.join(' + ')}), ${storm.duplicates} duplicates, ${storm.notFired} not fired, worst lateness ${(storm.worstLatenessMs / 1000).toFixed(2)} s (target: 5 s, 0 duplicates)`);
  results.timerStorm = storm;

  // 4. scale
  const big = await scale(engine, db, PLAN.scale);
  console.log(`scale: ${big.instances} waiting instances started in ${big.seconds.toFixed(0)} s; engine RSS ${big.rssBeforeMiB.toFixed(0)} → ${big.rssAfterMiB.toFixed(0)} MiB (growth ${big.rssGrowthMiB.toFixed(1)} MiB, heap ${big.heapGrowthMiB.toFixed(1)} MiB; target ≤ 50 MB), ${big.bytesOnDiskPerInstance.toFixed(0)} bytes on disk per instance`);
  results.scale = big;
  await db.close();

  // 5. the campaign and the reports
  console.log('');
  results.campaign = campaignFigures(PLAN.campaign);
  results.reportsUnder500ms = await reportFigures(PLAN.reportRows);

  const file = process.env.BENCH_JSON ?? 'bench-results.json';
  writeFileSync(file, JSON.stringify(results, null, 2));
  console.log(`\nfigures written to ${file}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
