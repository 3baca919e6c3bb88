import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { alive, resolveDataDir, startEmbeddedPostgres } from '../../db/embeddedPostgres.js';
import { installedBinaries } from '../../db/postgres/binaries.js';
import { waitFor } from '../setup/waitFor.js';

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

  it('should stop the server when its owner is killed with SIGKILL (no orphan), and start again on the same data (issue 9)', async function () {
    this.timeout(60_000);
    // given: a server whose owning process dies without stopping it
    const dataDir = join(folder, 'pg');
    const child = await startChild(dataDir);
    const stalePid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    // then: its guardian stops the server
    await waitFor(() => !alive(stalePid), 'the orphaned server to stop', 20_000);
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

  it('should give a new cluster a generated password, kept for its owner only; the old fixed one is refused', async function () {
    this.timeout(60_000);
    const db = await startEmbeddedPostgres({ dataDir: join(folder, 'pg') });
    try {
      const password = decodeURIComponent(new URL(db.connectionString).password);
      expect(password).to.not.equal('lifeline');
      expect(password).to.have.length.above(20);
      expect(statSync(join(db.dataDir, 'lifeline.password')).mode & 0o077).to.equal(0);
      const fixed = new pg.Client({ host: '127.0.0.1', port: db.port, user: 'lifeline', password: 'lifeline', database: 'postgres' });
      const refused = await fixed.connect().then(() => undefined, (e: { code?: string }) => e);
      expect(refused?.code).to.equal('28P01');
    } finally {
      await db.stop();
    }
  });

  it('should restart the server when it dies, and serve connections again (issue 9)', async function () {
    this.timeout(60_000);
    // given
    const events: string[] = [];
    const db = await startEmbeddedPostgres({ dataDir: join(folder, 'pg'), onEvent: (event) => events.push(event) });
    try {
      const first = db.pid()!;
      // when: the server is killed behind Lifeline's back
      process.kill(first, 'SIGKILL');
      // then
      await waitFor(() => db.restarts() === 1, 'the supervisor to restart the server', 30_000);
      expect(db.pid()).to.not.equal(first);
      expect(events).to.include.members(['died', 'restarted']);
      const client = new pg.Client(db.connectionString);
      await client.connect();
      expect((await client.query('select 1 as one')).rows[0].one).to.equal(1);
      await client.end();
    } finally {
      await db.stop();
    }
  });

  it('should run from a copy of the binaries when the server user cannot reach them (root, private folder)', async function () {
    if (process.getuid?.() !== 0) this.skip();
    this.timeout(120_000);
    // given: the binaries inside a folder only root may enter (a clone under /root)
    const vault = join(folder, 'private');
    mkdirSync(vault, { mode: 0o700 });
    chmodSync(vault, 0o700);
    const native = join(vault, 'native');
    cpSync(installedBinaries().native, native, { recursive: true, verbatimSymlinks: true });
    // when
    const db = await startEmbeddedPostgres({ dataDir: join(folder, 'pg'), binaries: { native, postgres: join(native, 'bin', 'postgres'), initdb: join(native, 'bin', 'initdb') } });
    // then
    try {
      expect(db.binDir.startsWith(tmpdir())).to.equal(true);
      const client = new pg.Client(db.connectionString);
      await client.connect();
      await client.end();
    } finally {
      await db.stop();
      rmSync(db.binDir, { recursive: true, force: true });
    }
  });
});
