import { expect } from 'chai';
import { processOf } from './parseFixture.js';

describe('parser: tasks', () => {
  it('should read a service task job: type, retries, headers and io mappings', async () => {
    // given / when
    const { nodes } = await processOf('service-tasks.bpmn', 'services');
    // then
    expect(nodes.sendMail).to.deep.equal({
      id: 'sendMail', name: 'Send mail', kind: 'serviceTask', incoming: ['f1'], outgoing: ['f2'],
      job: { type: { source: 'email', isFeel: false }, retries: { source: '5', isFeel: false }, headers: { to: 'department-heads', template: 'overdue' } },
      inputs: [
        { source: { source: 'customer.email', isFeel: true }, target: 'recipient' },
        { source: { source: 'Welcome', isFeel: false }, target: 'subject' },
      ],
      outputs: [{ source: { source: 'messageId', isFeel: true }, target: 'sentMessageId' }],
    });
  });

  it('should default job retries to 3 and read a FEEL job type', async () => {
    // given / when
    const { nodes } = await processOf('service-tasks.bpmn', 'services');
    // then
    expect(nodes.callApi.job).to.deep.equal({ type: { source: '"http-" + method', isFeel: true }, retries: { source: '3', isFeel: false }, headers: {} });
  });

  it('should read a script task zeebe:script, or its job when it has a task definition', async () => {
    // given / when
    const { nodes } = await processOf('service-tasks.bpmn', 'services');
    // then
    expect(nodes.total).to.deep.equal({
      id: 'total', kind: 'scriptTask', incoming: ['f3'], outgoing: ['f4'],
      script: { expression: { source: 'sum(items.price)', isFeel: true }, resultVariable: 'orderTotal' },
    });
    expect(nodes.externalScript.job).to.deep.equal({ type: { source: 'groovy', isFeel: false }, retries: { source: 'retryCount', isFeel: true }, headers: {} });
    expect(nodes.externalScript).to.not.have.property('script');
  });

  it('should read a user task assignment, schedule, priority and its embedded form', async () => {
    // given: a form embedded in the process as zeebe:userTaskForm
    // when
    const { nodes } = await processOf('user-tasks.bpmn', 'approvals');
    // then
    expect(nodes.review).to.deep.equal({
      id: 'review', name: 'Review', kind: 'userTask', incoming: ['f1'], outgoing: ['f2'],
      userTask: {
        assignee: { source: 'initiator', isFeel: true },
        candidateGroups: { source: 'sales, support', isFeel: false },
        candidateUsers: { source: '["anna", manager]', isFeel: true },
        dueDate: { source: 'now() + duration("P2D")', isFeel: true },
        followUpDate: { source: '2026-03-01T09:00:00Z', isFeel: false },
        priority: { source: '70', isFeel: false },
        formKey: 'camunda-forms:bpmn:reviewForm',
        formJson: '{"id":"review","components":[{"type":"textfield","key":"comment"}]}',
      },
    });
  });

  it('should read a user task form id and the lifeline assignment strategy', async () => {
    // given / when
    const { nodes } = await processOf('user-tasks.bpmn', 'approvals');
    // then
    expect(nodes.approve.userTask).to.deep.equal({ candidateGroups: { source: 'managers', isFeel: false }, formId: 'approval-form' });
    expect(nodes.approve.lifeline).to.deep.equal({ assignmentStrategy: 'leastLoaded' });
  });

  it('should give a user task without extensions an empty definition', async () => {
    // given / when
    const { nodes } = await processOf('user-tasks.bpmn', 'approvals');
    // then
    expect(nodes.plain).to.deep.equal({ id: 'plain', kind: 'userTask', incoming: ['f3'], outgoing: ['f4'], userTask: {} });
  });

  it('should read a call activity: called process, variables propagated both ways by default', async () => {
    // given / when
    const { nodes } = await processOf('call-activities.bpmn', 'parent');
    // then
    expect(nodes.callChild).to.deep.equal({
      id: 'callChild', kind: 'callActivity', incoming: ['f1'], outgoing: ['f2'],
      calledElement: { processId: { source: 'child', isFeel: false }, propagateAllChildVariables: true, propagateAllParentVariables: true },
    });
  });

  it('should read a call activity with a FEEL process id, propagation switched off and mappings', async () => {
    // given / when
    const { nodes } = await processOf('call-activities.bpmn', 'parent');
    // then
    expect(nodes.callChosen).to.deep.equal({
      id: 'callChosen', kind: 'callActivity', incoming: ['f2'], outgoing: ['f3'],
      calledElement: { processId: { source: 'childProcessId', isFeel: true }, propagateAllChildVariables: false, propagateAllParentVariables: false },
      inputs: [{ source: { source: 'order.id', isFeel: true }, target: 'orderId' }],
      outputs: [{ source: { source: 'result', isFeel: true }, target: 'childResult' }],
    });
  });
});
