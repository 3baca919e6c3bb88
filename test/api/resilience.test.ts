import { expect } from 'chai';
import pino from 'pino';
import { ControllableClock, Engine, manualScheduler } from '../../engine/index.js';
import { DatabaseProbe, PostgresStore, createKnex } from '../../db/index.js';
import { freePort } from '../../db/embeddedPostgres.js';
import { createServer } from '../../api/server.js';
import { loadConfig } from '../../api/config.js';
import { apiFixture, startTestApi, type TestApi } from './support/apiHarness.js';

/** Issue 9: one request must not stall everyone; a database that is away answers 503 quickly. */
describe('API: resilience', () => {
  describe('a runaway step', () => {
    let api: TestApi;
    beforeEach(async () => {
      api = await startTestApi();
    });
    afterEach(() => api.close());

    it('should keep /health under 100 ms while a loop with no wait state runs to its budget, then answer the start with an incident on the loop', async function () {
      this.timeout(30_000);
      // given: a model that only leaves its loop after a billion rounds
      const designer = await api.as('designer');
      const deployed = await designer.post('/api/deployments', await apiFixture('spin.bpmn'), 'application/xml');
      expect(deployed.status).to.equal(201);
      expect(deployed.body.warnings.map((w: { elementId: string }) => w.elementId)).to.deep.equal(['enough']);
      const employee = await api.as('employee');
      // when: the start runs while /health is asked every 20 ms
      let done = false;
      const latencies: number[] = [];
      const started = performance.now();
      const start = employee.post('/api/process-definitions/spin/start', { variables: { n: 0, limit: 1e9 } }).finally(() => (done = true));
      while (!done) {
        const t0 = performance.now();
        expect((await fetch(`${api.base}/health`)).status).to.equal(200);
        latencies.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 20));
      }
      const response = await start;
      const elapsed = performance.now() - started;
      // then
      console.log(`      runaway start: ${Math.round(elapsed)} ms; /health max ${Math.round(Math.max(...latencies))} ms over ${latencies.length} calls`);
      expect(response.status).to.equal(201);
      expect(latencies.length).to.be.greaterThan(20);
      expect(Math.max(...latencies)).to.be.below(100);
      const incidents = (await api.engine.listIncidents({ instanceId: response.body.id })).items;
      expect(incidents).to.have.length(1);
      expect(incidents[0].type).to.equal('step_budget_exceeded');
      expect(['again', 'count', 'enough']).to.include(incidents[0].elementId);
    });
  });

  describe('a database that cannot be reached', () => {
    it('should answer 503 problems with Retry-After at once and say so on /ready within seconds', async function () {
      this.timeout(20_000);
      // given: a server whose database is gone (nothing listens on its port)
      const url = `postgres://lifeline:x@127.0.0.1:${await freePort()}/postgres`;
      const knex = createKnex(url, { timeouts: { connectMs: 500 } });
      const health = new DatabaseProbe(url, { intervalMs: 200, timeoutMs: 500 });
      const engine = new Engine({ store: new PostgresStore(knex), clock: new ControllableClock(), scheduler: manualScheduler });
      const server = createServer({ engine, knex, clock: new ControllableClock(), config: loadConfig({ LOG_LEVEL: 'silent' }), health }, pino({ level: 'silent' }));
      const { port } = await server.listen(0);
      const base = `http://127.0.0.1:${port}`;
      try {
        // when: before the probe noticed, a request fails on its own connection attempt
        const first = await fetch(`${base}/api/process-definitions`, { headers: { authorization: 'Bearer lt_x' } });
        expect(first.status).to.equal(503);
        expect(first.headers.get('retry-after')).to.equal('5');
        expect((await first.json()).code).to.equal('DATABASE_UNAVAILABLE');
        // and once the probe knows, requests are refused without trying
        health.start();
        for (let i = 0; i < 100 && health.available; i++) await new Promise((r) => setTimeout(r, 20));
        const t0 = performance.now();
        const refused = await fetch(`${base}/api/me`);
        const ready = await fetch(`${base}/ready`);
        // then
        expect(refused.status).to.equal(503);
        expect(ready.status).to.equal(503);
        expect(performance.now() - t0).to.be.below(500);
        expect((await fetch(`${base}/health`)).status).to.equal(200);
      } finally {
        health.stop();
        await server.close();
        await knex.destroy();
      }
    });
  });
});
