import { expect } from 'chai';
import { apiFixture, startTestApi, type Caller, type TestApi } from './support/apiHarness.js';
import { EmailWorker, MailTemplates } from '../../workers/index.js';

const HOUR = 3_600_000;

describe('API: inbox, outbox, SLA state and the customer timeline', () => {
  let api: TestApi;
  let manager: Caller;
  let employee: Caller;
  let instanceId: string;
  beforeEach(async () => {
    api = await startTestApi();
    [manager, employee] = await Promise.all([api.as('manager'), api.as('employee')]);
    const designer = await api.as('designer');
    await designer.post('/api/deployments', { resources: [{ name: 'mail-and-task.bpmn', xml: await apiFixture('mail-and-task.bpmn') }] });
    const started = await employee.post('/api/process-definitions/mailAndTask/start', { businessKey: 'ACME', variables: { customer: 'ACME', customerEmail: 'buyer@acme.test' } });
    instanceId = started.body.id;
    // the built-in worker, without SMTP: the welcome mail waits in the outbox
    await new EmailWorker({ engine: api.engine, mailer: null, templates: new MailTemplates(), from: 'lifeline@lifeline.test' }).runOnce();
    await manager.post('/api/messages', { name: 'customer-reply', correlationKey: 'ACME', variables: { reply: 'Call me' } });
  });
  afterEach(() => api.close());

  it('should show the outbox to managers, and not to employees', async () => {
    const outbox = await manager.get('/api/emails?state=outbox');
    expect(outbox.status).to.equal(200);
    expect(outbox.body.items).to.have.length(1);
    expect(outbox.body.items[0]).to.include({ subject: 'Welcome, ACME', text: 'Thank you for your order.\n', state: 'outbox', businessKey: 'ACME' });
    expect(outbox.body.items[0].recipients).to.deep.equal(['buyer@acme.test']);
    expect((await employee.get('/api/emails')).status).to.equal(403);
  });

  it('should keep an inbox per user with an unread count, and mark notifications read', async () => {
    const inbox = await employee.get('/api/notifications');
    expect(inbox.body.unread).to.equal(1);
    expect(inbox.body.items[0]).to.include({ type: 'task.assigned', title: 'New task: Call the customer (ACME)', businessKey: 'ACME' });
    const marked = await employee.post('/api/notifications/read', {});
    expect(marked.body).to.deep.equal({ marked: 1 });
    expect((await employee.get('/api/notifications?unread=true')).body).to.include({ total: 0, unread: 0 });
    expect((await manager.get('/api/notifications')).body.total).to.equal(0);
  });

  it('should show SLA state on every task, filter and sort by it, and count it in monitoring and /metrics', async () => {
    const [task] = (await employee.get('/api/tasks?mine=true')).body.items;
    expect(task.sla.state).to.equal('on_time');
    api.clock.advance(3 * HOUR);
    expect((await employee.get(`/api/tasks/${task.id}`)).body.sla).to.include({ state: 'at_risk' });
    expect((await manager.get('/api/tasks?slaState=at_risk&sort=sla')).body.items.map((x: { id: string }) => x.id)).to.deep.equal([task.id]);
    expect((await manager.get('/api/tasks?slaState=breached')).body.total).to.equal(0);
    expect((await manager.get('/api/monitoring/sla')).body.definitions).to.deep.equal({ mailAndTask: { on_time: 0, at_risk: 1, breached: 0 } });
    const metrics = await api.anonymous.get('/metrics');
    expect(metrics.body).to.contain('lifeline_open_tasks{definition_key="mailAndTask",sla="at_risk"} 1');
  });

  it('should tell the story of a customer in time order: instance, mail, message, task, notification', async () => {
    const timeline = await employee.get('/api/customers/ACME/timeline');
    expect(timeline.status).to.equal(200);
    const kinds = timeline.body.items.map((e: { kind: string }) => e.kind);
    expect(kinds).to.include.members(['instance.started', 'email', 'message', 'task.created', 'notification']);
    expect(timeline.body.items.every((e: { instanceId: string | null }) => e.instanceId === instanceId)).to.equal(true);
    const times = timeline.body.items.map((e: { at: string }) => Date.parse(e.at));
    expect(times).to.deep.equal([...times].sort((a, b) => a - b));
    expect(timeline.body.items.find((e: { kind: string }) => e.kind === 'message').title).to.equal('customer-reply');
  });
});
