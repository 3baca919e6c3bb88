import { expect } from 'chai';
import { DAY, type TestEngine } from '../engine/support/engineHarness.js';
import { countStatements } from '../setup/countStatements.js';
import { inbox, lifecycleEngine, runMailer } from './processes.js';

const event = { id: 'spring-fair', name: 'Spring fair', date: '2026-03-20', place: 'Hall 1', budget: 5000 };
const invitees = [
  { id: 'ANN', name: 'Ann Arbor', email: 'ann@customer.example', salesOwner: 'sarah' },
  { id: 'BOB', name: 'Bob Baker', email: 'bob@customer.example', salesOwner: 'employee' },
  { id: 'CY', name: 'Cy Young', email: 'cy@customer.example', salesOwner: 'sarah' },
];

describe('feature: campaign invitations (processes/campaign-invitation.bpmn, campaign-invitee.bpmn)', () => {
  let t: TestEngine;
  beforeEach(async () => {
    // Monday 2026-02-02, 10:00 in Berlin
    t = await lifecycleEngine('2026-02-02T09:00:00.000Z');
  });
  afterEach(() => t.destroy());

  const mails = async (template: string) => (await t.engine.listEmails({ limit: 100 })).items.filter((m) => m.template === template).map((m) => m.recipients.join()).sort();
  const reply = (invitee: string, attending: boolean) => t.engine.correlateMessage({ name: 'campaign-reply', correlationKey: `spring-fair/${invitee}`, variables: { attending } });

  it('should give the responsible employees the preparation tasks, each due relative to the event date', async () => {
    // when
    const campaign = await t.start('campaign-invitation', { event, invitees }, 'spring-fair');
    // then
    const tasks = Object.fromEntries((await t.openTasks(campaign.id)).map((x) => [x.elementId, { assignee: x.assignee, due: x.dueAt!.toISOString() }]));
    expect(tasks).to.deep.equal({
      // 17:00 Berlin (16:00Z) on the day so many days before 20 March
      bookVenue: { assignee: 'eve', due: '2026-02-06T16:00:00.000Z' },
      estimateCosts: { assignee: 'fiona', due: '2026-02-13T16:00:00.000Z' },
      advertise: { assignee: 'mark', due: '2026-02-20T16:00:00.000Z' },
      prepareProgramme: { assignee: 'eve', due: '2026-03-06T16:00:00.000Z' },
      organiseEquipment: { assignee: 'eve', due: '2026-03-13T16:00:00.000Z' },
    });
    expect(await inbox(t, 'fiona')).to.deep.equal([{ type: 'task.assigned', title: 'New task: Estimate the costs (spring-fair)' }]);
  });

  it('should invite every invitee, remind only the silent ones and only once, correlate replies by invitee, and give sales owners a follow-up after the event', async () => {
    // given the campaign starts and the invitations go out
    await t.start('campaign-invitation', { event, invitees, reminderAfter: 'P3D' }, 'spring-fair');
    await runMailer(t);
    expect(await mails('campaign-invitation')).to.deep.equal(['ann@customer.example', 'bob@customer.example', 'cy@customer.example']);
    const [toAnn] = (await t.engine.listEmails({ businessKey: 'ANN' })).items;
    expect(toAnn.subject).to.equal('Invitation: Spring fair on 2026-03-20');
    expect(toAnn.text).to.contain('Dear Ann Arbor,').and.to.contain('at Hall 1');
    // when ann accepts on day one, and bob and cy stay silent for three days
    await reply('ANN', true);
    await t.advance(3 * DAY);
    await runMailer(t);
    // then bob and cy get one reminder each
    expect(await mails('campaign-reminder')).to.deep.equal(['bob@customer.example', 'cy@customer.example']);
    // when bob declines late, and cy never answers, not even by the event
    await reply('BOB', false);
    t.clock.set('2026-03-21T09:00:00.000Z');
    await t.engine.fireDueTimers();
    await runMailer(t);
    // then cy got exactly one reminder, and only ann's sales owner has a follow-up task
    expect(await mails('campaign-reminder')).to.deep.equal(['bob@customer.example', 'cy@customer.example']);
    const followUps = (await t.engine.listTasks({ state: 'created', elementId: 'followUp' })).items;
    expect(followUps.map((x) => [x.businessKey, x.assignee])).to.deep.equal([['ANN', 'sarah']]);
    const ends = async (customer: string) => (await t.engine.listInstances({ definitionKey: 'campaign-invitee', businessKey: customer })).items[0];
    expect((await ends('BOB')).state).to.equal('completed');
    expect((await t.engine.history((await ends('CY')).id)).map((h) => h.elementId)).to.include('noAnswer');
  });

  it('should keep the cost of starting a campaign linear in its list: no job carries the list, and one statement per invitee (its own transaction, issue 10)', async () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `C${i}`, name: `Customer ${i}`, email: `c${i}@customer.example`, salesOwner: 'sarah' }));
    const small = await countStatements(t.db.knex, () => t.start('campaign-invitation', { event: { ...event, id: 'a' }, invitees: many(20) }, 'a'));
    const large = await countStatements(t.db.knex, () => t.start('campaign-invitation', { event: { ...event, id: 'b' }, invitees: many(400) }, 'b'));
    // each invitee's instance starts in a transaction of its own (the outbox): one statement with its BEGIN and COMMIT
    expect(large.length - small.length).to.be.at.most(380 + 5);
    const jobs = await t.engine.activateJobs({ type: 'email', worker: 'w', maxJobs: 1000, lockDurationMs: 60_000 });
    expect(jobs).to.have.length(420);
    expect(jobs.every((j) => !('invitees' in j.variables))).to.equal(true);
  });
});
