import { expect } from 'chai';
import { createTestEngine, fixture, type TestEngine } from '../../engine/support/engineHarness.js';
import { EmailWorker, MailTemplates, createMailer } from '../../../workers/index.js';
import { startSmtpSink, type SmtpSink } from './smtpSink.js';

const people = [
  { id: 'max', groups: ['department-heads'], email: 'max@lifeline.test' },
  { id: 'hana', groups: ['department-heads'], email: 'hana@lifeline.test' },
  { id: 'noah', groups: ['department-heads'] },
  { id: 'erin', groups: ['support'], email: 'erin@lifeline.test' },
];

describe('built-in email worker', () => {
  let t: TestEngine;
  let smtp: SmtpSink;
  const worker = (withSmtp: boolean) => new EmailWorker({ engine: t.engine, mailer: withSmtp ? createMailer(smtp.url) : null, templates: new MailTemplates(), from: 'Lifeline <lifeline@lifeline.test>', backoffMs: 60_000 });

  beforeEach(async () => {
    t = await createTestEngine({ directory: 'store' });
    await t.addPeople(people);
    await t.deploy(fixture(import.meta.url, 'notify-heads.bpmn'));
    smtp = await startSmtpSink();
  });
  afterEach(async () => {
    await smtp.close();
    await t.destroy();
  });

  it('should send a job\'s mail through SMTP to the members of a group and to a customer, from its template', async () => {
    // given a stuck request for customer ACME
    const instance = await t.start('notifyHeads', { summary: 'Invoice is wrong', severity: 'critical', customerEmail: 'buyer@acme.test', answer: 'We corrected it.' }, 'ACME');
    const mailer = worker(true);
    // when the worker runs twice (the second job appears once the first completed)
    await mailer.runOnce();
    await mailer.runOnce();
    await mailer.stop();
    // then the heads got one mail, the customer another
    expect(smtp.received).to.have.length(2);
    const [heads, customer] = smtp.received;
    expect(heads.to.sort()).to.deep.equal(['hana@lifeline.test', 'max@lifeline.test']);
    expect(heads.from).to.equal('lifeline@lifeline.test');
    expect(heads.parsed.subject).to.equal('Support request ACME is stuck');
    expect(heads.parsed.text).to.contain('the support request "Invoice is wrong" from customer ACME has been with second line').and.to.contain('Severity: critical');
    expect(customer.to).to.deep.equal(['buyer@acme.test']);
    expect(customer.parsed.subject).to.equal('Your request "Invoice is wrong" is resolved');
    expect(customer.parsed.text).to.contain('We corrected it.');
    // and the instance went on; both mails are on record as sent; staff also have an inbox entry
    expect((await t.instance(instance.id)).state).to.equal('completed');
    const sent = (await t.engine.listEmails({ businessKey: 'ACME' })).items;
    expect(sent.map((m) => m.state)).to.deep.equal(['sent', 'sent']);
    const [inbox] = (await t.engine.listNotifications({ userId: 'noah' })).items;
    expect(inbox).to.include({ type: 'message', title: 'Support request ACME is stuck', emailState: 'sent' });
  });

  it('should keep every mail in the outbox when no SMTP server is configured, and still complete the job', async () => {
    const instance = await t.start('notifyHeads', { summary: 'Where is my order?', severity: 'normal', customerEmail: 'buyer@acme.test', answer: 'Shipped.' }, 'ACME');
    const outbox = worker(false);
    await outbox.runOnce();
    await outbox.runOnce();
    expect(smtp.received).to.have.length(0);
    expect((await t.instance(instance.id)).state).to.equal('completed');
    const held = (await t.engine.listEmails({ state: 'outbox' })).items;
    expect(held.map((m) => m.subject).sort()).to.deep.equal(['Support request ACME is stuck', 'Your request "Where is my order?" is resolved']);
    expect(held.find((m) => m.template === 'support-request-resolved')!.recipients).to.deep.equal(['buyer@acme.test']);
  });

  it('should retry an SMTP failure with backoff and raise an incident when the retries run out', async () => {
    // given an SMTP server that refuses every recipient, and a job with 2 retries
    smtp.refuse = true;
    const instance = await t.start('notifyHeads', { summary: 'x', severity: 'normal', customerEmail: 'buyer@acme.test' });
    const mailer = worker(true);
    // when the first attempt fails
    await mailer.runOnce();
    const [job] = await t.jobs(instance.id);
    expect(job).to.include({ state: 'activatable', retries: 1 });
    expect(job.lastError).to.match(/^SMTP: .*mailbox unavailable/);
    // then it is not tried again before the backoff has passed
    expect((await mailer.runOnce()).jobs).to.equal(0);
    t.clock.advance(10 * 60_000);
    await mailer.runOnce();
    await mailer.stop();
    // and with no retries left it is an incident on the element, and the mail is on record as failed
    const [incident] = (await t.engine.listIncidents({ instanceId: instance.id })).items;
    expect(incident).to.include({ type: 'job_no_retries', elementId: 'mailHeads' });
    expect((await t.engine.listEmails({ state: 'failed' })).total).to.equal(1);
  });

  it('should raise an incident at once for a recipient that is neither an address, a user nor a group', async () => {
    const instance = await t.start('notifyHeads', { summary: 'x', severity: 'normal', customerEmail: 'not an address' });
    const outbox = worker(false);
    await outbox.runOnce();
    await outbox.runOnce();
    const [incident] = (await t.engine.listIncidents({ instanceId: instance.id })).items;
    expect(incident.elementId).to.equal('mailCustomer');
    expect(incident.message).to.contain("recipient 'not an address' is neither an email address, a user nor a group");
  });

  it('should mail the copy of an inbox notification to its user, and mark users without an address', async () => {
    // given a task assigned to erin and one to noah (who has no address)
    await t.deploy(fixture(import.meta.url, '../../../engine/service/fixtures/escalation-assignment.bpmn'));
    await t.start('escalate', { owner: 'erin' }, 'CUST-1');
    await t.start('escalate', { owner: 'noah' }, 'CUST-2');
    // when
    const mailer = worker(true);
    await mailer.runOnce();
    await mailer.stop();
    // then
    expect(smtp.received.map((m) => [m.to, m.parsed.subject])).to.deep.equal([[['erin@lifeline.test'], 'New task: firstLine (CUST-1)']]);
    expect((await t.engine.listNotifications({ userId: 'erin' })).items[0].emailState).to.equal('sent');
    expect((await t.engine.listNotifications({ userId: 'noah' })).items[0].emailState).to.equal('none');
  });
});
