import { expect } from 'chai';
import { elementsOf, HOUR, type TestEngine } from '../engine/support/engineHarness.js';
import { inbox, lifecycleEngine, runMailer } from './processes.js';

// Friday 2026-01-09, 19:30 in Berlin (the default calendar: Mon–Fri 09:00–17:00 Europe/Berlin, German holidays)
const FRIDAY_EVENING = '2026-01-09T18:30:00.000Z';
const MONDAY_CLOSING = '2026-01-12T16:00:00.000Z';

describe('feature: tiered support escalation (processes/support-escalation.bpmn)', () => {
  let t: TestEngine;
  afterEach(() => t.destroy());

  const request = (severity: string, customer = 'ACME', extra: Record<string, unknown> = {}) =>
    t.start('support-escalation', { summary: 'Invoice is wrong', severity, customerEmail: 'buyer@acme.example', ...extra }, customer);

  describe('on working days', () => {
    beforeEach(async () => {
      t = await lifecycleEngine(FRIDAY_EVENING);
    });

    it('should make a request that came in on Friday evening due on Monday at closing time, and escalate it then', async () => {
      // when a request comes in on Friday evening
      const instance = await request('normal');
      // then first line has until Monday 17:00 Berlin time
      const firstLine = await t.task(instance.id, 'answerRequest');
      expect(firstLine.candidateGroups).to.deep.equal(['support']);
      expect(firstLine.formId).to.equal('answer-request');
      expect(firstLine.dueAt!.toISOString()).to.equal(MONDAY_CLOSING);
      // and nothing happens over the weekend
      t.clock.set('2026-01-12T15:59:00.000Z');
      expect(await t.engine.fireDueTimers()).to.equal(0);
      // when Monday closes without an answer, then second line has it
      t.clock.set(MONDAY_CLOSING);
      await t.engine.fireDueTimers();
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['specialistAnswers']);
    });

    it('should give the escalation to the least-loaded of three busy specialists, and record the loads it saw', async () => {
      // given on Monday morning, second line holds handed-over requests: sam (specialist) 3, sofia 1, sven 2
      t.clock.set('2026-01-12T09:00:00.000Z');
      for (const [user, n] of [['specialist', 3], ['sofia', 1], ['sven', 2]] as const) {
        for (let i = 0; i < n; i++) {
          const other = await request('normal', `OTHER-${user}-${i}`);
          await t.completeTask(other.id, 'answerRequest', { handOver: true });
          await t.engine.assignTask((await t.task(other.id, 'specialistAnswers')).id, user, 'manager');
        }
      }
      const instance = await request('normal', 'ACME');
      // when a working day passes without an answer from first line
      t.clock.set('2026-01-13T09:00:00.000Z');
      await t.engine.fireDueTimers();
      // then sofia, who had the fewest open tasks, gets it and is told so; the history keeps the loads the choice saw
      const specialist = await t.task(instance.id, 'specialistAnswers');
      expect(specialist.assignee).to.equal('sofia');
      const assigned = (await t.engine.history(instance.id)).find((h) => h.type === 'task.assigned')!;
      expect(assigned.data).to.deep.include({ strategy: 'leastLoaded', assignee: 'sofia', loads: { specialist: 3, sofia: 1, sven: 2 } });
      expect(await inbox(t, 'sofia')).to.deep.include({ type: 'task.assigned', title: 'New task: Answer the request (second line) (ACME)' });
    });

    it('should spread twelve escalations firing at once across the three specialists 4/4/4', async () => {
      // given twelve requests from Monday morning
      t.clock.set('2026-01-12T08:00:00.000Z');
      for (let i = 0; i < 12; i++) await request('normal', `CUST-${i}`);
      // when their timers all fire at once, from two engine processes
      t.clock.set('2026-01-13T08:00:00.000Z');
      const timers = (await t.db.knex('timers').select('id').where({ element_id: 'notHandledInADay', state: 'scheduled' })).map((r: { id: string }) => r.id);
      expect(timers).to.have.length(12);
      const twin = t.twin();
      await Promise.all(timers.map((id, i) => (i % 2 ? twin : t.engine).fireTimer(id)));
      // then
      const counts: Record<string, number> = {};
      for (const task of (await t.engine.listTasks({ state: 'created', elementId: 'specialistAnswers', limit: 50 })).items) counts[task.assignee!] = (counts[task.assignee!] ?? 0) + 1;
      expect(counts).to.deep.equal({ sofia: 4, specialist: 4, sven: 4 });
    });

    it('should tell the department heads (inbox and email) when second line has not answered a working day later', async () => {
      // given a request escalated on Monday evening
      const instance = await request('normal');
      t.clock.set(MONDAY_CLOSING);
      await t.engine.fireDueTimers();
      // when Tuesday closes too
      t.clock.set('2026-01-13T16:00:00.000Z');
      await t.engine.fireDueTimers();
      await runMailer(t);
      // then max (department head) has it in his inbox and as a mail; the specialist task stays open
      expect(await inbox(t, 'manager')).to.deep.include({ type: 'message', title: 'Support request ACME is stuck' });
      const [mail] = (await t.engine.listEmails({ businessKey: 'ACME', state: 'outbox' })).items.filter((m) => m.template === 'support-request-stuck');
      expect(mail.recipients).to.deep.equal(['max.manager@lifeline.example']);
      expect(elementsOf(await t.openTasks(instance.id))).to.deep.equal(['specialistAnswers']);
    });

    it('should let first line hand over to second line, and mail the customer once the request is resolved', async () => {
      const instance = await request('normal');
      await t.completeTask(instance.id, 'answerRequest', { handOver: true });
      await t.completeTask(instance.id, 'specialistAnswers', { answer: 'We corrected the invoice.' });
      await runMailer(t);
      expect((await t.instance(instance.id)).state).to.equal('completed');
      const [mail] = (await t.engine.listEmails({ businessKey: 'ACME' })).items.filter((m) => m.template === 'support-request-resolved');
      expect(mail).to.include({ subject: 'Your request "Invoice is wrong" is resolved', template: 'support-request-resolved' });
      expect(mail.recipients).to.deep.equal(['buyer@acme.example']);
      expect(mail.text).to.contain('We corrected the invoice.');
    });

    it('should end quietly when first line answers within the day', async () => {
      const instance = await request('normal', 'ACME', { customerEmail: null });
      t.clock.set('2026-01-12T10:00:00.000Z');
      await t.completeTask(instance.id, 'answerRequest', { answer: 'Done' });
      expect((await t.instance(instance.id)).state).to.equal('completed');
      t.clock.set('2026-01-20T10:00:00.000Z');
      expect(await t.engine.fireDueTimers()).to.equal(0);
    });
  });

  describe('critical requests', () => {
    beforeEach(async () => {
      // Monday 2026-01-12, 10:00 in Berlin
      t = await lifecycleEngine('2026-01-12T09:00:00.000Z');
    });

    it('should warn the production managers at once when a critical request is not resolved by the end of its first working day', async () => {
      // given a critical request at Monday 10:00 (two working days: due Wednesday 10:00)
      const instance = await request('critical');
      expect((await t.task(instance.id, 'answerRequest')).priority).to.equal(90);
      // when its first working day ends (Tuesday 10:00) unresolved
      t.clock.set('2026-01-13T09:00:00.000Z');
      await t.engine.fireDueTimers();
      await runMailer(t);
      // then paula (production manager) is warned, second line has it, due by Wednesday 10:00
      expect(await inbox(t, 'paula')).to.deep.include({ type: 'message', title: 'Critical request ACME not resolved after its first working day' });
      const specialist = await t.task(instance.id, 'specialistAnswers');
      expect(specialist.dueAt!.toISOString()).to.equal('2026-01-14T09:00:00.000Z');
      expect(specialist.priority).to.equal(95);
    });

    it('should not warn anyone about a normal request at the end of its first day', async () => {
      await request('normal');
      t.clock.set('2026-01-13T09:00:00.000Z');
      await t.engine.fireDueTimers();
      expect((await t.engine.listJobs({ type: 'email', limit: 10 })).items.map((j) => j.elementId)).to.deep.equal([]);
    });
  });

  describe('holidays', () => {
    beforeEach(async () => {
      // Thursday 2026-04-02, 10:00 in Berlin; Good Friday and Easter Monday are holidays
      t = await lifecycleEngine('2026-04-02T08:00:00.000Z');
    });

    it('should skip the Easter holidays when counting the working day', async () => {
      const instance = await request('normal');
      expect((await t.task(instance.id, 'answerRequest')).dueAt!.toISOString()).to.equal('2026-04-07T08:00:00.000Z');
      t.clock.set('2026-04-06T20:00:00.000Z');
      expect(await t.engine.fireDueTimers()).to.equal(0);
    });
  });
});
