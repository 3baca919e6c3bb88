/**
 * The cluster's data folder: created with initdb on first use, with a
 * password generated for it (never a fixed one) and kept beside the data,
 * readable by its owner only.
 */
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Binaries } from './binaries.js';

/** The database user Lifeline connects as. */
export const USER = 'lifeline';

/** The password of a cluster made before passwords were generated: replaced at its next start. */
export const LEGACY_PASSWORD = 'lifeline';

/** The uid and gid the server runs as: the `postgres` user when we are root (created if missing), else ourselves. */
export function serverIdentity(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['-f', 'postgres']);
    execFileSync('useradd', ['-g', 'postgres', '-M', '-s', '/usr/sbin/nologin', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** Where a cluster's generated password is kept. */
export function passwordFile(dataDir: string): string {
  return join(dataDir, 'lifeline.password');
}

/** The cluster's password, or undefined for a cluster made before passwords were generated. */
export function readPassword(dataDir: string): string | undefined {
  const file = passwordFile(dataDir);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : undefined;
}

/** Keeps `password` beside the data, for the owner only. */
export function writePassword(dataDir: string, password: string, owner: { uid?: number; gid?: number }): void {
  const file = passwordFile(dataDir);
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  if (owner.uid !== undefined) chownSync(file, owner.uid, owner.gid!);
}

/** A new random password. */
export function newPassword(): string {
  return randomBytes(24).toString('base64url');
}

/** Creates the cluster in `dataDir` (which must not hold one) with a generated password for USER; returns it. */
export async function initCluster(binaries: Binaries, dataDir: string, owner: { uid?: number; gid?: number }, log: (line: string) => void): Promise<string> {
  rmSync(dataDir, { recursive: true, force: true }); // a half-initialised folder from an interrupted first run
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (owner.uid !== undefined) chownSync(dataDir, owner.uid, owner.gid!);
  const password = newPassword();
  const pwfile = join(tmpdir(), `lifeline-pw-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (owner.uid !== undefined) chownSync(pwfile, owner.uid, owner.gid!);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(binaries.initdb, [`--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'], {
        ...owner,
        env: { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C' },
        cwd: dirname(dataDir),
      });
      let output = '';
      child.stdout.on('data', (d) => log(String(d)));
      child.stderr.on('data', (d) => {
        output += d;
        log(String(d));
      });
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`initdb failed (exit ${code}): ${output.trim()}`))));
    });
  } finally {
    rmSync(pwfile, { force: true });
  }
  writePassword(dataDir, password, owner);
  return password;
}
