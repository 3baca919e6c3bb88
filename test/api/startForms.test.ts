import { expect } from 'chai';
import { apiFixture, startTestApi, type Caller, type TestApi } from './support/apiHarness.js';

const request = { customer: 'ACME', contactName: 'Ann Arbor', customerEmail: 'ann@acme.example', summary: 'Invoice is wrong', details: '', severity: 'critical' };

describe('API: starting processes from their start forms', () => {
  let api: TestApi;
  let employee: Caller;
  let designer: Caller;
  beforeEach(async () => {
    api = await startTestApi();
    [employee, designer] = await Promise.all([api.as('employee'), api.as('designer')]);
  });
  afterEach(() => api.close());

  const instanceCount = async () => (await api.engine.listInstances({ limit: 1 })).total;

  it('should list the processes a person can start, with their documentation and start forms, and leave out those only a message starts', async () => {
    // when
    const listed = await employee.get('/api/startable-processes');
    // then
    expect(listed.status).to.equal(200);
    const byKey = Object.fromEntries(listed.body.items.map((p: { key: string }) => [p.key, p]));
    expect(Object.keys(byKey).sort()).to.deep.equal(['campaign-invitation', 'renewal-reminder', 'support-escalation']);
    expect(byKey['support-escalation']).to.include({ name: 'Tiered support escalation', startEventId: 'requestRegistered', formId: 'register-request', formMissing: false, businessKeyField: 'customer' });
    expect(byKey['support-escalation'].description).to.match(/^A customer request \(business key: the customer\)/);
    expect(byKey['support-escalation'].form.id).to.equal('register-request');
    expect(byKey['campaign-invitation'].form.id).to.equal('plan-event');
    expect((await designer.get('/api/startable-processes')).status).to.equal(200);
  });

  it('should check the start variables against the start form on the server and start nothing when they fail', async () => {
    // given
    const before = await instanceCount();
    // when
    const refused = await employee.post('/api/process-definitions/support-escalation/submit-form', { variables: { ...request, customer: '', customerEmail: 'ann at acme', severity: 'urgent' } });
    // then
    expect(refused.status).to.equal(422);
    expect(refused.body.code).to.equal('FORM_INVALID');
    expect(refused.body.details.fields).to.deep.equal([
      { field: 'customer', message: 'Customer is required' },
      { field: 'customerEmail', message: 'Customer email must be an email address' },
      { field: 'severity', message: 'Severity must be one of "normal", "critical"' },
    ]);
    expect(await instanceCount()).to.equal(before);
  });

  it('should check rows of a list in the start form and name the row', async () => {
    // when
    const refused = await employee.post('/api/process-definitions/campaign-invitation/submit-form', {
      variables: { event: { id: 'fair', name: 'Fair', date: '2026-05-20', place: 'Hall 1' }, reminderAfter: 'P3D', invitees: [{ id: 'ANN', name: 'Ann', email: 'nope' }] },
    });
    // then
    expect(refused.status).to.equal(422);
    expect(refused.body.details.fields).to.deep.equal([{ field: 'invitees[0].email', message: 'Email must be an email address' }]);
  });

  it('should start with the business key the form names, and answer with the new instance\'s tasks the caller may work on', async () => {
    // when
    const started = await employee.post('/api/process-definitions/support-escalation/submit-form', { variables: request });
    // then
    expect(started.status).to.equal(201);
    expect(started.body.instance).to.include({ definitionKey: 'support-escalation', businessKey: 'ACME', state: 'active' });
    expect(started.body.tasks).to.have.length(1);
    expect(started.body.tasks[0]).to.include({ elementId: 'answerRequest', name: 'Answer the request (first line)', assignee: null, mine: false });
    const task = await employee.get(`/api/tasks/${started.body.tasks[0].id}`);
    expect(task.body).to.include({ businessKey: 'ACME', priority: 90 });
    expect((await api.engine.getInstance(started.body.instance.id)).startedBy).to.equal('employee');
  });

  it('should prefer a business key given with the form, and give a designer (who works no tasks) no task links', async () => {
    // when
    const started = await designer.post('/api/process-definitions/support-escalation/submit-form', { businessKey: 'ACME-EU', variables: request });
    // then
    expect(started.status).to.equal(201);
    expect(started.body.instance.businessKey).to.equal('ACME-EU');
    expect(started.body.tasks).to.deep.equal([]);
  });

  it('should refuse to start from a start form nobody deployed, and a process that only a message starts', async () => {
    // given
    expect((await designer.post('/api/deployments?name=formless', await apiFixture('start-form-missing.bpmn'), 'application/xml')).status).to.equal(201);
    // when
    const missing = await employee.post('/api/process-definitions/formless-start/submit-form', { variables: {} });
    const byMessage = await employee.post('/api/process-definitions/campaign-invitee/submit-form', { variables: {} });
    // then
    expect(missing.status).to.equal(404);
    expect(missing.body.detail).to.contain('not-deployed-yet');
    expect((await employee.get('/api/startable-processes')).body.items.find((p: { key: string }) => p.key === 'formless-start')).to.include({ formMissing: true, form: null });
    expect(byMessage.status).to.equal(409);
  });
});
