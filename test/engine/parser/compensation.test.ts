import { expect } from 'chai';
import { expectProblem, parseFixture, processOf } from './parseFixture.js';

describe('parser: compensation and transactions (issue 12)', () => {
  it('should read handlers, compensation events and transactions into the IR', async () => {
    // given / when
    const process = await processOf('../../runtime/fixtures/compensation.bpmn', 'trip');
    const order = await processOf('../../runtime/fixtures/compensation.bpmn', 'order');
    // then
    expect(process.nodes.bookHotel.compensationHandler).to.equal('cancelHotel');
    expect(process.nodes.cancelHotel.isForCompensation).to.equal(true);
    expect(process.nodes.undoHotel.event).to.deep.equal({ type: 'compensate', activityRef: 'bookHotel', waitForCompletion: true });
    expect(order.nodes.payment).to.include({ kind: 'subProcess', transaction: true });
    expect(order.nodes.cancelled.event).to.deep.equal({ type: 'cancel' });
  });

  it('should reject each broken compensation or cancel rule on its element, naming the rule', async () => {
    // given / when
    const { problems } = await parseFixture('bad/compensation-problems.bpmn');
    // then
    expectProblem(problems, 'undoWithFlow', /compensation boundary event cannot have outgoing sequence flows/);
    expectProblem(problems, 'handlerInFlow', /compensation activity \(isForCompensation="true"\) cannot have incoming or outgoing sequence flows \(BPMN 10.3.1\)/);
    expectProblem(problems, 'quit', /cancel end event is only allowed inside a transaction subprocess \(BPMN 10.5.3\)/);
    expectProblem(problems, 'softStart', /compensation start event always interrupts/);
    expectProblem(problems, 'notATransaction', /cancel boundary event must be attached to a transaction subprocess; 'sub' is not one/);
    expectProblem(problems, 'noHandler', /needs an association to its compensation handler/);
    expectProblem(problems, 'wrongRef', /activityRef 'subStart' is not an activity of the same scope/);
    expect(problems).to.have.length(7);
  });
});
