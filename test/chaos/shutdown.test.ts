import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { session, startDatabase, startEngine, workerToken, type ChaosDatabase, type EngineProcess } from './support/cluster.js';

/**
 * Issue 9, must hold: SIGTERM finishes in-flight requests and steps,
 * releases job locks, and a restart loses nothing (including a request
 * sent during shutdown).
 */
describe('chaos: graceful shutdown', () => {
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

  it('should finish what is in flight on SIGTERM, refuse what comes after with 503, hold no job lock, and lose nothing over a restart', async function () {
    this.timeout(5 * 60_000);
    // given: an engine with a long step available (about a second of work)
    const env = { PORT: String(await import('../../db/embeddedPostgres.js').then((m) => m.freePort())), STEP_MAX_MS: '20000' };
    engine = await startEngine(database.db.connectionString, env);
    const designer = await session(engine.url, 'designer');
    const xml = await readFile(new URL('fixtures/slow.bpmn', import.meta.url), 'utf8');
    expect((await designer.call('POST', '/api/deployments', { resources: [{ name: 'slow.bpmn', xml }] })).status).to.equal(201);
    const employee = await session(engine.url, 'employee');
    const worker = await workerToken(engine.url);
    // when: a long step and a long poll are in flight, then SIGTERM, then another request
    const longStep = employee.call('POST', '/api/process-definitions/slow/start', { businessKey: 'in-flight', variables: { n: 0, limit: 1500 } });
    const t0 = Date.now();
    const longPoll = worker.call('POST', '/api/jobs/activate', { type: 'nothing-yet', worker: 'w', maxJobs: 5, requestTimeout: 20_000 });
    await new Promise((r) => setTimeout(r, 150));
    engine.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 20));
    const during = await employee.call('POST', '/api/process-definitions/slow/start', { businessKey: 'during', variables: { n: 0, limit: 1 } }).catch(() => ({ status: 0, body: null }));
    const [step, poll] = await Promise.all([longStep, longPoll]).catch((error) => {
      throw new Error(`${error}; engine said:\n${engine!.output()}`);
    });
    const code = await engine.exited;
    // then: the in-flight work finished, the long poll came back early, the late request was refused (or done) cleanly
    expect(step.status, JSON.stringify(step.body)).to.equal(201);
    expect(poll.status).to.equal(200);
    expect(Date.now() - t0).to.be.below(15_000);
    expect([0, 201, 503]).to.include(during.status);
    expect(code).to.equal(0);
    expect((await database.query("select * from jobs where state = 'activated'")).length, 'no job left locked').to.equal(0);
    // when: restarted
    engine = await startEngine(database.db.connectionString, env);
    // then: nothing lost, and the late request is there exactly when it was acknowledged
    const rows = await database.query<{ business_key: string; state: string; n: number }>("select business_key, state, (variables->>'n')::int as n from process_instances order by business_key");
    const inFlight = rows.find((r) => r.business_key === 'in-flight');
    expect(inFlight?.n).to.equal(1500);
    expect(rows.filter((r) => r.business_key === 'during').length).to.equal(during.status === 201 ? 1 : 0);
    const after = await session(engine.url, 'employee');
    const tasks = await after.call('GET', '/api/tasks?businessKey=in-flight');
    expect(tasks.body.total).to.equal(1);
    console.log(`      SIGTERM during a ${1500}-round step: finished with 201, late request answered ${during.status}, exit ${code}`);
  });
});
