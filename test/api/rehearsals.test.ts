import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { startTestApi, type Caller, type TestApi } from './support/apiHarness.js';

// Friday 2026-01-09, 16:30 in Berlin (the demo calendar 'office': Mon–Fri 09:00–17:00 Europe/Berlin)
const FRIDAY_AFTERNOON = '2026-01-09T15:30:00.000Z';
// one working day later: Monday 16:30 in Berlin
const MONDAY_AFTERNOON = '2026-01-12T15:30:00.000Z';

const request = (businessKey: string, extra: Record<string, unknown> = {}) => ({ businessKey, variables: { summary: 'Invoice is wrong', severity: 'normal', customerEmail: 'buyer@acme.example', ...extra } });

describe('API: rehearsals (/api/rehearsals)', () => {
  let api: TestApi;
  let designer: Caller;
  let manager: Caller;
  before(async () => {
    api = await startTestApi();
    designer = await api.as('designer');
    manager = await api.as('manager');
  });
  after(() => api.close());

  /** A rehearsal of the shipped support escalation on Friday afternoon, where second line already holds work: sofia 1, specialist 1, sven 0. */
  async function fridayRehearsal(): Promise<string> {
    const created = await designer.post('/api/rehearsals', { definitionKey: 'support-escalation', startAt: FRIDAY_AFTERNOON, name: 'Friday escalation' });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const id = created.body.id;
    for (const customer of ['OTHER-1', 'OTHER-2']) {
      const started = await designer.post(`/api/rehearsals/${id}/instances`, request(customer));
      expect(started.status, JSON.stringify(started.body)).to.equal(201);
      const [task] = (await designer.get(`/api/rehearsals/${id}/tasks?instanceId=${started.body.result.id}`)).body.items;
      const handed = await designer.post(`/api/rehearsals/${id}/tasks/${task.id}/complete`, { variables: { handOver: true }, actor: 'employee' });
      expect(handed.status, JSON.stringify(handed.body)).to.equal(200);
    }
    const acme = await designer.post(`/api/rehearsals/${id}/instances`, request('ACME'));
    expect(acme.body.result.number).to.equal(3);
    return id;
  }

  it('should show the escalation of a Friday-afternoon request going to the least-loaded specialist on Monday, after moving to the next timer', async () => {
    // given a rehearsal on Friday 16:30 with a request of ACME waiting for first line
    const id = await fridayRehearsal();
    const before = (await designer.get(`/api/rehearsals/${id}`)).body;
    expect(before).to.deep.include({ clockAt: FRIDAY_AFTERNOON, processKey: 'support-escalation', stepCount: 5 });
    expect(before.nextTimer.dueAt).to.equal(MONDAY_AFTERNOON);
    // when the clock moves to the next timer
    const moved = await designer.post(`/api/rehearsals/${id}/clock`, { nextTimer: true });
    expect(moved.status, JSON.stringify(moved.body)).to.equal(200);
    // then it is Monday 16:30, first line's working day has passed, and sven (who had the fewest open tasks) has ACME's request
    expect(moved.body.clock).to.equal(MONDAY_AFTERNOON);
    const events = moved.body.step.outcome.events.filter((e: { instance: number }) => e.instance === 3);
    expect(events.map((e: { type: string; elementId: string }) => `${e.type} ${e.elementId}`)).to.include.members(['timer.fired answerRequest', 'element.completed notHandledInADay', 'task.created specialistAnswers', 'task.assigned specialistAnswers']);
    const assigned = events.find((e: { type: string }) => e.type === 'task.assigned');
    expect(assigned.at).to.equal(MONDAY_AFTERNOON);
    expect(JSON.parse(assigned.detail)).to.deep.include({ assignee: 'sven', strategy: 'leastLoaded', loads: { sofia: 1, specialist: 1, sven: 0 } });
    const open = (await designer.get(`/api/rehearsals/${id}/tasks?assignee=sven`)).body.items;
    expect(open.map((t: { number: number; elementId: string }) => [t.number, t.elementId])).to.deep.equal([[3, 'specialistAnswers']]);
    expect(moved.body.step.outcome.notifications).to.deep.include({ userId: 'sven', type: 'task.assigned', title: 'New task: Answer the request (second line) (ACME)' });
    // and the element counts show the token at the specialist's task
    const counts = (await designer.get(`/api/rehearsals/${id}/element-counts`)).body.elements;
    expect(counts.specialistAnswers.active).to.equal(3);
    expect(counts.answerRequest.active ?? 0).to.equal(0);
  });

  it("should keep every row of a rehearsal out of live task lists, instances, monitoring counts, incidents, mail and /metrics, and out of live workers' reach", async () => {
    // given a rehearsal with open tasks, mails in its outbox (department heads told on Monday) and an incident (a mail to nobody)
    const id = await fridayRehearsal();
    const broken = await designer.post(`/api/rehearsals/${id}/instances`, request('BROKEN', { customerEmail: 'not-a-user' }));
    const [task] = (await designer.get(`/api/rehearsals/${id}/tasks?instanceId=${broken.body.result.id}`)).body.items;
    await designer.post(`/api/rehearsals/${id}/tasks/${task.id}/complete`, { variables: { answer: 'Done' } });
    await designer.post(`/api/rehearsals/${id}/clock`, { workingTime: 'P1D' });
    expect((await designer.get(`/api/rehearsals/${id}/tasks`)).body.total).to.be.greaterThan(2);
    expect((await designer.get(`/api/rehearsals/${id}/incidents`)).body.items.map((i: { elementId: string }) => i.elementId)).to.deep.equal(['tellCustomer']);
    expect((await designer.get(`/api/rehearsals/${id}/emails`)).body.items.map((m: { template: string }) => m.template)).to.include('support-request-stuck');
    // then live work shows none of it
    expect((await manager.get('/api/tasks')).body.total).to.equal(0);
    expect((await manager.get('/api/process-instances')).body.total).to.equal(0);
    expect((await manager.get('/api/incidents')).body.total).to.equal(0);
    expect((await manager.get('/api/emails')).body.total).to.equal(0);
    expect((await manager.get('/api/monitoring/sla')).body.definitions).to.deep.equal({});
    expect((await manager.get('/api/process-definitions/key/support-escalation/element-counts')).body.elements).to.deep.equal({});
    expect((await manager.get('/api/notifications')).body.total).to.equal(0);
    const metrics = await api.anonymous.get('/metrics');
    expect(metrics.body).to.not.contain('lifeline_open_tasks{definition_key="support-escalation"');
    const worker = await api.withToken('worker');
    expect((await worker.post('/api/jobs/activate', { type: 'email', worker: 'outside', maxJobs: 10, lockDuration: 60000, requestTimeout: 0 })).body).to.deep.include({ jobs: [] });
  });

  it('should leave no row behind when a rehearsal is deleted', async () => {
    // given a rehearsal that has run
    const id = await fridayRehearsal();
    await designer.post(`/api/rehearsals/${id}/clock`, { nextTimer: true });
    const schemaName: string = (await api.db.knex('rehearsals').where({ id }).first()).schema_name;
    expect((await api.db.knex.raw('select count(*)::int as n from ??.user_tasks', [schemaName])).rows[0].n).to.be.greaterThan(0);
    // when it is deleted
    expect((await designer.delete(`/api/rehearsals/${id}`)).status).to.equal(204);
    // then its schema and its register rows are gone
    const schemas = await api.db.knex('information_schema.schemata').where({ schema_name: schemaName });
    expect(schemas).to.deep.equal([]);
    expect(await api.db.knex('rehearsals').where({ id })).to.deep.equal([]);
    expect(await api.db.knex('rehearsal_steps').where({ rehearsal_id: id })).to.deep.equal([]);
    expect((await designer.get(`/api/rehearsals/${id}`)).status).to.equal(404);
  });

  it('should replay a saved scenario green on the same model, and report the first differing step after an edit that changes the path', async () => {
    // given a scenario saved from the Friday rehearsal
    const id = await fridayRehearsal();
    await designer.post(`/api/rehearsals/${id}/clock`, { nextTimer: true });
    const saved = await designer.post(`/api/rehearsals/${id}/scenarios`, { name: 'Friday request escalates on Monday' });
    expect(saved.status, JSON.stringify(saved.body)).to.equal(201);
    expect(saved.body.steps).to.have.length(6);
    // when it is replayed on the same model, then it passes
    const green = await designer.post(`/api/rehearsals/scenarios/${saved.body.id}/replay`, {});
    expect(green.status, JSON.stringify(green.body)).to.equal(200);
    expect(green.body).to.deep.include({ passed: true, steps: 6, replayed: 6, against: 'support-escalation version 1' });
    expect(green.body.path).to.include.members(['answerRequest', 'specialistAnswers']);
    // when first line gets two working days instead of one (a new version is deployed)
    const xml = (await readFile(new URL('../../processes/support-escalation.bpmn', import.meta.url), 'utf8'))
      .replace('<bpmn:boundaryEvent id="notHandledInADay" name="Not handled within a working day" attachedToRef="answerRequest">', '<bpmn:boundaryEvent id="notHandledInADay" name="Not handled within two working days" attachedToRef="answerRequest">')
      .replace(/(<bpmn:boundaryEvent id="notHandledInADay"[\s\S]*?<bpmn:timeDuration>)P1D(<\/bpmn:timeDuration>)/, '$1P2D$2');
    expect((await designer.post('/api/deployments', { resources: [{ name: 'support-escalation.bpmn', xml }] })).status).to.equal(201);
    const red = await designer.post(`/api/rehearsals/scenarios/${saved.body.id}/replay`, {});
    // then the replay fails at step 6, the clock move, where ACME's request no longer escalates
    expect(red.body).to.deep.include({ passed: false, steps: 6, replayed: 6, against: 'support-escalation version 2' });
    expect(red.body.difference.seq).to.equal(6);
    expect(red.body.difference.step).to.equal('clock to the next timer');
    expect(red.body.difference.missing.map((e: { instance: number; type: string; elementId: string }) => `#${e.instance} ${e.type} ${e.elementId}`)).to.include('#3 task.assigned specialistAnswers');
    expect(red.body.difference.elements).to.include('specialistAnswers');
    expect(red.body.summary ?? red.body.difference.summary).to.match(/^step 6 \(clock to the next timer\): expected but did not happen/);
    // and the scenario list shows the last verdict
    const listed = (await designer.get('/api/rehearsals/scenarios?processKey=support-escalation')).body.items;
    expect(listed.map((s: { name: string; lastReplay: { passed: boolean } }) => [s.name, s.lastReplay.passed])).to.deep.equal([['Friday request escalates on Monday', false]]);
    // and replays leave no rehearsal behind
    expect((await designer.get('/api/rehearsals?purpose=replay')).body.total).to.equal(0);
  });
});
