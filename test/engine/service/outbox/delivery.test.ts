import { expect } from 'chai';
import { Engine, manualScheduler } from '../../../../engine/index.js';
import { createTestEngine, fixture, type TestEngine } from '../../support/engineHarness.js';

/** Waits (on the condition, not the clock) until `check` holds. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 2_000; i++) {
    if (await check()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`never happened: ${what}`);
}

describe('the instance outbox: cross-instance work one instance per transaction (issue 10)', () => {
  let t: TestEngine;
  beforeEach(async () => {
    t = await createTestEngine();
    await t.deploy(fixture(import.meta.url, 'caller.bpmn'), fixture(import.meta.url, 'echo.bpmn'), new URL('../fixtures/ping.bpmn', import.meta.url));
  });
  afterEach(() => t.destroy());

  const outboxRows = async () => t.db.knex('instance_outbox').select('*').orderBy('seq');
  const childrenOf = async (parentId: string) => (await t.engine.listInstances({ parentInstanceId: parentId, limit: 100 })).items;

  it('should commit the sender\'s step while the target instance is locked by someone else, and deliver once the lock is gone', async () => {
    // given: a waits for nothing, b waits for a's ping
    const a = await t.start('ping', { me: 'a', peer: 'b' });
    const b = await t.start('ping', { me: 'b', peer: 'x' });
    const go = await t.task(a.id, 'go');
    // and another transaction holds b's row
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const holder = t.db.knex.transaction(async (trx) => {
      await trx.raw('select id from process_instances where id = ? for update', [b.id]);
      locked();
      await released;
    });
    await lockTaken;
    // when a completes its task (the step that throws the ping to b)
    const completion = t.engine.completeTask(go.id, {}, 'ann');
    // then a's step commits without waiting for b: its task is completed and the ping waits in the outbox
    await until(async () => (await t.engine.getTask(go.id)).state === 'completed', "a's completion committed");
    expect((await t.instance(b.id)).state).to.equal('active');
    expect((await t.engine.getInstance(b.id)).subscriptions.filter((s) => s.state === 'open')).to.have.length(1);
    // when the lock goes
    release();
    await holder;
    await completion;
    // then the ping reached b, and the outbox is empty
    expect((await t.engine.getInstance(b.id)).subscriptions.filter((s) => s.state === 'open')).to.have.length(0);
    await until(async () => (await outboxRows()).length === 0, 'the delivered rows deleted (behind their COMMIT)');
  });

  it('should keep a delivery that fails, retry it with backoff, then raise an incident on the sender\'s call activity whose retry delivers it', async () => {
    // given: the database refuses the called process's instances (a real failure of the target's write)
    await t.db.knex.raw(`create function refuse_callee() returns trigger language plpgsql as $$ begin raise exception 'callee refused by the test'; end $$`);
    await t.db.knex.raw(`create trigger refuse_callee before insert on process_instances for each row when (new.definition_key = 'callee') execute function refuse_callee()`);
    // when the caller starts
    const caller = await t.start('caller');
    // then the caller's start committed, the child does not exist, and the row waits with its error
    expect(caller.state).to.equal('active');
    expect(await childrenOf(caller.id)).to.have.length(0);
    let [row] = await outboxRows();
    expect(row).to.deep.include({ instance_id: caller.id, element_id: 'callCallee', attempts: 1 });
    expect(row.last_error).to.contain('callee refused by the test');
    // when the pump runs before the backoff is over, nothing happens; after it, the second attempt fails too
    expect((await t.engine.sweep()).outboxDelivered).to.equal(0);
    expect((await outboxRows())[0].attempts).to.equal(1);
    t.clock.advance(1_000);
    await t.engine.sweep();
    expect((await outboxRows())[0].attempts).to.equal(2);
    expect((await t.engine.listIncidents({ instanceId: caller.id })).items).to.have.length(0);
    // when the third attempt fails
    t.clock.advance(10_000);
    await t.engine.sweep();
    // then an incident on the sender's call activity says what failed, and the row waits behind it
    const [incident] = (await t.engine.listIncidents({ instanceId: caller.id })).items;
    expect(incident).to.deep.include({ type: 'delivery_failed', elementId: 'callCallee', state: 'open' });
    expect(incident.message).to.contain("starting process 'callee'").and.to.contain('callee refused by the test');
    [row] = await outboxRows();
    expect(row.incident_id).to.equal(incident.id);
    t.clock.advance(3_600_000);
    expect((await t.engine.sweep()).outboxDelivered).to.equal(0);
    // when the cause is repaired and the incident retried
    await t.db.knex.raw('drop trigger refuse_callee on process_instances');
    await t.engine.retryIncident(incident.id, { actor: 'admin' });
    // then the child runs, the incident is resolved and the row is gone
    const [child] = await childrenOf(caller.id);
    expect(child).to.deep.include({ definitionKey: 'callee', state: 'active' });
    expect((await t.engine.listIncidents({ instanceId: caller.id })).items[0].state).to.equal('resolved');
    await until(async () => (await outboxRows()).length === 0, 'the delivered rows deleted (behind their COMMIT)');
  });

  it('should give a signal to each catching instance in a transaction of its own: one that fails does not hold back the others', async () => {
    // given three instances waiting for the signal, and a database that refuses changes to the second one
    await t.deploy(fixture(import.meta.url, 'waiter.bpmn'));
    const [one, two, three] = [await t.start('waiter'), await t.start('waiter'), await t.start('waiter')];
    await t.db.knex.raw(`create function refuse_update() returns trigger language plpgsql as $$ begin raise exception 'instance refused by the test'; end $$`);
    await t.db.knex.raw(`create trigger refuse_update before update on process_instances for each row when (new.id = '${two.id}') execute function refuse_update()`);
    // when the signal is broadcast
    const { instanceIds } = await t.engine.broadcastSignal('go');
    // then the first and third caught it, the second still waits, and its delivery waits for a retry
    expect(instanceIds).to.have.members([one.id, two.id, three.id]);
    expect((await t.openTasks(one.id)).map((x) => x.elementId)).to.deep.equal(['after']);
    expect((await t.openTasks(three.id)).map((x) => x.elementId)).to.deep.equal(['after']);
    expect(await t.openTasks(two.id)).to.have.length(0);
    const [row] = await outboxRows();
    expect(row).to.deep.include({ instance_id: two.id, attempts: 1 });
    expect(row.last_error).to.contain('instance refused by the test');
    // when the cause is gone and the pump's retry is due
    await t.db.knex.raw('drop trigger refuse_update on process_instances');
    t.clock.advance(1_000);
    expect((await t.engine.sweep()).outboxDelivered).to.equal(1);
    // then the second caught it too, once
    expect((await t.openTasks(two.id)).map((x) => x.elementId)).to.deep.equal(['after']);
    await until(async () => (await outboxRows()).length === 0, 'the delivered rows deleted (behind their COMMIT)');
  });

  it('should stop a message cycle after 32 hops with an incident on the throwing element, instead of failing the first sender', async () => {
    // when a message starts an instance that throws the same message again, and again
    const result = await t.engine.correlateMessage({ name: 'echo', correlationKey: 'again', variables: {} });
    // then the call returned; 33 instances ran, and the last one's throw became an incident
    expect(result.started).to.have.length(1);
    const echoes = (await t.engine.listInstances({ definitionKey: 'echo', limit: 100 })).items;
    expect(echoes).to.have.length(33);
    const incidents = (await t.engine.listIncidents({ limit: 100 })).items;
    expect(incidents).to.have.length(1);
    expect(incidents[0]).to.deep.include({ type: 'delivery_too_deep', elementId: 'again' });
    expect(incidents[0].message).to.contain("message 'echo'").and.to.contain('32');
    await until(async () => (await outboxRows()).length === 0, 'the delivered rows deleted (behind their COMMIT)');
  });

  it('should deliver rows left behind by a crash exactly once, with two engines pumping the same table', async () => {
    // given: engines whose commands wrote outbox rows but never delivered them (as if each process died right after commit)
    const crashed = new Engine({ store: t.db.store, clock: t.clock, scheduler: manualScheduler, deliverEagerly: false });
    const callers = [];
    for (let i = 0; i < 12; i++) callers.push(await crashed.startInstance({ definitionKey: 'caller' }));
    await crashed.correlateMessage({ name: 'echo', correlationKey: 'again', variables: {} });
    expect(await outboxRows()).to.have.length(13);
    for (const caller of callers) expect(await childrenOf(caller.id)).to.have.length(0);
    // when two engine processes sweep at once
    const [one, two] = await Promise.all([t.engine.sweep(), t.twin().sweep()]);
    // then every row was delivered by one of them, once: one child per caller, and the echo cycle ran to its incident
    await until(async () => (await outboxRows()).length === 0, 'the delivered rows deleted (behind their COMMIT)');
    for (const caller of callers) expect((await childrenOf(caller.id)).map((c) => c.definitionKey)).to.deep.equal(['callee']);
    expect((await t.engine.listInstances({ definitionKey: 'echo', limit: 100 })).items).to.have.length(33);
    expect(one.outboxDelivered + two.outboxDelivered).to.be.at.least(13);
    expect((await t.engine.listIncidents({ limit: 100 })).items.map((i) => i.type)).to.deep.equal(['delivery_too_deep']);
  });

  it('should return a started caller as the cascade left it: completed, when its child ran straight through in transactions of its own', async () => {
    const caller = await t.start('quickCaller');
    expect(caller.state).to.equal('completed');
    expect((await childrenOf(caller.id)).map((c) => c.state)).to.deep.equal(['completed']);
  });

  it('should complete the caller when its child ends, its output reaching the caller', async () => {
    // given a caller waiting for its child
    const caller = await t.start('caller');
    const [child] = await childrenOf(caller.id);
    // when the child's task completes
    await t.completeTask(child.id, 'work', { answer: 42 });
    // then the child ended and the caller moved on (its completion was delivered before completeTask returned)
    expect((await t.instance(child.id)).state).to.equal('completed');
    expect((await t.task(caller.id, 'after')).elementId).to.equal('after');
    expect((await t.instance(caller.id)).variables).to.deep.include({ answer: 42 });
  });
});
