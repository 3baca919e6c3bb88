import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { resolveDataDir, startEmbeddedPostgres } from '../../db/embeddedPostgres.js';

/** Starts the fixture script in a child process and resolves with it once its server is ready. */
function startChild(dataDir: string): Promise<ReturnType<typeof spawn>> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('fixtures/startEmbedded.ts', import.meta.url).pathname, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('READY') && resolve(child));
    child.on('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });
}

describe('embedded PostgreSQL', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'lifeline-embedded-'));
    chmodSync(folder, 0o755);
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('should start again after its owner was killed with SIGKILL, stopping the server left behind and keeping the data', async function () {
    this.timeout(60_000);
    // given: a server whose owning process died without stopping it
    const dataDir = join(folder, 'pg');
    const child = await startChild(dataDir);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const stalePid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    // when
    const db = await startEmbeddedPostgres({ dataDir });
    try {
      // then: the old server is gone, the new one serves the same cluster (not re-initialised)
      expect(() => process.kill(stalePid, 0)).to.throw();
      const client = new pg.Client(db.connectionString);
      await client.connect();
      const { rows } = await client.query("select to_regclass('survived') is not null as present");
      await client.end();
      expect(rows[0].present).to.equal(true);
    } finally {
      await db.stop();
    }
    expect(existsSync(join(dataDir, 'postmaster.pid'))).to.equal(false);
  });

  it('should keep the data directory where asked when the server user can reach it', () => {
    // given: a folder every user may pass through
    const preferred = join(folder, 'pg');
    // when / then
    expect(resolveDataDir(preferred)).to.equal(preferred);
  });

  it('should move the data directory under the temp folder when a folder above it is private to root', function () {
    if (process.getuid?.() !== 0) this.skip();
    // given
    chmodSync(folder, 0o700);
    const preferred = join(folder, 'pg');
    // when
    const chosen = resolveDataDir(preferred);
    // then: stable per requested path
    expect(chosen.startsWith(join(tmpdir(), 'lifeline-pg-'))).to.equal(true);
    expect(resolveDataDir(preferred)).to.equal(chosen);
  });
});
