/**
 * The one PostgreSQL server of a test run: DATABASE_URL when set, else an
 * embedded server started on first use (tests that need no database pay
 * nothing) in a fresh folder under the temp directory. Folders left by runs
 * that were killed are cleaned up (their servers stopped) on the next start.
 */
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alive, startEmbeddedPostgres, stopStaleServer, type EmbeddedDatabase } from '../../db/embeddedPostgres.js';

const PREFIX = 'lifeline-test-';
let embedded: Promise<EmbeddedDatabase> | undefined;
let folder: string | undefined;
const beforeStop: (() => Promise<void>)[] = [];

/** Registers work to do before the server stops (e.g. dropping a prepared schema). */
export function onTestServerStop(fn: () => Promise<void>): void {
  beforeStop.push(fn);
}

/** Stops and removes the servers of earlier runs whose mocha process is gone. */
async function cleanAbandonedRuns(): Promise<void> {
  for (const name of readdirSync(tmpdir()).filter((n) => n.startsWith(PREFIX))) {
    const dir = join(tmpdir(), name);
    const ownerFile = join(dir, 'owner.pid');
    const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8')) : NaN;
    if (Number.isNaN(owner) || alive(owner)) continue;
    try {
      await stopStaleServer(join(dir, 'pg'));
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // a server that will not stop keeps its folder
    }
  }
}

async function startServer(): Promise<EmbeddedDatabase> {
  await cleanAbandonedRuns();
  folder = mkdtempSync(join(tmpdir(), PREFIX));
  chmodSync(folder, 0o755); // the server runs as another user when we are root
  writeFileSync(join(folder, 'owner.pid'), String(process.pid));
  // A throw-away cluster: durability buys nothing here, and each test's migrations commit DDL.
  return startEmbeddedPostgres({ dataDir: join(folder, 'pg'), settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } });
}

/** The connection string of the run's server, starting the embedded one if needed. */
export function testDatabaseUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return Promise.resolve(process.env.DATABASE_URL);
  embedded ??= startServer().catch((error) => {
    embedded = undefined;
    throw error;
  });
  return embedded.then((db) => db.connectionString);
}

/** Runs the registered clean-ups, stops the embedded server (if one was started) and removes its folder. */
export async function stopTestServer(): Promise<void> {
  for (const fn of beforeStop) await fn().catch(() => {});
  const running = embedded;
  embedded = undefined;
  if (running) await (await running).stop();
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
}
