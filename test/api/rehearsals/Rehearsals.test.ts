import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { BpmnValidationError } from '../../../engine/index.js';
import { Rehearsals } from '../../../api/rehearsals/Rehearsals.js';
import { startTestApi, type TestApi } from '../support/apiHarness.js';

const shipped = (name: string) => readFile(new URL(`../../../processes/${name}`, import.meta.url), 'utf8');

describe('the rehearsals service (api/rehearsals/Rehearsals)', () => {
  let api: TestApi;
  let rehearsals: Rehearsals;
  before(async () => {
    api = await startTestApi();
  });
  beforeEach(() => {
    rehearsals = new Rehearsals({ knex: api.db.knex, engine: api.engine, clock: api.clock, mailFrom: 'lifeline@lifeline.test', idleMs: 60_000, maxOpen: 2 });
  });
  afterEach(() => rehearsals.close());
  after(() => api.close());

  const schemasOfThisTest = async () => (await api.db.knex('information_schema.schemata').where('schema_name', 'like', `${api.db.schema}\\_rh\\_%`)).length;

  it('should close idle pools, and reopen a rehearsal where its clock and instance numbers stood', async () => {
    // given a rehearsal that took steps
    const created = await rehearsals.create({ source: { definitionKey: 'support-escalation' }, startAt: new Date('2026-01-09T15:30:00.000Z'), actor: 'designer' });
    await rehearsals.act(created.id, 'designer', () => ({ kind: 'start', definitionKey: 'support-escalation', businessKey: 'ACME', variables: { severity: 'normal', summary: 's' } }));
    await rehearsals.act(created.id, 'designer', () => ({ kind: 'clock', move: { by: 'PT2H' } }));
    expect(rehearsals.openCount).to.equal(1);
    // when it has been idle longer than idleMs
    await rehearsals.closeIdle(Date.now() + 120_000);
    // then its pool is closed, and using it again finds it as it was
    expect(rehearsals.openCount).to.equal(0);
    const { sandbox } = await rehearsals.sandbox(created.id);
    expect(sandbox.clock.now().toISOString()).to.equal('2026-01-09T17:30:00.000Z');
    const [task] = (await sandbox.engine.listTasks({ state: 'created' })).items;
    expect(sandbox.session.numberOf(task.instanceId)).to.equal(1);
    await rehearsals.delete(created.id);
  });

  it('should keep at most maxOpen pools open, closing the least recently used', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await rehearsals.create({ source: { definitionKey: 'support-escalation' }, actor: 'designer' })).id);
    expect(rehearsals.openCount).to.equal(2);
    for (const id of ids) await rehearsals.delete(id);
    expect(rehearsals.openCount).to.equal(0);
  });

  it('should rehearse a drawing that was never deployed, bringing along the deployed process it sends to', async () => {
    // given the campaign drawn anew (its invitees are handed to campaign-invitee by message)
    const xml = (await shipped('campaign-invitation.bpmn')).replace('name="Campaign invitations"', 'name="Campaign invitations (new draft)"');
    // when it is rehearsed
    const created = await rehearsals.create({ source: { resources: [{ name: 'draft.bpmn', xml }] }, actor: 'designer' });
    // then the draft and the deployed invitee process are in it, and live has no new version
    expect(created.model.source).to.deep.equal({ kind: 'drawing' });
    expect(created.model.processes).to.deep.equal([
      { key: 'campaign-invitation', liveVersion: null, related: false },
      { key: 'campaign-invitee', liveVersion: 1, related: true },
    ]);
    const { sandbox } = await rehearsals.sandbox(created.id);
    expect((await sandbox.engine.listDefinitions({ latestOnly: true })).items.map((d) => d.key).sort()).to.deep.equal(['campaign-invitation', 'campaign-invitee']);
    expect((await api.engine.listDefinitions({ key: 'campaign-invitation' })).total).to.equal(1);
    await rehearsals.delete(created.id);
  });

  it("should give a drawing's user tasks the deployed forms they name when the drawing brings none", async () => {
    const created = await rehearsals.create({ source: { resources: [{ name: 'draft.bpmn', xml: await shipped('renewal-reminder.bpmn') }] }, actor: 'designer' });
    expect(created.model.forms.map((f) => f.name).sort()).to.deep.equal(['renewal-call.form', 'retention-call.form']);
    const { sandbox } = await rehearsals.sandbox(created.id);
    expect((await sandbox.engine.getForm('renewal-call')).schema).to.deep.equal(JSON.parse(await shipped('renewal-call.form')));
    await rehearsals.delete(created.id);
  });

  it('should refuse a drawing with problems, naming their elements, and leave no schema behind', async () => {
    const before = await schemasOfThisTest();
    const xml = (await shipped('support-escalation.bpmn')).replace('<bpmn:timeDuration>P1D</bpmn:timeDuration>', '<bpmn:timeDuration>one day</bpmn:timeDuration>');
    const error = await rehearsals.create({ source: { resources: [{ name: 'broken.bpmn', xml }] }, actor: 'designer' }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(BpmnValidationError);
    expect((error as BpmnValidationError).problems.map((p) => p.elementId)).to.include('notHandledInADay');
    expect(await schemasOfThisTest()).to.equal(before);
  });

  it('should report a step that cannot be done on the changed model as the first difference', async () => {
    // given a scenario where a request comes in by message
    const created = await rehearsals.create({ source: { definitionKey: 'support-escalation' }, startAt: new Date('2026-01-12T09:00:00.000Z'), actor: 'designer' });
    await rehearsals.act(created.id, 'designer', () => ({ kind: 'message', name: 'support-request', variables: { severity: 'normal', summary: 's' } }));
    const scenario = await rehearsals.saveScenario(created.id, 'request by mail', 'designer');
    // when it is replayed on a drawing that listens for another message
    const xml = (await shipped('support-escalation.bpmn')).replace('name="support-request"', 'name="customer-mail"');
    const report = await rehearsals.replay(scenario.id, { resources: [{ name: 'draft.bpmn', xml }] }, 'designer');
    // then step 1 could not be done, and the report says why
    expect(report).to.deep.include({ passed: false, replayed: 1, against: 'a drawing (not deployed)' });
    expect(report.difference).to.deep.include({ seq: 1, step: 'message support-request', error: "No process waits for message 'support-request'" });
    expect(report.difference!.summary).to.equal("step 1 (message support-request) could not be done: No process waits for message 'support-request'");
    await rehearsals.delete(created.id);
  });
});
