import { expect } from 'chai';
import { expectProblem, parseFixture, processOf } from './parseFixture.js';

describe('parser: token quantities and multi-instance behavior (issue 12)', () => {
  it('should read quantities other than 1 and the behavior events', async () => {
    // given / when
    const quantities = await processOf('../../runtime/fixtures/quantities-behaviors.bpmn', 'quantities');
    const behaviors = await processOf('../../runtime/fixtures/quantities-behaviors.bpmn', 'behaviors');
    // then
    expect(quantities.nodes.gather).to.include({ startQuantity: 2, completionQuantity: 2 });
    expect(quantities.nodes.each).to.not.have.property('startQuantity');
    expect(behaviors.nodes.noneReview.multiInstance).to.include({ behavior: 'None' });
    expect(behaviors.nodes.noneReview.multiInstance!.noneBehaviorEvent).to.deep.equal({ type: 'signal', signalName: { source: 'reviewed', isFeel: false } });
    expect(behaviors.nodes.complexReview.multiInstance!.complexBehavior![0].event).to.deep.equal({ type: 'escalation', escalationCode: 'TWO' });
  });

  it('should reject quantities below 1 and behavior events that do not match the behavior', async () => {
    // given / when
    const { problems } = await parseFixture('bad/quantity-behavior-problems.bpmn');
    // then
    expectProblem(problems, 'zero', /startQuantity '0' must be a whole number of at least 1 \(BPMN 10.3.1\)/);
    expectProblem(problems, 'none', /completionQuantity '0' must be a whole number of at least 1/);
    expectProblem(problems, 'mixed', /complexBehaviorDefinition is only allowed when behavior is Complex, not All/);
    expectProblem(problems, 'mixed', /oneBehaviorEventRef is only used when behavior is One, not All/);
  });
});
