import { expect } from 'chai';
import { processOf } from './parseFixture.js';

describe('parser: loops', () => {
  it('should read a parallel multi-instance over a collection with its output and completion condition', async () => {
    // given / when
    const { nodes } = await processOf('loops.bpmn', 'loops');
    // then
    expect(nodes.inviteEach.multiInstance).to.deep.equal({
      sequential: false,
      inputCollection: { source: 'customers', isFeel: true },
      inputElement: 'customer',
      outputCollection: 'answers',
      outputElement: { source: 'answer', isFeel: true },
      completionCondition: { source: 'numberOfCompletedInstances >= 3', isFeel: true },
    });
  });

  it('should read a sequential multi-instance with a loop cardinality as FEEL', async () => {
    // given / when
    const { nodes } = await processOf('loops.bpmn', 'loops');
    // then
    expect(nodes.remindThrice.multiInstance).to.deep.equal({ sequential: true, loopCardinality: { source: '3', isFeel: true } });
    expect(nodes.remindThrice.job?.type).to.deep.equal({ source: 'remind', isFeel: false });
  });

  it('should read a standard loop: condition, testBefore and loopMaximum', async () => {
    // given / when
    const { nodes } = await processOf('loops.bpmn', 'loops');
    // then
    expect(nodes.retry.standardLoop).to.deep.equal({ testBefore: true, loopCondition: { source: 'attempts < 5', isFeel: true }, loopMaximum: 5 });
    expect(nodes.poll.standardLoop).to.deep.equal({ testBefore: false, loopMaximum: 10 });
  });
});
