import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { Engine, systemClock } from '../../engine/index.js';
import { AgendaScheduler } from '../../db/AgendaScheduler.js';
import { createTestDb, type TestDb } from '../setup/testDb.js';

/** Waits (bounded) until `check` holds; the one place tests touch wall-clock time, for agenda's real dispatch. */
async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

describe('agenda scheduler', () => {
  let db: TestDb;
  let schedulers: AgendaScheduler[] = [];
  beforeEach(async () => {
    db = await createTestDb();
    schedulers = [];
  });
  afterEach(async () => {
    for (const scheduler of schedulers) await scheduler.stop();
    await db.destroy();
  });

  function engineWithAgenda(name: string): Engine {
    let engine!: Engine;
    const scheduler = new AgendaScheduler({ connectionString: db.connectionString, schema: db.schema, name, processEvery: 200, onDue: (id) => engine.fireTimer(id) });
    schedulers.push(scheduler);
    engine = new Engine({ store: db.store, clock: systemClock, scheduler });
    return engine;
  }

  it('should dispatch a timer through agenda when it comes due, exactly once with two engine processes', async function () {
    this.timeout(20_000);
    // given: two engines with their own agenda on one database, and a model waiting one second
    const one = engineWithAgenda('engine-1');
    const two = engineWithAgenda('engine-2');
    for (const scheduler of schedulers) await scheduler.start();
    const xml = (await readFile(new URL('fixtures/one-second.bpmn', import.meta.url), 'utf8'));
    await one.deploy({ resources: [{ name: 'one-second.bpmn', xml }] });
    // when
    const instance = await one.startInstance({ definitionKey: 'oneSecond' });
    // then: the boundary timer fires through agenda and the escalation task appears
    await eventually(async () => (await two.listTasks({ instanceId: instance.id, elementId: 'late', state: 'created' })).total === 1);
    const fired = (await one.history(instance.id)).filter((h) => h.type === 'timer.fired');
    expect(fired).to.have.length(1);
    const [{ count }] = await db.knex('agenda_jobs').count<{ count: number }[]>('* as count');
    expect(count).to.be.at.most(1);
  });
});
