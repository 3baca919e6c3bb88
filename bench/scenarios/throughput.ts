/**
 * The throughput scenarios: every driver runs every model at every client
 * count, interleaved within each round (so the shared machine's load falls
 * on all of them alike), after a warm-up; the figures are medians over the
 * rounds.
 */
import { Meter, type RunFigures } from '../measure/meter.js';
import { median, percentile } from '../measure/stats.js';
import { STEPS, type Driver, type ModelName } from './models.js';

/** One driver's medians for one model and client count. */
export interface ThroughputRow {
  model: ModelName;
  clients: number;
  driver: string;
  instancesPerSec: number;
  /** Latency percentiles (ms) per phase: start, complete. */
  p50: Record<string, number>;
  p99: Record<string, number>;
  statementsPerStep: number;
  /** BEGIN/COMMIT/ROLLBACK per step (not in statementsPerStep). */
  controlPerStep: number;
  roundTripsPerStep: number;
  nodeCpuMsPerInstance: number;
  postgresCpuMsPerInstance: number | undefined;
  rounds: number;
}

export interface ThroughputPlan {
  models: ModelName[];
  clients: number[];
  /** Instances per run at a client count. */
  instances: (clients: number) => number;
  rounds: number;
  warmup: number;
  postmaster: number | undefined;
  /** CPU of the process where the driver's engine runs, when not this one. */
  cpuOf?: (driver: Driver) => (() => number) | undefined;
  log?: (line: string) => void;
}

function summarise(model: ModelName, clients: number, driver: string, runs: RunFigures[]): ThroughputRow {
  const per = (f: (r: RunFigures) => number) => median(runs.map(f));
  const phases = Object.keys(runs[0].latencies);
  const steps = (r: RunFigures) => r.instances * STEPS[model];
  return {
    model, clients, driver,
    instancesPerSec: per((r) => r.instances / (r.wallMs / 1000)),
    p50: Object.fromEntries(phases.map((p) => [p, per((r) => percentile(r.latencies[p], 50))])),
    p99: Object.fromEntries(phases.map((p) => [p, per((r) => percentile(r.latencies[p], 99))])),
    statementsPerStep: per((r) => r.wire.statements / steps(r)),
    controlPerStep: per((r) => r.wire.control / steps(r)),
    roundTripsPerStep: per((r) => r.wire.roundTrips / steps(r)),
    nodeCpuMsPerInstance: per((r) => r.nodeCpuMs / r.instances),
    postgresCpuMsPerInstance: runs[0].postgresCpuMs === undefined ? undefined : per((r) => r.postgresCpuMs! / r.instances),
    rounds: runs.length,
  };
}

/** Runs the plan; returns one row per model, client count and driver. */
export async function runThroughput(drivers: Driver[], plan: ThroughputPlan): Promise<ThroughputRow[]> {
  const meterFor = (driver: Driver, n: number, model: ModelName) => new Meter(n, STEPS[model], plan.postmaster, plan.cpuOf?.(driver));
  for (const driver of drivers) {
    for (const model of plan.models) await driver.run(model, plan.warmup, 16, meterFor(driver, plan.warmup, model));
  }
  const runs = new Map<string, RunFigures[]>();
  for (let round = 1; round <= plan.rounds; round++) {
    for (const clients of plan.clients) {
      for (const model of plan.models) {
        for (const driver of drivers) {
          const n = plan.instances(clients);
          const meter = meterFor(driver, n, model);
          await driver.run(model, n, clients, meter);
          const key = `${model}|${clients}|${driver.name}`;
          runs.set(key, [...(runs.get(key) ?? []), meter.figures]);
          plan.log?.(`round ${round}: ${model} ${clients} clients ${driver.name}: ${(n / (meter.figures.wallMs / 1000)).toFixed(0)} instances/s`);
        }
      }
    }
  }
  const rows: ThroughputRow[] = [];
  for (const [key, figures] of runs) {
    const [model, clients, driver] = key.split('|');
    rows.push(summarise(model as ModelName, Number(clients), driver, figures));
  }
  return rows;
}
