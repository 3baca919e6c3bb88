import { expect } from 'chai';
import { parseBpmn, MODEL_LIMITS } from '../../../engine/parser/index.js';
import { expectProblem, parseFixture } from './parseFixture.js';
import { chainModel, nestedModel } from './bigModels.js';

describe('parser: model limits and loops (issue 9)', () => {
  it('should refuse a process with more flow elements than the limit, naming the process', async () => {
    // when
    const { problems, processes } = await parseBpmn(chainModel(MODEL_LIMITS.maxFlowElements / 2 + 10));
    // then
    expect(processes).to.deep.equal([]);
    expectProblem(problems, 'chain', /flow elements; at most 5000/);
  });

  it('should accept a process right at the limit', async () => {
    const { problems } = await parseBpmn(chainModel(MODEL_LIMITS.maxFlowElements / 2 - 2));
    expect(problems).to.deep.equal([]);
  });

  it('should refuse subprocesses nested deeper than the limit, naming the first one too deep, without overflowing the stack', async () => {
    // when
    const { problems } = await parseBpmn(nestedModel(2000));
    // then
    expectProblem(problems, `sp${MODEL_LIMITS.maxNesting}`, /nested more than 32 deep/);
  });

  it('should refuse a file larger than the size limit before parsing it', async () => {
    // given
    const xml = chainModel(3).replace('id="chain"', `id="chain" name="${'x'.repeat(MODEL_LIMITS.maxBytes)}"`);
    // when
    const started = performance.now();
    const { problems } = await parseBpmn(xml);
    // then
    expect(performance.now() - started).to.be.below(200);
    expectProblem(problems, undefined, /MiB; at most 4 MiB/);
  });

  it('should refuse a loop with no wait state and no way out, naming its gateway', async () => {
    const { problems } = await parseFixture('cycles/no-way-out.bpmn');
    expectProblem(problems, 'spin', /loop with no wait state and no way out \(spin, work\)/);
  });

  it('should warn about a loop with no wait state that has a way out, and accept loops through a wait state', async () => {
    // when
    const { problems, warnings } = await parseFixture('cycles/loops.bpmn');
    // then: the retry loop through a user task is fine; the counting loop may spin
    expect(problems).to.deep.equal([]);
    expect(warnings).to.have.length(1);
    expectProblem(warnings, 'enough', /loop with no wait state \(again, count, enough\)/);
  });
});
