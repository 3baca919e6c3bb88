import { expect } from 'chai';
import { expectProblem, parseFixture, processOf } from './parseFixture.js';

describe('parser: ad-hoc subprocesses and complex gateways (issue 12)', () => {
  it('should read the activation condition of a complex gateway and the ordering, condition and active elements of ad-hoc subprocesses', async () => {
    // given / when
    const quorum = await processOf('../../runtime/fixtures/complex-adhoc.bpmn', 'twoOfThree');
    const until = await processOf('../../runtime/fixtures/complex-adhoc.bpmn', 'adHocUntil');
    // then
    expect(quorum.nodes.quorum).to.include({ kind: 'complexGateway' });
    expect(quorum.nodes.quorum.activationCondition).to.deep.equal({ source: 'activationCount >= 2', isFeel: true });
    expect(until.nodes.research.adHoc).to.deep.equal({
      ordering: 'Parallel', cancelRemainingInstances: true,
      completionCondition: { source: 'answered = true', isFeel: true },
      activeElements: { source: '["askExpert"]', isFeel: true },
    });
  });

  it('should reject an empty ad-hoc subprocess, start and end events inside one, and an unknown ordering', async () => {
    // given / when
    const { problems } = await parseFixture('bad/adhoc-problems.bpmn');
    // then
    expectProblem(problems, 'empty', /an ad-hoc subprocess must contain at least one activity \(BPMN 10.3.5.3\)/);
    expectProblem(problems, 'innerStart', /a start event cannot be used in an ad-hoc subprocess/);
    expectProblem(problems, 'innerEnd', /an end event cannot be used in an ad-hoc subprocess/);
    expectProblem(problems, 'withEvents', /ordering 'Whenever' is not Parallel or Sequential/);
  });
});
