import { expect } from 'chai';
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from '../setup/waitFor.js';
import { alive } from '../../db/embeddedPostgres.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } };

/** Processes whose command line mentions `text` (the embedded server runs with its data directory in its arguments). */
function processesMentioning(text: string): string[] {
  return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).split('\n').filter((line) => line.includes(text) && !line.includes('ps -eo'));
}

/** The `node ... api/main.ts` process started under `npmPid` (npm runs it through `sh -c`): only ours, never another checkout's. */
function serverUnder(npmPid: number): number {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).split('\n').map((line) => line.trim().split(/\s+/)).filter((f) => f.length > 2);
  const below = (pids: Set<number>) => new Set(table.filter((f) => pids.has(Number(f[1]))).map((f) => Number(f[0])));
  const descendants = new Set<number>();
  for (let level = new Set([npmPid]); level.size; level = below(level)) for (const pid of level) descendants.add(pid);
  const server = table.find((f) => descendants.has(Number(f[0])) && f[2] === 'node' && f.includes('api/main.ts'));
  if (!server) throw new Error(`no server process under npm ${npmPid}`);
  return Number(server[0]);
}

describe('npm start', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'lifeline-start-'));
    chmodSync(folder, 0o755);
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('should start on a fresh data directory, serve a demo session, and stop on Ctrl-C leaving nothing running', async function () {
    this.timeout(90_000);
    // given: exactly the command of `npm start`, on an empty data directory
    const [command, ...args] = packageJson.scripts.start.split(' ');
    const dataDir = join(folder, 'pg');
    const { DATABASE_URL: _useEmbedded, ...env } = process.env;
    const child = spawn(command, args, { cwd: root, env: { ...env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed within 60 s:\n${output}`)), 60_000);
      const check = () => {
        const match = /Lifeline is running at (http:\/\/\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', check);
      child.on('exit', () => reject(new Error(`exited before printing a URL:\n${output}`)));
    });
    expect(output).to.match(/password "demo"/);
    // when: log in as a demo employee, find the demo work (a request Erin claimed), start a support request, complete its task
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'employee', password: 'demo' }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const call = (path: string, body?: unknown) =>
      fetch(url + path, { method: body === undefined ? 'GET' : 'POST', headers: { cookie, 'content-type': 'application/json', 'x-requested-with': 'lifeline' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const demoWork = (await (await call('/api/tasks?mine=true&businessKey=ACME-1001')).json()) as { items: { assignee: string }[] };
    expect(demoWork.items.map((t) => t.assignee)).to.deep.equal(['employee']);
    const started = await call('/api/process-definitions/support-escalation/start', { variables: { summary: 'Hello', severity: 'normal' } });
    expect(started.status).to.equal(201);
    const { id: instanceId } = (await started.json()) as { id: string };
    const tasks = (await (await call(`/api/tasks?mine=true&instanceId=${instanceId}`)).json()) as { items: { id: string }[] };
    expect(tasks.items).to.have.length(1);
    expect((await call(`/api/tasks/${tasks.items[0].id}/complete`, { variables: { answer: 'Done', resolved: true } })).status).to.equal(204);
    expect(processesMentioning(dataDir).length).to.be.greaterThan(0);
    // then: Ctrl-C stops everything
    child.kill('SIGINT');
    expect(await exited).to.equal(0);
    expect(processesMentioning(dataDir)).to.deep.equal([]);
  });

  /** Starts `npm start` itself (npm, then node) and resolves with it once it printed its URL. */
  async function npmStart(dataDir: string): Promise<{ npm: ReturnType<typeof spawn>; url: string }> {
    const { DATABASE_URL: _useEmbedded, ...env } = process.env;
    const npm = spawn('npm', ['start'], { cwd: root, env: { ...env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    npm.stdout!.on('data', (d) => (output += d));
    npm.stderr!.on('data', (d) => (output += d));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL within 60 s:\n${output}`)), 60_000);
      npm.stdout!.on('data', () => {
        const match = /Lifeline is running at (http:\/\/\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    return { npm, url };
  }

  for (const victim of ['npm', 'the server process'] as const) {
    it(`should leave nothing running when ${victim} of npm start is killed with SIGKILL (issue 9)`, async function () {
      this.timeout(120_000);
      // given
      const dataDir = join(folder, 'pg');
      const { npm, url } = await npmStart(dataDir);
      expect((await fetch(`${url}/health`)).status).to.equal(200);
      expect(processesMentioning(dataDir).length).to.be.greaterThan(0);
      // when
      const server = serverUnder(npm.pid!);
      process.kill(victim === 'npm' ? npm.pid! : server!, 'SIGKILL');
      // then: the server (if it survived its parent) and PostgreSQL stop by themselves
      await waitFor(() => processesMentioning(dataDir).length === 0 && !alive(server), 'nothing of npm start left running', 30_000);
      npm.kill('SIGKILL');
    });
  }
});
