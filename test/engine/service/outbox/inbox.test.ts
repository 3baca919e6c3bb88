import { expect } from 'chai';
import type { Knex } from 'knex';
import { Engine, ControllableClock, manualScheduler } from '../../../../engine/index.js';
import { PostgresStore, createKnex } from '../../../../db/index.js';
import { createTestEngine, fixture, type TestEngine } from '../../support/engineHarness.js';

/** Waits (on the condition, not the clock) until `check` holds. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 2_000; i++) {
    if (await check()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`never happened: ${what}`);
}

/** Every statement `fn` ran on `knex` (transaction control included), in order, with its values. */
async function capture(knex: Knex, fn: () => Promise<unknown>): Promise<{ sql: string; bindings: unknown[] }[]> {
  const seen: { sql: string; bindings: unknown[] }[] = [];
  const listener = (query: { sql: string; bindings?: unknown[] }) => seen.push({ sql: query.sql, bindings: query.bindings ?? [] });
  knex.on('query', listener);
  try {
    await fn();
  } finally {
    knex.removeListener('query', listener);
  }
  return seen;
}

/** The transactions among `statements` (BEGIN … COMMIT/ROLLBACK; a statement outside one is a transaction alone). */
function transactions(statements: { sql: string; bindings: unknown[] }[]): { sql: string; bindings: unknown[] }[][] {
  const result: { sql: string; bindings: unknown[] }[][] = [];
  let open: { sql: string; bindings: unknown[] }[] | undefined;
  for (const statement of statements) {
    if (/^BEGIN/i.test(statement.sql)) open = [];
    else if (/^(COMMIT|ROLLBACK)/i.test(statement.sql)) {
      if (open) result.push(open);
      open = undefined;
    } else if (open) open.push(statement);
    else result.push([statement]);
  }
  return result;
}

/** The delivery transactions among `statements`: those recording a row in an inbox, with the target they recorded it for. */
function deliveries(statements: { sql: string; bindings: unknown[] }[]): { target: unknown; statements: string[] }[] {
  return transactions(statements)
    .filter((tx) => tx.some((s) => /insert into instance_inbox/.test(s.sql)))
    .map((tx) => ({ target: tx.find((s) => /insert into instance_inbox/.test(s.sql))!.bindings[0], statements: tx.map((s) => s.sql) }));
}

