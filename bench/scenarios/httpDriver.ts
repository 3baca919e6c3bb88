/**
 * Lifeline through HTTP: the real server (koa, sessions, validation, the
 * authorization check) on the bench's engine, called with fetch by a
 * logged-in manager: POST /api/process-definitions/:key/start, then
 * POST /api/tasks/:id/complete. The load generator runs in the same Node
 * process as the server, so its CPU is counted with Lifeline's.
 */
import pino from 'pino';
import type { Knex } from 'knex';
import type { Engine, Clock } from '../../engine/index.js';
import { createServer, type LifelineServer } from '../../api/server.js';
import { loadConfig } from '../../api/config.js';
import { seedDemo } from '../../api/seed.js';
import { runClients } from '../measure/stats.js';
import type { Meter } from '../measure/meter.js';
import { openTaskIds } from './engineDriver.js';
import { PROCESS_KEY, type Driver, type ModelName } from './models.js';

export class HttpDriver implements Driver {
  readonly name = 'Lifeline, HTTP';
  private server?: LifelineServer;
  private base = '';
  private headers: Record<string, string> = {};

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

  private async post(path: string, body: unknown, expected: number): Promise<void> {
    const response = await fetch(this.base + path, { method: 'POST', headers: this.headers, body: JSON.stringify(body) });
    const text = await response.text();
    if (response.status !== expected) throw new Error(`POST ${path}: ${response.status} ${text}`);
  }

  async run(model: ModelName, n: number, clients: number, meter: Meter): Promise<void> {
    const key = PROCESS_KEY[model];
    const numbers = Array.from({ length: n }, (_, i) => i);
    await meter.phase('start', () => runClients(numbers, clients, (i) => this.post(`/api/process-definitions/${key}/start`, { variables: { amount: i } }, 201)));
    if (model !== 'one-task') return;
    const tasks = await openTaskIds(this.engine, key);
    await meter.phase('complete', () => runClients(tasks, clients, (id) => this.post(`/api/tasks/${id}/complete`, { variables: { done: true } }, 204)));
  }

  async close(): Promise<void> {
    await this.server?.close();
  }
}
