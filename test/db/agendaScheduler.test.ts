import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Engine, systemClock } from '../../engine/index.js';
import { AgendaScheduler, type AgendaSchedulerOptions } from '../../db/AgendaScheduler.js';
import { createTestDb, type TestDb } from '../setup/testDb.js';

/** Waits (bounded) until `check` holds; the one place tests touch wall-clock time, for agenda's real dispatch. */
async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
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

  function scheduler(options: Pick<AgendaSchedulerOptions, 'onDue' | 'name'>): AgendaScheduler {
    const created = new AgendaScheduler({ connectionString: db.connectionString, schema: db.schema, processEvery: 200, ...options });
    schedulers.push(created);
    return created;
  }

  it('should call onDue once for a timer scheduled twice about a second ahead, and never for a cancelled one', async function () {
    this.timeout(10_000);
    // given
    const calls: string[] = [];
    const agenda = scheduler({ onDue: async (id) => void calls.push(id) });
    await agenda.start();
    const kept = randomUUID();
    const cancelled = randomUUID();
    const dueAt = new Date(Date.now() + 1000);
    // when
    await agenda.schedule([{ id: kept, dueAt }, { id: cancelled, dueAt }]);
    await agenda.schedule([{ id: kept, dueAt }]);
    await agenda.cancel([cancelled]);
    // then
    await eventually(() => calls.length > 0);
    expect(Date.now()).to.be.at.least(dueAt.getTime());
    // no wake-up is left that could still call: the kept one is removed once done, the cancelled one is gone
    await eventually(async () => (await db.knex('agenda_jobs').count<{ count: number }[]>('* as count'))[0].count === 0);
    expect(calls).to.deep.equal([kept]);
  });

  it('should dispatch a timer through agenda when it comes due, exactly once with two engine processes', async function () {
    this.timeout(20_000);
    // given: two engines with their own agenda on one database, and a model waiting one second
    const engines: Engine[] = [];
    for (const name of ['engine-1', 'engine-2']) {
      let engine!: Engine;
      const own = scheduler({ name, onDue: (id) => engine.fireTimer(id) });
      engine = new Engine({ store: db.store, clock: systemClock, scheduler: own });
      engines.push(engine);
    }
    for (const s of schedulers) await s.start();
    const [one, two] = engines;
    const xml = await readFile(new URL('fixtures/one-second.bpmn', import.meta.url), 'utf8');
    await one.deploy({ resources: [{ name: 'one-second.bpmn', xml }] });
    // when
    const instance = await one.startInstance({ definitionKey: 'oneSecond' });
    // then: the boundary timer fires through agenda and the escalation task appears
    await eventually(async () => (await two.listTasks({ instanceId: instance.id, elementId: 'late', state: 'created' })).total === 1);
    const fired = (await one.history(instance.id)).filter((h) => h.type === 'timer.fired');
    expect(fired).to.have.length(1);
  });
});