describe('the instance inbox: no outbox delivery touches the sender\'s row (issue 10, scale out)', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(
      fixture(import.meta.url, 'caller.bpmn'), fixture(import.meta.url, 'waiter.bpmn'),
      new URL('../fixtures/ping.bpmn', import.meta.url), new URL('../fixtures/fan-out.bpmn', import.meta.url),
    );
  });
  afterEach(() => t.destroy());

  const outboxRows = async () => t.db.knex('instance_outbox').select('*');
  /** Everything deliveries change: each instance's state and revision, tasks, subscriptions, history, incidents. */
  const fingerprint = async () => ({
    instances: await t.db.knex('process_instances').select('id', 'state', 'revision').orderBy('id'),
    tasks: await t.db.knex('user_tasks').select('id', 'state').orderBy('id'),
    subscriptions: await t.db.knex('message_subscriptions').select('id', 'state').orderBy('id'),
    history: Number((await t.db.knex('history_events').count({ n: '*' }))[0].n),
    incidents: Number((await t.db.knex('incidents').count({ n: '*' }))[0].n),
  });

  it('should deliver a call, a parent completion and a message in transactions that never write or lock a row of the sender\'s outbox, deleting the row in a statement of its own after COMMIT', async () => {
    // given: an engine on one connection of its own (its statements come one after the other), task change notices left to others
    const knex = createKnex(t.db.connectionString, { schema: t.db.schema, pool: { min: 1, max: 1 } });
    try {
      const engine = new Engine({ store: new PostgresStore(knex, { announceTaskChanges: false }), clock: new ControllableClock(), scheduler: manualScheduler });
      const openTask = async (instanceId: string, elementId: string) => (await engine.listTasks({ instanceId, state: 'created', limit: 10 })).items.find((x) => x.elementId === elementId)!;

      // when a caller starts (a call), its child completes (a parent completion), and one instance pings another (a message)
      let caller!: Awaited<ReturnType<Engine['startInstance']>>;
      const call = await capture(knex, async () => (caller = await engine.startInstance({ definitionKey: 'caller' })));
      const [child] = (await engine.listInstances({ parentInstanceId: caller.id, limit: 10 })).items;
      const work = await openTask(child.id, 'work');
      const parent = await capture(knex, () => engine.completeTask(work.id, { answer: 42 }, 'ann'));
      const a = await engine.startInstance({ definitionKey: 'ping', variables: { me: 'a', peer: 'b' } });
      const b = await engine.startInstance({ definitionKey: 'ping', variables: { me: 'b', peer: 'x' } });
      const go = await openTask(a.id, 'go');
      const message = await capture(knex, () => engine.completeTask(go.id, {}, 'ann'));

      // then each delivery is one transaction recording the row in its target's inbox, and none of them writes or locks instance_outbox
      for (const [what, statements, target, sender] of [['call', call, child.id, caller.id], ['parent', parent, caller.id, child.id], ['message', message, b.id, a.id]] as const) {
        const delivered = deliveries(statements);
        expect(delivered.map((d) => d.target), what).to.deep.equal([target]);
        expect(delivered[0].statements.filter((sql) => /instance_outbox/.test(sql)), `${what}: ${delivered[0].statements.join('\n')}`).to.deep.equal([]);
        // and the row went afterwards, on the sender's side, in a statement of its own
        const deletions = transactions(statements).filter((tx) => tx.some((s) => /delete from instance_outbox/.test(s.sql)));
        expect(deletions.map((tx) => tx.length), what).to.deep.equal([1]);
        expect(deletions[0][0].bindings[0], what).to.equal(sender);
      }
      // and the work was done, the outbox emptied
      expect((await engine.getInstance(caller.id))!.variables).to.deep.include({ answer: 42 });
      expect((await engine.getInstance(b.id))!.subscriptions.filter((s) => s.state === 'open')).to.have.length(0);
      await until(async () => Number((await knex('instance_outbox').count({ n: '*' }))[0].n) === 0, 'the outbox emptied');
    } finally {
      await knex.destroy();
    }
  });

  it('should change nothing when every kind of row is delivered again because its outbox row was never deleted, by two engines at once', async () => {
    // given: the database keeps every outbox row (as if each process died right after its delivery committed)
    await t.db.knex.raw(`create function keep_outbox() returns trigger language plpgsql as $$ begin return null; end $$`);
    await t.db.knex.raw('create trigger keep_outbox before delete on instance_outbox for each row execute function keep_outbox()');
    // and rows of every kind delivered once: a call, a child's completion to its parent, a cancel, a message correlated,
    // messages starting instances (the one-statement path), a signal thrown, caught by two instances and starting one
    const caller = await t.start('caller');
    const [child] = (await t.engine.listInstances({ parentInstanceId: caller.id, limit: 10 })).items;
    await t.completeTask(child.id, 'work', { answer: 42 });
    const cancelled = await t.start('caller');
    await t.engine.cancelInstance(cancelled.id, 'ann');
    const b = await t.start('ping', { me: 'b', peer: 'x' });
    const a = await t.start('ping', { me: 'a', peer: 'b' });
    await t.completeTask(a.id, 'go');
    await t.start('fanOut', { keys: ['k1', 'k2'] });
    const waiters = [await t.start('waiter'), await t.start('waiter')];
    await t.deploy(fixture(import.meta.url, 'go-signals.bpmn'));
    await t.start('goThrower');
    const kinds = (await outboxRows()).map((row) => row.payload.kind).sort();
    expect(kinds).to.deep.equal(['call', 'call', 'cancel', 'message', 'message', 'message', 'parent', 'signal', 'signal-catch', 'signal-catch', 'signal-start']);
    const before = await fingerprint();
    expect((await t.instance(caller.id)).variables).to.deep.include({ answer: 42 });
    expect((await t.instance(b.id)).state).to.equal('active');
    expect((await t.engine.listInstances({ definitionKey: 'pingStarted', limit: 10 })).items).to.have.length(2);
    for (const waiter of waiters) expect((await t.openTasks(waiter.id)).map((x) => x.elementId)).to.deep.equal(['after']);
    expect((await t.engine.listInstances({ definitionKey: 'goStarted', limit: 10 })).items).to.have.length(1);

    // when two engine processes pump them all again at the same time
    const [one, two] = await Promise.all([t.engine.sweep(), t.twin().sweep()]);

    // then nothing changed: no instance started, stepped or noted twice; every row met its inbox row
    expect(one.outboxDelivered + two.outboxDelivered).to.equal(0);
    expect(await fingerprint()).to.deep.equal(before);
    // when the rows can go at last
    await t.db.knex.raw('drop trigger keep_outbox on instance_outbox');
    await t.engine.sweep();
    // then they went, and still nothing changed
    expect(await outboxRows()).to.have.length(0);
    expect(await fingerprint()).to.deep.equal(before);
  });

  it('should let the second of two concurrent deliveries of one row wait for the first and then find it in the inbox', async () => {
    // given: a call row left behind (the sender's process died after commit)
    const crashed = new Engine({ store: t.db.store, clock: t.clock, scheduler: manualScheduler, deliverEagerly: false });
    const caller = await crashed.startInstance({ definitionKey: 'caller' });
    const [row] = await outboxRows();
    // and another transaction holding that row's inbox key, as a delivery that has not committed yet
    const holder = await t.db.knex.transaction();
    await holder.raw('insert into instance_inbox (instance_id, outbox_id, received_at) values (?, ?, now())', [row.payload.childInstanceId, row.id]);
    // when an engine delivers the row meanwhile
    const sweeping = t.engine.sweep();
    // then its delivery waits on the inbox key
    await until(async () => {
      const { rows } = await t.db.knex.raw(`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and query like 'insert into instance_inbox%'`);
      return rows[0].n === 1;
    }, 'the second delivery waits for the first');
    expect((await t.engine.listInstances({ parentInstanceId: caller.id, limit: 10 })).items).to.have.length(0);
    // and the first delivery commits
    await holder.commit();
    // then the second found the row delivered: it started nothing and only deleted the row
    expect((await sweeping).outboxDelivered).to.equal(0);
    expect((await t.engine.listInstances({ parentInstanceId: caller.id, limit: 10 })).items).to.have.length(0);
    expect(await outboxRows()).to.have.length(0);
  });

  it('should sweep inbox rows received more than a day ago, and keep younger ones', async () => {
    // given a delivered call (its inbox row received now)
    await t.start('caller');
    expect(await t.db.knex('instance_inbox').select('outbox_id')).to.have.length(1);
    // when the sweep runs within the day, then it stays
    t.clock.advance(23 * 3_600_000);
    expect((await t.engine.sweep()).inboxSwept).to.equal(0);
    // when it runs a day later, then it goes
    t.clock.advance(2 * 3_600_000);
    expect((await t.engine.sweep()).inboxSwept).to.equal(1);
    expect(await t.db.knex('instance_inbox').select('outbox_id')).to.have.length(0);
  });
});
