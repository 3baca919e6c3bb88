import { expect } from 'chai';
import { validateForm } from '../../api/forms/validateForm.js';
import type { TestEngine } from '../engine/support/engineHarness.js';
import { lifecycleEngine, runMailer } from './processes.js';

/**
 * The shipped processes as an employee starts them in the browser: the
 * variables a filled-in start form submits (form-js submits '' for a text
 * field left empty), checked by the server's form validation, then started
 * without a business key, which the model takes from the form.
 */
describe('feature: registering work through the shipped start forms', () => {
  let t: TestEngine;
  beforeEach(async () => {
    // Monday 2026-02-02, 10:00 in Berlin
    t = await lifecycleEngine('2026-02-02T09:00:00.000Z');
  });
  afterEach(() => t.destroy());

  /** What the start form of `key` says about `values`, and the instance started with them. */
  const submit = async (key: string, values: Record<string, unknown>) => {
    const process = await t.engine.startableProcess(key);
    expect(process.form, `${key} start form`).to.not.equal(null);
    const problems = validateForm(process.form!, values);
    return { process, problems, start: () => t.engine.startInstance({ definitionId: process.definitionId, variables: values, actor: 'employee' }) };
  };

  const supportRequest = { customer: 'ACME', contactName: 'Ann Arbor', customerEmail: 'ann@acme.example', summary: 'Invoice is wrong', details: 'Billed twice in January', severity: 'normal' };

  it('should register a support request from its start form: the customer is the business key, first line gets the request with its details, and the contact gets the answer', async () => {
    // given the form as the employee filled it in
    const { process, problems, start } = await submit('support-escalation', supportRequest);
    expect(process).to.include({ name: 'Tiered support escalation', formId: 'register-request', businessKeyField: 'customer' });
    expect(process.description).to.match(/^A customer request/);
    expect(problems).to.deep.equal([]);
    // when it is started
    const instance = await start();
    // then the customer is the business key, and first line has the request with its details
    expect(instance.businessKey).to.equal('ACME');
    const firstLine = await t.task(instance.id, 'answerRequest');
    expect(firstLine).to.include({ businessKey: 'ACME', priority: 50 });
    expect(firstLine.variables).to.include({ summary: 'Invoice is wrong', details: 'Billed twice in January' });
    // and when first line answers, the contact person is told by name
    await t.engine.completeTask(firstLine.id, { answer: 'We sent a corrected invoice.', handOver: false }, 'employee');
    await runMailer(t);
    const [mail] = (await t.engine.listEmails({ businessKey: 'ACME' })).items;
    expect(mail.recipients).to.deep.equal(['ann@acme.example']);
    expect(mail.text).to.contain('Dear Ann Arbor,').and.to.contain('We sent a corrected invoice.');
  });

  it('should refuse a request form without customer or summary, with a bad email address or an unknown severity', async () => {
    // when
    const { problems } = await submit('support-escalation', { ...supportRequest, customer: '', summary: 'Hi', customerEmail: 'ann at acme', severity: 'urgent' });
    // then
    expect(problems.map((p) => p.field)).to.deep.equal(['customer', 'customerEmail', 'summary', 'severity']);
  });

  it('should end a request quietly when the form left the customer email empty', async () => {
    // given
    const { start } = await submit('support-escalation', { ...supportRequest, contactName: '', customerEmail: '' });
    const instance = await start();
    // when
    await t.completeTask(instance.id, 'answerRequest', { answer: 'Done', handOver: false });
    await runMailer(t);
    // then no mail is attempted and nothing is left to repair
    expect((await t.instance(instance.id)).state).to.equal('completed');
    expect((await t.engine.listEmails({ businessKey: 'ACME' })).items).to.deep.equal([]);
    expect((await t.engine.listIncidents({ instanceId: instance.id })).items).to.deep.equal([]);
  });

  it('should start a service period from its start form, and give the call to the account manager when no responsible employee was filled in', async () => {
    // given
    const { process, problems, start } = await submit('renewal-reminder', { customer: 'ACME', serviceEnd: '2026-04-30', period: 'P1Y', responsible: '', accountManager: 'alex' });
    expect(process).to.include({ formId: 'service-period', businessKeyField: 'customer' });
    expect(problems).to.deep.equal([]);
    // when the service is 30 days from its end
    const instance = await start();
    t.clock.set('2026-03-31T07:00:00.000Z');
    await t.engine.fireDueTimers();
    // then
    expect(instance.businessKey).to.equal('ACME');
    expect((await t.task(instance.id, 'callCustomer')).assignee).to.equal('alex');
  });

  it('should plan a campaign from its start form: the event and its invitee list as the form holds them, keyed by the campaign id', async () => {
    // given the plan-event form with two invitee rows
    const values = {
      event: { id: 'spring-fair', name: 'Spring fair', date: '2026-03-20', place: 'Hall 1', budget: 5000 },
      reminderAfter: 'P7D',
      invitees: [
        { id: 'ANN', name: 'Ann Arbor', email: 'ann@customer.example', salesOwner: 'sarah' },
        { id: 'BOB', name: 'Bob Baker', email: 'bob@customer.example', salesOwner: '' },
      ],
    };
    const { process, problems, start } = await submit('campaign-invitation', values);
    expect(process).to.include({ formId: 'plan-event', businessKeyField: 'event.id' });
    expect(problems).to.deep.equal([]);
    // when
    const campaign = await start();
    await runMailer(t);
    // then the campaign is keyed by its id, the preparation is under way and both invitees are invited
    expect(campaign.businessKey).to.equal('spring-fair');
    expect((await t.task(campaign.id, 'bookVenue')).dueAt!.toISOString()).to.equal('2026-02-06T16:00:00.000Z');
    const invitations = (await t.engine.listEmails({ limit: 10 })).items.filter((m) => m.template === 'campaign-invitation');
    expect(invitations.map((m) => m.recipients.join()).sort()).to.deep.equal(['ann@customer.example', 'bob@customer.example']);
  });

  it('should refuse a campaign form with a bad date, an invitee without email, and a campaign id that cannot be a key', async () => {
    // when
    const { problems } = await submit('campaign-invitation', {
      event: { id: 'Spring Fair!', name: 'Spring fair', date: '20.03.2026', place: 'Hall 1' },
      reminderAfter: 'P3D',
      invitees: [{ id: 'ANN', name: 'Ann Arbor', email: 'ann@customer.example' }, { id: 'BOB', name: 'Bob Baker', email: '' }],
    });
    // then
    expect(problems).to.deep.equal([
      { field: 'event.id', message: 'Use lower-case letters, digits and dashes' },
      { field: 'event.date', message: 'Date must be a date (YYYY-MM-DD)' },
      { field: 'invitees[1].email', message: 'Email is required' },
    ]);
  });
});
