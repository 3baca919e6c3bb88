import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { session, sleep, startDatabase, startEngine, until, workerToken, type ChaosDatabase, type Client, type EngineProcess } from './support/cluster.js';

const INSTANCES = Number(process.env.CHAOS_INSTANCES ?? 10_000);

/** A call that survives the engine being down: network errors and 503 come back as status 0 / 503. */
async function tryCall(c: Client, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
  try {
    return await c.call(method, path, body);
  } catch {
    return { status: 0, body: null };
  }
}

/**
 * Issue 9, must hold: SIGKILL of an engine process while 10,000 instances
 * run (timers, jobs, user tasks in flight); after the restart every
 * instance reaches its end: none lost, no task created twice, no timer
 * fired twice, no job completed twice.
 */
describe('chaos: SIGKILL of an engine process under load', () => {
  let database: ChaosDatabase;
  let engine: EngineProcess | undefined;
  before(async function () {
    this.timeout(120_000);
    database = await startDatabase();
  });
  after(async () => {
    engine?.child.kill('SIGKILL');
    await database?.destroy();
  });

  it(`should bring all ${INSTANCES} instances to their end exactly once after a SIGKILL and a restart`, async function () {
    this.timeout(15 * 60_000);
    const port = String(await import('../../db/embeddedPostgres.js').then((m) => m.freePort()));
    const env = { PORT: port, STEP_MAX_MS: '5000' };
    engine = await startEngine(database.db.connectionString, env);
    const designer = await session(engine.url, 'designer');
    const xml = await readFile(new URL('fixtures/chaos.bpmn', import.meta.url), 'utf8');
    expect((await designer.call('POST', '/api/deployments', { resources: [{ name: 'chaos.bpmn', xml }] })).status).to.equal(201);
    const employee = await session(engine.url, 'employee');
    const manager = await session(engine.url, 'manager');
    const worker = await workerToken(engine.url);
    const t0 = Date.now();
    let started = 0;
    let killed = false;
    let finished = false;
    const stats = { startRetries: 0, jobConflicts: 0, taskConflicts: 0, jobsCompleted: 0, tasksCompleted: 0 };

    // producers: start every business key once, checking before a retry whether a lost answer had committed
    let next = 0;
    const produce = async () => {
      while (next < INSTANCES) {
        const i = next++;
        for (let attempt = 0; ; attempt++) {
          const response = await tryCall(employee, 'POST', '/api/process-definitions/chaos/start', { businessKey: `B${i}`, variables: { kind: i % 3 } });
          if (response.status === 201) break;
          stats.startRetries += 1;
          // The answer was lost: the start may have committed. Ask (until there is an answer) before trying again.
          let existing = await tryCall(manager, 'GET', `/api/process-instances?businessKey=B${i}`);
          for (let asked = 0; existing.status !== 200; asked++) {
            if (asked > 600) throw new Error(`could not learn whether B${i} started`);
            await sleep(200);
            existing = await tryCall(manager, 'GET', `/api/process-instances?businessKey=B${i}`);
          }
          if (existing.body.total > 0) break;
          if (attempt > 600) throw new Error(`start of B${i} kept failing: ${response.status}`);
        }
        started += 1;
      }
    };
    // workers and the task list, until everything has ended
    const work = async () => {
      while (!finished) {
        const activated = await tryCall(worker, 'POST', '/api/jobs/activate', { type: 'chaos', worker: 'w', maxJobs: 50, lockDuration: 15_000, requestTimeout: 500 });
        if (activated.status !== 200) {
          await sleep(200);
          continue;
        }
        for (const job of activated.body.jobs) {
          const done = await tryCall(worker, 'POST', `/api/jobs/${job.id}/complete`, { variables: {} });
          if (done.status === 204) stats.jobsCompleted += 1;
          else if (done.status === 409) stats.jobConflicts += 1;
        }
      }
    };
    const review = async () => {
      while (!finished) {
        const tasks = await tryCall(employee, 'GET', '/api/tasks?limit=100');
        if (tasks.status !== 200 || tasks.body.items.length === 0) {
          await sleep(300);
          continue;
        }
        for (const task of tasks.body.items) {
          const done = await tryCall(employee, 'POST', `/api/tasks/${task.id}/complete`, { variables: { ok: true } });
          if (done.status === 204) stats.tasksCompleted += 1;
          else if (done.status === 409 || done.status === 404) stats.taskConflicts += 1;
        }
      }
    };
    // the crash: SIGKILL once a third of the instances are started, then the same command again
    const crash = async () => {
      await until(async () => started >= INSTANCES / 3, 'a third of the starts', 10 * 60_000, 50);
      engine!.child.kill('SIGKILL');
      await engine!.exited;
      killed = true;
      await sleep(1000);
      engine = await startEngine(database.db.connectionString, env);
    };
    const countEnded = async () => Number((await database.query<{ n: number }>("select count(*)::int as n from process_instances where state = 'completed'"))[0].n);
    const loops = [...Array.from({ length: 12 }, produce), work(), work(), review(), crash()];
    const done = until(async () => (await countEnded()) >= INSTANCES, 'every instance to complete', 12 * 60_000, 1000).finally(() => (finished = true));
    await Promise.all([done, ...loops]);
    const seconds = (Date.now() - t0) / 1000;

    // then: exactly once, everywhere
    const one = async (sql: string) => Number((await database.query<{ n: number }>(sql))[0].n);
    expect(killed).to.equal(true);
    expect(await one('select count(*)::int as n from process_instances')).to.equal(INSTANCES);
    expect(await one('select count(distinct business_key)::int as n from process_instances')).to.equal(INSTANCES);
    expect(await one("select count(*)::int as n from process_instances where state <> 'completed'")).to.equal(0);
    expect(await one('select count(*)::int as n from (select instance_id from user_tasks group by instance_id having count(*) > 1) x'), 'no task created twice').to.equal(0);
    expect(await one("select count(*)::int as n from user_tasks where state <> 'completed'")).to.equal(0);
    expect(await one('select count(*)::int as n from (select instance_id from timers group by instance_id having count(*) > 1) x'), 'no timer created twice').to.equal(0);
    expect(await one("select count(*)::int as n from (select instance_id from history_events where type = 'timer.fired' group by instance_id having count(*) > 1) x"), 'no timer fired twice').to.equal(0);
    expect(await one('select count(*)::int as n from (select instance_id from jobs group by instance_id having count(*) > 1) x'), 'no job created twice').to.equal(0);
    expect(await one("select count(*)::int as n from jobs where state <> 'completed'")).to.equal(0);
    expect(await one("select count(*)::int as n from (select instance_id, element_id from history_events where type = 'element.completed' group by instance_id, element_id having count(*) > 1) x"), 'no element completed twice').to.equal(0);
    expect(await one("select count(*)::int as n from incidents where state = 'open'")).to.equal(0);
    console.log(`      ${INSTANCES} instances in ${seconds.toFixed(0)} s with one SIGKILL: ${JSON.stringify(stats)}`);
  });
});
