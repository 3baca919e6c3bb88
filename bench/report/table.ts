/** The bench's throughput table and its ratios (Lifeline against the physical limit and the peer, per model and client count). */
import type { ThroughputRow } from '../scenarios/throughput.js';

const ENGINE = 'Lifeline, engine API';
const HTTP = 'Lifeline, HTTP';
const LIMIT = 'physical limit, raw pg';
const PEER = 'bpmn-engine (peer)';

/** Per model and client count: Lifeline (engine API and HTTP) over the limit and over the peer. */
export interface Ratio {
  model: string;
  clients: number;
  engineToLimit: number;
  engineToPeer: number;
  httpToLimit: number;
  httpToPeer: number;
  /** The physical limit over the peer: the most any engine writing these rows could be ahead of the peer in this run. */
  limitToPeer: number;
}

export function ratios(rows: ThroughputRow[]): Ratio[] {
  const find = (model: string, clients: number, driver: string) => rows.find((r) => r.model === model && r.clients === clients && r.driver === driver)?.instancesPerSec ?? NaN;
  const keys = [...new Set(rows.map((r) => `${r.model}|${r.clients}`))];
  return keys.map((key) => {
    const [model, c] = key.split('|');
    const clients = Number(c);
    const [engine, http, limit, peer] = [ENGINE, HTTP, LIMIT, PEER].map((d) => find(model, clients, d));
    return { model, clients, engineToLimit: engine / limit, engineToPeer: engine / peer, httpToLimit: http / limit, httpToPeer: http / peer, limitToPeer: limit / peer };
  });
}

const num = (x: number | undefined, digits = 0) => (x === undefined || !Number.isFinite(x) ? '–' : x.toFixed(digits));

/** Prints the table (markdown, so the README can take it as it is) and the ratios. */
export function printThroughput(rows: ThroughputRow[]): void {
  const order = [ENGINE, HTTP, LIMIT, PEER];
  const sorted = [...rows].sort((a, b) => a.model.localeCompare(b.model) || a.clients - b.clients || order.indexOf(a.driver) - order.indexOf(b.driver));
  console.log('\n| model | clients | driver | instances/s | start p50/p99 ms | complete p50/p99 ms | statements/step | round trips/step | Node CPU ms/inst | PG CPU ms/inst |');
  console.log('|---|---:|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of sorted) {
    const lat = (phase: string) => (r.p50[phase] === undefined ? '–' : `${num(r.p50[phase], 1)} / ${num(r.p99[phase], 1)}`);
    console.log(`| ${r.model} | ${r.clients} | ${r.driver} | ${num(r.instancesPerSec)} | ${lat('start')} | ${lat('complete')} | ${num(r.statementsPerStep, 1)} (+${num(r.controlPerStep, 1)}) | ${num(r.roundTripsPerStep, 1)} | ${num(r.nodeCpuMsPerInstance, 2)} | ${num(r.postgresCpuMsPerInstance, 2)} |`);
  }
  console.log('\n| model | clients | engine API / limit | engine API / peer | HTTP / limit | HTTP / peer | limit / peer |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const q of ratios(rows)) console.log(`| ${q.model} | ${q.clients} | ${num(q.engineToLimit, 2)}× | ${num(q.engineToPeer, 1)}× | ${num(q.httpToLimit, 2)}× | ${num(q.httpToPeer, 1)}× | ${num(q.limitToPeer, 1)}× |`);
  console.log('(medians of the rounds; statements per step exclude BEGIN/COMMIT, shown as +n; targets: one user task ≥ 0.6× the limit and ≥ 8× the peer, HTTP complete p99 ≤ 50 ms at 64 clients; limit / peer bounds what any engine writing these rows can reach over the peer)');
}
