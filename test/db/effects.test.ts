import { expect } from 'chai';
import { ConflictError, emptyEffects, type DefinitionRecord, type Effects } from '../../engine/index.js';
import { at, storeDefinition, event, incident, instance, job, subscription, task, timer } from './fixtures/records.js';
import { countStatements } from '../setup/countStatements.js';
import { rejectionOf } from '../setup/rejection.js';
import { createTestDb, type TestDb } from '../setup/testDb.js';

describe('applying the effects of a step', () => {
  let db: TestDb;
  let def: DefinitionRecord;
  beforeEach(async () => {
    db = await createTestDb();
    def = await storeDefinition(db.store);
  });
  afterEach(() => db.destroy());

  const apply = (effects: Partial<Effects>) => db.store.transaction((tx) => tx.applyEffects({ ...emptyEffects(), ...effects }));

  it('should issue no statement for an empty batch', async () => {
    // when
    const statements = await countStatements(db.knex, () => apply({}));
    // then
    expect(statements).to.deep.equal([]);
  });

  it('should write every kind of effect in one statement, however many rows it has (issue 10)', async () => {
    // given: open rows to cancel and resolve, then a batch with three rows of every kind
    const owner = instance(def);
    const open = {
      tasks: [task(), task()], timers: [timer(def.id), timer(def.id)], jobs: [job(), job()],
      subscriptions: [subscription(def.id), subscription(def.id)], incidents: [incident(), incident()],
    };
    await apply(open);
    const three = <T>(make: () => T) => [make(), make(), make()];
    const batch: Effects = {
      tasks: three(() => task()), timers: three(() => timer(def.id)), jobs: three(() => job()), subscriptions: three(() => subscription(def.id)),
      incidents: three(() => incident()), history: three(() => event(owner.id)), notifications: [],
      cancelTasks: open.tasks.map((r) => r.id), cancelTimers: open.timers.map((r) => r.id), cancelJobs: open.jobs.map((r) => r.id),
      cancelSubscriptions: open.subscriptions.map((r) => r.id), resolveIncidents: open.incidents.map((r) => r.id), outbox: [],
    };
    // when
    const statements = await countStatements(db.knex, () => apply(batch));
    // then: 11 kinds, one statement
    expect(statements, statements.join('\n')).to.have.length(1);
    expect((await db.store.listTasks({ state: 'cancelled' })).total).to.equal(2);
    expect((await db.store.listTasks({ state: 'created' })).total).to.equal(3);
    expect(await db.store.listTimers({ state: 'cancelled' })).to.have.length(2);
    expect((await db.store.listJobs({ state: 'cancelled' })).total).to.equal(2);
    expect(await db.store.listSubscriptions({ state: 'cancelled' })).to.have.length(2);
    expect((await db.store.listIncidents({ state: 'resolved' })).total).to.equal(2);
    expect((await db.store.listIncidents({ state: 'open' })).total).to.equal(3);
  });

  it('should cancel only rows that are still open', async () => {
    // given: a completed task and a fired timer
    const done = task({ state: 'completed', completedAt: at(1), completedBy: 'ann' });
    const fired = timer(def.id, { state: 'fired', firedAt: at(1) });
    const completedJob = job({ state: 'completed' });
    await apply({ tasks: [done], timers: [fired], jobs: [completedJob] });
    // when
    await apply({ cancelTasks: [done.id], cancelTimers: [fired.id], cancelJobs: [completedJob.id] });
    // then
    expect((await db.store.getTask(done.id))!.state).to.equal('completed');
    expect((await db.store.listTimers({}))[0].state).to.equal('fired');
    expect((await db.store.listJobs({})).items[0].state).to.equal('completed');
  });

  it('should insert rows that were created and ended in the same transaction in their end state (issue 10)', async () => {
    // given: a task, timer, job and subscription created and cancelled, and an incident raised and resolved, before anything is sent
    const [t, tm, j, s, i] = [task(), timer(def.id), job(), subscription(def.id), incident()];
    // when
    await db.store.transaction(async (tx) => {
      await tx.applyEffects({ ...emptyEffects(), tasks: [t], timers: [tm], jobs: [j], subscriptions: [s], incidents: [i] });
      await tx.applyEffects({ ...emptyEffects(), cancelTasks: [t.id], cancelTimers: [tm.id], cancelJobs: [j.id], cancelSubscriptions: [s.id], resolveIncidents: [i.id], history: [event(i.instanceId, { at: at(3) })] });
    });
    // then
    expect((await db.store.getTask(t.id))!.state).to.equal('cancelled');
    expect((await db.store.listTimers({}))[0].state).to.equal('cancelled');
    expect((await db.store.listJobs({})).items[0]).to.deep.include({ state: 'cancelled', lockExpiresAt: null });
    expect((await db.store.listSubscriptions({}))[0].state).to.equal('cancelled');
    expect(await db.store.getIncident(i.id)).to.deep.include({ state: 'resolved', resolvedAt: at(3) });
  });

  it('should send the writes of a step as one statement behind its lock, to go out with the commit (issue 10)', async () => {
    // given
    const owner = instance(def);
    await db.store.transaction((tx) => tx.insertInstance(owner));
    // when: a step's shape: lock, then write
    const statements = await countStatements(db.knex, () => db.store.transaction(async (tx) => {
      const locked = (await tx.lockInstance(owner.id))!;
      await tx.updateInstance({ ...locked, state: 'completed', endedAt: at(2), updatedAt: at(2) });
      await tx.applyEffects({ ...emptyEffects(), history: [event(owner.id)], tasks: [task({ instanceId: owner.id })] });
    }));
    // then: BEGIN, the lock, one write, COMMIT
    expect(statements.filter((s) => !/^(BEGIN|COMMIT)/.test(s)), statements.join('\n')).to.have.length(2);
    expect(await db.store.getInstance(owner.id)).to.deep.include({ state: 'completed', revision: 1 });
  });

  it('should fail the whole transaction when a guarded write finds the row changed (issue 10)', async () => {
    // given: an instance saved at revision 0, then changed behind our back
    const owner = instance(def);
    await db.store.transaction((tx) => tx.insertInstance(owner));
    await db.knex('process_instances').where({ id: owner.id }).update({ revision: 5 });
    // when: a step saves it as read at revision 0, with history
    const saving = db.store.transaction(async (tx) => {
      await tx.updateInstance({ ...owner, state: 'completed' });
      await tx.applyEffects({ ...emptyEffects(), history: [event(owner.id)] });
    });
    // then
    const error = await rejectionOf(saving);
    expect(error).to.be.instanceOf(ConflictError);
    expect(error.message).to.match(/changed concurrently/);
    expect(await db.store.history(owner.id)).to.deep.equal([]);
    expect((await db.store.getInstance(owner.id))!.state).to.equal('active');
  });

  it('should stamp a resolved incident with the time of the step', async () => {
    // given
    const open = incident();
    await apply({ incidents: [open] });
    // when
    await apply({ resolveIncidents: [open.id], history: [event(open.instanceId, { type: 'incident.resolved', at: at(5) })] });
    // then
    expect(await db.store.getIncident(open.id)).to.deep.include({ state: 'resolved', resolvedAt: at(5) });
  });

  it('should keep history in the order it was written, with a sequence number, data as JSON', async () => {
    // given
    const owner = instance(def);
    // when
    await apply({ history: [event(owner.id, { type: 'instance.started' }), event(owner.id, { type: 'element.entered', data: { list: [1, 'two'] } })] });
    await apply({ history: [event(owner.id, { type: 'instance.completed', actor: 'ann', at: at(9) })] });
    // then
    const history = await db.store.history(owner.id);
    expect(history.map((h) => h.type)).to.deep.equal(['instance.started', 'element.entered', 'instance.completed']);
    expect(history[1].data).to.deep.equal({ list: [1, 'two'] });
    expect(history[2]).to.deep.include({ actor: 'ann', at: at(9) });
    expect(history.map((h) => h.seq)).to.satisfy((seq: number[]) => seq.every((s, i) => i === 0 || s > seq[i - 1]));
    expect(await db.store.history(def.id)).to.deep.equal([]);
  });

  it('should write a step of 20,000 history rows and cancel 70,000 ids, past the bind-parameter limit (issue 9)', async function () {
    this.timeout(60_000);
    // given: one open task among 70,000 ids to cancel
    const owner = instance(def);
    const open = task();
    await apply({ tasks: [open] });
    const ids = [open.id, ...Array.from({ length: 69_999 }, () => task().id)];
    // when
    await apply({ history: Array.from({ length: 20_000 }, () => event(owner.id)), cancelTasks: ids });
    // then
    const [{ count }] = await db.knex('history_events').count<{ count: number }[]>('* as count');
    expect(Number(count)).to.equal(20_000);
    expect((await db.store.getTask(open.id))!.state).to.equal('cancelled');
  });
});
