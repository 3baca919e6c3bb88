/**
 * Chaos tests drive real engine processes (`node --import tsx api/main.ts`,
 * exactly what `npm start` runs) on a PostgreSQL of their own, over HTTP,
 * and kill, freeze or stop them. Everything here talks to 127.0.0.1 only,
 * and every loop is bounded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort, startEmbeddedPostgres, type EmbeddedDatabase } from '../../../db/embeddedPostgres.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A PostgreSQL for one chaos test, in a folder of its own. */
export interface ChaosDatabase {
  db: EmbeddedDatabase;
  folder: string;
  query<T = Record<string, unknown>>(sql: string, values?: unknown[]): Promise<T[]>;
  /** Starts the server again on the same data and port (after `db.stop()`). */
  restart(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startDatabase(): Promise<ChaosDatabase> {
  const folder = mkdtempSync(join(tmpdir(), 'lifeline-chaos-'));
  chmodSync(folder, 0o755);
  const settings = { max_connections: '200' };
  const start = (port?: number) => startEmbeddedPostgres({ dataDir: join(folder, 'pg'), port, settings });
  const handle: ChaosDatabase = {
    db: await start(),
    folder,
    async query(sql, values = []) {
      const client = new pg.Client(handle.db.connectionString);
      await client.connect();
      try {
        return (await client.query(sql, values)).rows;
      } finally {
        await client.end();
      }
    },
    async restart() {
      handle.db = await start(handle.db.port);
    },
    async destroy() {
      await handle.db.stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
  return handle;
}

/** One engine process. */
export interface EngineProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `npm start`'s command on `databaseUrl`; resolves once it printed its URL. */
export async function startEngine(databaseUrl: string, env: Record<string, string> = {}): Promise<EngineProcess> {
  const port = env.PORT ?? String(await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: port, LOG_LEVEL: 'warn', SWEEP_INTERVAL_MS: '250', DEMO_WORK: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`engine did not start within 60 s:\n${output}`)), 60_000);
    child.stdout!.on('data', () => {
      const match = /Lifeline is running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void exited.then((code) => reject(new Error(`engine exited (${code}) before printing its URL:\n${output}`)));
  });
  return { url, child, output: () => output, exited };
}

/** A JSON caller of one engine (session with the CSRF header, or a token). */
export interface Client {
  base: string;
  call<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

export function client(base: string, headers: Record<string, string>): Client {
  return {
    base,
    async call(method, path, body) {
      const response = await fetch(base + path, {
        method,
        headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      const text = await response.text();
      return { status: response.status, body: text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text };
    },
  };
}

/** Logs in as a demo user on `base`. */
export async function session(base: string, user: string): Promise<Client> {
  const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password: 'demo' }) });
  if (response.status !== 200) throw new Error(`login as ${user}: ${response.status}`);
  return client(base, { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0], 'x-requested-with': 'lifeline' });
}

/** A worker token (scope worker) on `base`. */
export async function workerToken(base: string): Promise<Client> {
  const worker = await session(base, 'worker');
  const created = await worker.call('POST', '/api/tokens', { name: 'chaos', scope: 'worker' });
  return client(base, { authorization: `Bearer ${created.body.secret}` });
}

/** Waits until `check` holds, polling every `everyMs` (bounded). */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs: number, everyMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
