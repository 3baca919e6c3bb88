/**
 * Lifeline through HTTP: the real server (koa, sessions, validation, the
 * authorization check) on the bench's engine, called by a logged-in
 * manager: POST /api/process-definitions/:key/start, then
 * POST /api/tasks/:id/complete. The requests come from a load generator in
 * a process of its own (loadGenerator.ts), so the Node CPU counted is the
 * server's alone.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import type { Knex } from 'knex';
import type { Engine, Clock } from '../../engine/index.js';
import { createServer, type LifelineServer } from '../../api/server.js';
import { loadConfig } from '../../api/config.js';
import { seedDemo } from '../../api/seed.js';
import type { LoadJob, LoadResult } from './loadGenerator.js';
import { percentile } from '../measure/stats.js';
import type { Meter } from '../measure/meter.js';
import { openTaskIds } from './engineDriver.js';
import { PROCESS_KEY, type Driver, type ModelName } from './models.js';

export class HttpDriver implements Driver {
  readonly name = 'Lifeline, HTTP';
  private server?: LifelineServer;
  private base = '';
  private headers: Record<string, string> = {};
  private child?: ChildProcess;

  constructor(private readonly engine: Engine, private readonly knex: Knex, private readonly clock: Clock) {}

  /** Seeds the demo users, listens on a free port and logs in as the demo manager. */
  async open(): Promise<void> {
    await seedDemo(this.knex, this.engine, this.clock.now());
    this.server = createServer({ engine: this.engine, knex: this.knex, clock: this.clock, config: loadConfig({ LOG_LEVEL: 'silent' }) }, pino({ level: 'silent' }));
    const { port } = await this.server.listen(0);
    this.base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${this.base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'manager', password: 'demo' }) });
    if (login.status !== 200) throw new Error(`bench login failed: ${login.status}`);
    this.headers = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0], 'x-requested-with': 'lifeline', 'content-type': 'application/json' };
  }

  /** Runs one job in the load generator (started on first use). */
  private async load(requests: LoadJob['requests'], clients: number, rate?: number): Promise<{ latencies: number[] }> {
    const generator = await this.generator();
    const result = await new Promise<LoadResult>((resolve) => {
      generator.once('message', (message: LoadResult) => resolve(message));
      generator.send({ base: this.base, headers: this.headers, requests, clients, rate } satisfies LoadJob);
    });
    if (result.error) throw new Error(result.error);
    return result;
  }

  private async generator(): Promise<ChildProcess> {
    if (this.child) return this.child;
    const child = fork(fileURLToPath(new URL('./loadGenerator.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`the load generator exited (${code})`)));
    });
    this.child = child;
    return child;
  }

  async run(model: ModelName, n: number, clients: number, meter: Meter): Promise<void> {
    const key = PROCESS_KEY[model];
    const starts = Array.from({ length: n }, (_, i) => ({ path: `/api/process-definitions/${key}/start`, body: { variables: { amount: i } }, expected: 201 }));
    await meter.phase('start', () => this.load(starts, clients));
    if (model !== 'one-task') return;
    const tasks = await openTaskIds(this.engine, key);
    await meter.phase('complete', () => this.load(this.completions(tasks), clients));
  }

  private completions(tasks: string[]): LoadJob['requests'] {
    return tasks.map((id) => ({ path: `/api/tasks/${id}/complete`, body: { variables: { done: true } }, expected: 204 }));
  }

  /**
   * Completion latency at a given load: `n` one-task instances started (not
   * timed), then their tasks completed at `rate` per second over `clients`
   * connections. Closed-loop latency at saturation is only the queue
   * (clients ÷ throughput); this is what a caller waits at a load the
   * server carries.
   */
  async pacedCompletions(n: number, clients: number, rate: number): Promise<{ p50: number; p99: number; max: number }> {
    const key = PROCESS_KEY['one-task'];
    await Promise.all(Array.from({ length: n }, (_, i) => this.engine.startInstance({ definitionKey: key, variables: { amount: i } })));
    const { latencies } = await this.load(this.completions(await openTaskIds(this.engine, key)), clients, rate);
    return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: Math.max(...latencies) };
  }

  async close(): Promise<void> {
    this.child?.kill();
    await this.server?.close();
  }
}
