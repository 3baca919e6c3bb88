import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { session, sleep, startDatabase, startEngine, until, type ChaosDatabase, type Client, type EngineProcess } from './support/cluster.js';

/** The server's processes: the postmaster and its children (backends, checkpointer, ...). */
function serverProcesses(postmaster: number): number[] {
  let children: number[] = [];
  try {
    children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(postmaster)], { encoding: 'utf8' }).split('\n').map(Number).filter(Boolean);
  } catch {
    // no children
  }
  return [postmaster, ...children];
}

const timed = async (c: Client, method: string, path: string, body?: unknown) => {
  const t0 = performance.now();
  try {
    const response = await c.call(method, path, body);
    return { ...response, ms: performance.now() - t0 };
  } catch {
    return { status: 0, body: null, ms: performance.now() - t0 };
  }
};

/**
 * Issue 9, must hold: PostgreSQL frozen and then stopped under load; the
 * API answers 503 quickly, nothing is half-written, work resumes by itself
 * when the database returns.
 */
describe('chaos: database outage under load', () => {
  let database: ChaosDatabase;
  let engine: EngineProcess;
  before(async function () {
    this.timeout(120_000);
    database = await startDatabase();
    engine = await startEngine(database.db.connectionString, { DB_CONNECT_TIMEOUT_MS: '1000', DB_STATEMENT_TIMEOUT_MS: '3000', DB_LOCK_TIMEOUT_MS: '2000' });
  });
  after(async () => {
    engine?.child.kill('SIGTERM');
    await engine?.exited;
    await database?.destroy();
  });

  it('should answer 503 within seconds while PostgreSQL is frozen and while it is stopped, write nothing half, and resume by itself', async function () {
    this.timeout(5 * 60_000);
    const designer = await session(engine.url, 'designer');
    const xml = await readFile(new URL('fixtures/chaos.bpmn', import.meta.url), 'utf8');
    expect((await designer.call('POST', '/api/deployments', { resources: [{ name: 'chaos.bpmn', xml }] })).status).to.equal(201);
    const employee = await session(engine.url, 'employee');
    const anonymous = { base: engine.url, call: async (method: string, path: string) => ({ status: (await fetch(engine.url + path, { method, signal: AbortSignal.timeout(30_000) })).status, body: null }) } as Client;
    // a timer that comes due during the outage: it must fire by itself afterwards
    const timer = await employee.call('POST', '/api/process-definitions/chaos/start', { businessKey: 'timer', variables: { kind: 1 } });
    expect(timer.status).to.equal(201);

    // load: starts with their own business keys, remembering each answer
    const answers = new Map<string, number>();
    let stop = false;
    let n = 0;
    const load = async () => {
      while (!stop) {
        const key = `O${n++}`;
        const response = await timed(employee, 'POST', '/api/process-definitions/chaos/start', { businessKey: key, variables: { kind: 2 } });
        answers.set(key, response.status);
        if (response.status !== 201) await sleep(50);
      }
    };
    const loaders = [load(), load(), load()];
    await until(async () => [...answers.values()].filter((s) => s === 201).length > 50, 'some load', 60_000);

    // when: PostgreSQL freezes (every server process stopped with SIGSTOP)
    const frozen = serverProcesses(database.db.pid()!);
    for (const pid of frozen) process.kill(pid, 'SIGSTOP');
    const freezeStarted = Date.now();
    let fast503: { ms: number } | undefined;
    try {
      // then: within seconds, requests are refused quickly with 503 and /ready says so
      await until(async () => (await timed(anonymous, 'GET', '/ready')).status === 503, '/ready to say 503', 10_000, 100);
      const readyAfter = Date.now() - freezeStarted;
      await until(async () => {
        const r = await timed(employee, 'GET', '/api/tasks');
        if (r.status === 503 && r.ms < 1000) fast503 = r;
        return fast503 !== undefined;
      }, 'a fast 503 while frozen', 15_000, 100);
      console.log(`      frozen: /ready 503 after ${readyAfter} ms; API 503 in ${Math.round(fast503!.ms)} ms`);
      expect(readyAfter).to.be.below(6000);
      await sleep(3000);
    } finally {
      for (const pid of frozen) process.kill(pid, 'SIGCONT');
    }
    await until(async () => (await timed(anonymous, 'GET', '/ready')).status === 200, '/ready after the freeze', 30_000);

    // when: PostgreSQL stops
    await database.db.stop();
    const stopped = Date.now();
    await until(async () => (await timed(anonymous, 'GET', '/ready')).status === 503, '/ready to say 503 when stopped', 10_000, 100);
    const refused = await timed(employee, 'GET', '/api/tasks');
    console.log(`      stopped: /ready 503 after ${Date.now() - stopped} ms; API answered ${refused.status} in ${Math.round(refused.ms)} ms`);
    expect(refused.status).to.equal(503);
    expect(refused.ms).to.be.below(2000);
    await sleep(3000); // the timer comes due meanwhile

    // then: it comes back, and work resumes by itself
    await database.restart();
    const back = Date.now();
    await until(async () => (await timed(employee, 'POST', '/api/process-definitions/chaos/start', { businessKey: `after-${Date.now()}`, variables: { kind: 2 } })).status === 201, 'a start after the restart', 60_000);
    console.log(`      restarted: accepting starts again after ${Date.now() - back} ms`);
    stop = true;
    await Promise.all(loaders);
    await until(async () => (await database.query<{ state: string }>("select state from process_instances where business_key = 'timer'"))[0].state === 'completed', 'the timer that came due during the outage', 30_000);

    // and nothing is half-written: every instance has its task, every 201 has its instance
    const rows = await database.query<{ business_key: string; tasks: number }>("select i.business_key, count(t.id)::int as tasks from process_instances i left join user_tasks t on t.instance_id = i.id where i.business_key like 'O%' group by i.business_key");
    expect(rows.filter((r) => r.tasks !== 1)).to.deep.equal([]);
    const stored = new Set(rows.map((r) => r.business_key));
    const acknowledged = [...answers].filter(([, status]) => status === 201).map(([key]) => key);
    expect(acknowledged.filter((key) => !stored.has(key))).to.deep.equal([]);
    const statuses = [...answers.values()].reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});
    console.log(`      answers during the test: ${JSON.stringify(statuses)}`);
    expect(Object.keys(statuses).map(Number).filter((s) => s >= 500 && s !== 503)).to.deep.equal([]);
  });
});
