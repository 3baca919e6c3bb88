/**
 * Builds the browser app when its build is missing or older than its
 * sources, and does nothing otherwise: `npm start` and `npm test` call it,
 * so a fresh clone needs no extra command. A build generates the API
 * client's types from the route declarations, type-checks the app and runs
 * Vite; the stamp file is written last, so an interrupted build is redone.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openApiDocument } from '../openapi.js';
import { routes } from '../routes/index.js';
import { generateApiTypes } from './apiTypes.js';
import { BUILD_STAMP, REPO_ROOT, defaultAppLocation } from './appLocation.js';
import { staleReason } from './buildStaleness.js';

const run = promisify(execFile);

/** What ensureAppBuilt did. */
export interface BuildOutcome {
  built: boolean;
  reason?: string;
  ms: number;
}

async function node(script: string, args: string[]): Promise<void> {
  try {
    await run(process.execPath, [join(REPO_ROOT, 'node_modules', script), ...args], { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    // rolldown appends a native stack trace of no use to anyone reading the error
    const output = `${stdout}${stderr}`.split('\n').filter((line) => !/^\s+\d+: <unknown>$/.test(line)).slice(0, 60).join('\n');
    throw new Error(`building the browser app failed (${script}):\n${output}`);
  }
}

async function build(): Promise<void> {
  const location = defaultAppLocation;
  const types = await generateApiTypes(openApiDocument(routes) as Parameters<typeof generateApiTypes>[0]);
  writeFileSync(join(location.sourceDir, 'src', 'api', 'schema.gen.ts'), types);
  await node('typescript/bin/tsc', ['--noEmit', '-p', join(location.sourceDir, 'tsconfig.json')]);
  await node('vite/bin/vite.js', ['build', '--config', join(location.sourceDir, 'vite.config.ts'), '--logLevel', 'warn']);
  mkdirSync(location.distDir, { recursive: true });
  writeFileSync(join(location.distDir, BUILD_STAMP), new Date().toISOString());
}

let pending: Promise<BuildOutcome> | undefined;

/** Builds the app if it is stale; concurrent callers in one process share one build. */
export function ensureAppBuilt(log: (message: string) => void = () => {}): Promise<BuildOutcome> {
  pending ??= (async () => {
    const started = Date.now();
    const reason = staleReason(defaultAppLocation);
    if (!reason) return { built: false, ms: Date.now() - started };
    log(`building the browser app (${reason})…`);
    await build();
    return { built: true, reason, ms: Date.now() - started };
  })().finally(() => {
    pending = undefined;
  });
  return pending;
}
