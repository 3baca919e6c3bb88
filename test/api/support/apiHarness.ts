import { readFile } from 'node:fs/promises';
/**
 * The real HTTP server on a fresh schema (port 0), with the demo users and
 * processes, a controllable clock, and fetch helpers per role.
 */
import pino from 'pino';
import { ControllableClock, Engine, manualScheduler } from '../../../engine/index.js';
import { createServer, type LifelineServer } from '../../../api/server.js';
import { loadConfig } from '../../../api/config.js';
import { seedDemo } from '../../../api/seed.js';
import { createTestDb, type TestDb } from '../../setup/testDb.js';

/** A fixture file of the API tests (test/api/fixtures). */
export function apiFixture(name: string): Promise<string> {
  return readFile(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export interface Caller {
  get<T = any>(path: string): Promise<ApiResponse<T>>;
  post<T = any>(path: string, body?: unknown, contentType?: string): Promise<ApiResponse<T>>;
  put<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  patch<T = any>(path: string, body?: unknown): Promise<ApiResponse<T>>;
  delete<T = any>(path: string): Promise<ApiResponse<T>>;
  request<T = any>(method: string, path: string, body?: unknown, contentType?: string): Promise<ApiResponse<T>>;
}

export interface TestApi {
  base: string;
  db: TestDb;
  engine: Engine;
  clock: ControllableClock;
  anonymous: Caller;
  /** A caller logged in (session cookie) as a demo user: admin, designer, manager, employee, specialist. */
  as(user: string): Promise<Caller>;
  /** A caller with a fresh API token of a demo user (worker by default). */
  withToken(user?: string): Promise<Caller>;
  close(): Promise<void>;
}

function caller(base: string, headers: Record<string, string>): Caller {
  const request = async (method: string, path: string, body?: unknown, contentType = 'application/json') => {
    const response = await fetch(base + path, {
      method,
      headers: { ...headers, ...(body !== undefined ? { 'content-type': contentType } : {}) },
      body: body === undefined ? undefined : typeof body === 'string' || body instanceof Uint8Array ? (body as string) : JSON.stringify(body),
      redirect: 'manual',
    });
    // An event stream never ends by itself: answer with its status and headers only.
    if ((response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, body: '' as any, headers: response.headers };
    }
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, body: parsed as any, headers: response.headers };
  };
  return {
    request,
    get: (path) => request('GET', path),
    post: (path, body, type) => request('POST', path, body, type),
    put: (path, body) => request('PUT', path, body),
    patch: (path, body) => request('PATCH', path, body),
    delete: (path) => request('DELETE', path),
  };
}

export async function startTestApi(): Promise<TestApi> {
  const db = await createTestDb();
  const clock = new ControllableClock('2026-01-05T09:00:00.000Z');
  const engine = new Engine({ store: db.store, clock, scheduler: manualScheduler, directory: 'store' });
  await seedDemo(db.knex, engine, clock.now());
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const server: LifelineServer = createServer({ engine, knex: db.knex, clock, config }, pino({ level: 'silent' }));
  const { port } = await server.listen(0);
  const base = `http://127.0.0.1:${port}`;
  const anonymous = caller(base, {});
  const api: TestApi = {
    base,
    db,
    engine,
    clock,
    anonymous,
    async as(user) {
      const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password: 'demo' }) });
      if (response.status !== 200) throw new Error(`login as ${user} failed: ${response.status}`);
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
      // The CSRF convention: every cookie-authenticated caller (the browser app) sends this header.
      return caller(base, { cookie, 'x-requested-with': 'lifeline' });
    },
    async withToken(user = 'worker') {
      const session = await api.as(user);
      const created = await session.post('/api/tokens', { name: `test token of ${user}` });
      return caller(base, { authorization: `Bearer ${created.body.secret}` });
    },
    async close() {
      await server.close();
      await db.destroy();
    },
  };
  return api;
}
