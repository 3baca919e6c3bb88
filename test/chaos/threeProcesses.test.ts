import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { session, sleep, startDatabase, startEngine, until, workerToken, type ChaosDatabase, type Client, type EngineProcess } from './support/cluster.js';

const INSTANCES = Number(process.env.CHAOS_THREE_INSTANCES ?? 900);

/**
 * Issue 9, must hold: three engine processes on one database under load:
 * each timer fires once, each job is with one worker at a time, each
 * message is correlated once.
 */
describe('chaos: three engine processes on one database', () => {
  let database: ChaosDatabase;
  const engines: EngineProcess[] = [];
  before(async function () {
    this.timeout(180_000);
    database = await startDatabase();
    engines.push(await startEngine(database.db.connectionString));
    for (let i = 0; i < 2; i++) engines.push(await startEngine(database.db.connectionString, { DEMO_DATA: 'false' }));
  });
  after(async () => {
    for (const engine of engines) engine.child.kill('SIGTERM');
    await Promise.all(engines.map((e) => e.exited));
    await database?.destroy();
  });

  it(`should fire each of ${INSTANCES} timers once, give each job to one worker at a time and correlate each message once`, async function () {
    this.timeout(10 * 60_000);
    const xml = await readFile(new URL('fixtures/three.bpmn', import.meta.url), 'utf8');
    expect((await (await session(engines[0].url, 'designer')).call('POST', '/api/deployments', { resources: [{ name: 'three.bpmn', xml }] })).status).to.equal(201);
    const starters: Client[] = await Promise.all(engines.map((e) => session(e.url, 'employee')));
    const publishers: Client[] = await Promise.all(engines.map((e) => session(e.url, 'manager')));
    const workers: Client[] = await Promise.all(engines.map((e) => workerToken(e.url)));
    const t0 = Date.now();

    // when: starts spread over the three processes
    let next = 0;
    const start = async (i: number) => {
      while (next < INSTANCES) {
        const n = next++;
        const response = await starters[(n + i) % 3].call('POST', '/api/process-definitions/three/start', { businessKey: `K${n}`, variables: { key: `K${n}` } });
        expect(response.status).to.equal(201);
      }
    };
    // workers on every process; each activation is remembered with its worker
    const activations = new Map<string, string[]>();
    let finished = false;
    const work = async (w: number) => {
      while (!finished) {
        const name = `worker-${w}`;
        const activated = await workers[w % 3].call('POST', '/api/jobs/activate', { type: 'three', worker: name, maxJobs: 20, lockDuration: 60_000, requestTimeout: 300 });
        expect(activated.status).to.equal(200);
        for (const job of activated.body.jobs) {
          activations.set(job.id, [...(activations.get(job.id) ?? []), name]);
          const done = await workers[(w + 1) % 3].call('POST', `/api/jobs/${job.id}/complete`, { variables: {} });
          expect(done.status, JSON.stringify(done.body)).to.equal(204);
          // and its message, published at the same moment through two different processes
          const key = job.variables.key;
          const [a, b] = await Promise.all([
            publishers[w % 3].call('POST', '/api/messages', { name: 'three-reply', correlationKey: key }),
            publishers[(w + 1) % 3].call('POST', '/api/messages', { name: 'three-reply', correlationKey: key }),
          ]);
          expect([a.status, b.status].sort(), `${key}: ${JSON.stringify([a.body, b.body])}`).to.deep.equal([200, 404]);
        }
        if (!activated.body.jobs.length) await sleep(50);
      }
    };
    const loops = [start(0), start(1), start(2), ...[0, 1, 2, 3, 4, 5].map(work)];
    await until(async () => Number((await database.query<{ n: number }>("select count(*)::int as n from process_instances where state = 'completed'"))[0].n) === INSTANCES, 'every instance to complete', 8 * 60_000, 500).finally(() => (finished = true));
    await Promise.all(loops);

    // then
    const one = async (sql: string) => Number((await database.query<{ n: number }>(sql))[0].n);
    expect(await one("select count(*)::int as n from (select instance_id from history_events where type = 'timer.fired' group by instance_id having count(*) <> 1) x"), 'each timer fired once').to.equal(0);
    expect(await one("select count(*)::int as n from history_events where type = 'timer.fired'")).to.equal(INSTANCES);
    expect([...activations.values()].filter((names) => names.length !== 1), 'each job with one worker').to.deep.equal([]);
    expect(activations.size).to.equal(INSTANCES);
    expect(await one("select count(*)::int as n from message_subscriptions where state = 'correlated'"), 'each message correlated once').to.equal(INSTANCES);
    console.log(`      ${INSTANCES} instances on three processes in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  });
});
