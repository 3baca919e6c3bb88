import { expect } from 'chai';
import { processOf } from './parseFixture.js';

describe('parser: events', () => {
  describe('timers', () => {
    it('should read timeCycle, timeDuration and timeDate as cycle, duration and date timers', async () => {
      // given / when
      const { nodes } = await processOf('timer-events.bpmn', 'timers');
      // then
      expect(nodes.hourly.event).to.deep.equal({ type: 'timer', timer: { kind: 'cycle', value: { source: 'R3/PT1H', isFeel: false } } });
      expect(nodes.wait.event).to.deep.equal({ type: 'timer', timer: { kind: 'duration', value: { source: 'PT15M', isFeel: false } } });
      expect(nodes.deadline.event).to.deep.equal({ type: 'timer', timer: { kind: 'date', value: { source: '2026-03-01T09:00:00Z', isFeel: false } } });
    });

    it('should read a timer value starting with = as FEEL', async () => {
      // given / when
      const { nodes } = await processOf('timer-events.bpmn', 'timers');
      // then
      expect(nodes.remind.event).to.deep.equal({ type: 'timer', timer: { kind: 'duration', value: { source: 'reminderDelay', isFeel: true } } });
    });

    it('should list a timer start event as a start event of the process', async () => {
      // given / when
      const process = await processOf('timer-events.bpmn', 'timers');
      // then
      expect(process.startEvents).to.deep.equal(['hourly']);
    });
  });

  describe('messages', () => {
    it('should read a message start event by the name of its bpmn:message, without correlation key', async () => {
      // given / when
      const { nodes } = await processOf('message-events.bpmn', 'messages');
      // then
      expect(nodes.placed.event).to.deep.equal({ type: 'message', messageName: { source: 'order-placed', isFeel: false } });
    });

    it('should take the correlation key of a message catch from the zeebe:subscription of its message', async () => {
      // given / when
      const { nodes } = await processOf('message-events.bpmn', 'messages');
      // then
      expect(nodes.awaitReply).to.deep.equal({
        id: 'awaitReply', kind: 'intermediateCatchEvent', incoming: ['f2'], outgoing: ['f3'],
        event: { type: 'message', messageName: { source: '"reply-" + kind', isFeel: true }, correlationKey: { source: 'requestId', isFeel: true } },
      });
      expect(nodes.awaitPayment.event).to.deep.equal({
        type: 'message', messageName: { source: 'payment-received', isFeel: false }, correlationKey: { source: 'orderId', isFeel: true },
      });
    });

    it('should read a send task without task definition as delivering the message of its messageRef', async () => {
      // given / when
      const { nodes } = await processOf('message-events.bpmn', 'messages');
      // then
      expect(nodes.confirm).to.deep.equal({
        id: 'confirm', kind: 'sendTask', incoming: ['f3'], outgoing: ['f4'],
        event: { type: 'message', messageName: { source: 'payment-received', isFeel: false }, correlationKey: { source: 'orderId', isFeel: true } },
      });
    });

    it('should read a send task and a message throw event with zeebe:taskDefinition as jobs', async () => {
      // given / when
      const { nodes } = await processOf('message-events.bpmn', 'messages');
      // then
      expect(nodes.mailReceipt).to.deep.equal({
        id: 'mailReceipt', kind: 'sendTask', incoming: ['f4'], outgoing: ['f5'],
        job: { type: { source: 'mail', isFeel: false }, retries: { source: '2', isFeel: false }, headers: {} },
      });
      expect(nodes.notifyShop.job).to.deep.equal({ type: { source: 'shop-notify', isFeel: false }, retries: { source: '3', isFeel: false }, headers: {} });
      expect(nodes.notifyShop.event?.type).to.equal('message');
    });

    it('should read message throw and end events without task definition as delivering their message', async () => {
      // given / when
      const { nodes } = await processOf('message-events.bpmn', 'messages');
      // then
      expect(nodes.announce).to.not.have.property('job');
      expect(nodes.announce.event).to.deep.equal({ type: 'message', messageName: { source: 'payment-received', isFeel: false }, correlationKey: { source: 'orderId', isFeel: true } });
      expect(nodes.replied.event).to.deep.equal({ type: 'message', messageName: { source: 'order-placed', isFeel: false } });
    });
  });

  describe('signals, errors, escalations, terminate, links', () => {
    it('should read signal catch, throw and end events by signal name', async () => {
      // given / when
      const { nodes } = await processOf('throw-catch-events.bpmn', 'events');
      // then
      const signal = { type: 'signal', signalName: { source: 'stop-all', isFeel: false } };
      expect([nodes.waitStop.event, nodes.stopAll.event, nodes.lateSignal.event]).to.deep.equal([signal, signal, signal]);
    });

    it('should read an error end event and error boundary events by error code, a boundary without errorRef catching all', async () => {
      // given / when
      const { nodes } = await processOf('throw-catch-events.bpmn', 'events');
      // then
      expect(nodes.failed.event).to.deep.equal({ type: 'error', errorCode: 'INVALID', errorMessage: 'Invalid order' });
      expect(nodes.invalid.event).to.deep.equal({ type: 'error', errorCode: 'INVALID', errorMessage: 'Invalid order' });
      expect(nodes.anyError.event).to.deep.equal({ type: 'error' });
    });

    it('should read escalation throw events by code and a boundary without escalationRef as catching all', async () => {
      // given / when
      const { nodes } = await processOf('throw-catch-events.bpmn', 'events');
      // then
      expect(nodes.escalate.event).to.deep.equal({ type: 'escalation', escalationCode: 'LATE' });
      expect(nodes.late.event).to.deep.equal({ type: 'escalation' });
    });

    it('should read a terminate end event', async () => {
      // given / when
      const { nodes } = await processOf('throw-catch-events.bpmn', 'events');
      // then
      expect(nodes.finished.event).to.deep.equal({ type: 'terminate' });
    });

    it('should point a link throw event at the link catch event with the same name', async () => {
      // given / when
      const { nodes } = await processOf('throw-catch-events.bpmn', 'events');
      // then
      expect(nodes.jump.event).to.deep.equal({ type: 'link', linkName: 'finish', target: 'landing' });
      expect(nodes.landing.event).to.deep.equal({ type: 'link', linkName: 'finish' });
      expect(nodes.landing.incoming).to.deep.equal([]);
    });

    it('should give events without event definition the none definition', async () => {
      // given / when
      const { nodes } = await processOf('throw-catch-events.bpmn', 'events');
      // then
      expect([nodes.start.event, nodes.note.event, nodes.failedAny.event]).to.deep.equal([{ type: 'none' }, { type: 'none' }, { type: 'none' }]);
    });
  });

  describe('boundary events', () => {
    it('should attach boundary events to their activity, interrupting unless cancelActivity is false', async () => {
      // given / when
      const { nodes } = await processOf('throw-catch-events.bpmn', 'events');
      // then
      expect(nodes.work.boundaryEvents).to.deep.equal(['invalid', 'anyError', 'late']);
      expect(nodes.invalid).to.deep.include({ kind: 'boundaryEvent', attachedTo: 'work', cancelActivity: true, incoming: [], outgoing: ['f8'] });
      expect(nodes.late).to.deep.include({ attachedTo: 'work', cancelActivity: false });
    });

    it('should attach timer and message boundary events, non-interrupting when drawn so', async () => {
      // given / when
      const timers = await processOf('timer-events.bpmn', 'timers');
      const messages = await processOf('message-events.bpmn', 'messages');
      // then
      expect(timers.nodes.review.boundaryEvents).to.deep.equal(['deadline']);
      expect(timers.nodes.deadline).to.deep.include({ attachedTo: 'review', cancelActivity: false });
      expect(messages.nodes.awaitPayment.boundaryEvents).to.deep.equal(['cancelled']);
      expect(messages.nodes.cancelled).to.deep.include({ attachedTo: 'awaitPayment', cancelActivity: false });
    });
  });
});
