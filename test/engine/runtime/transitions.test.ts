import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { parseBpmnOrThrow } from '../../../engine/parser/index.js';
import { ProcessModel } from '../../../engine/runtime/ProcessModel.js';
import { fixture } from '../support/engineHarness.js';

describe('remembered statechart decisions', () => {
  let model: ProcessModel;
  before(async () => {
    const [ir] = await parseBpmnOrThrow(readFileSync(fixture(import.meta.url, 'boundary-events.bpmn'), 'utf8'));
    model = new ProcessModel(ir);
  });

  it('should give the same decision for the same state and code-less event, from memory the second time', () => {
    // given the service task's statechart
    const table = model.transitions('activity:lookup');
    // when it is asked twice what COMPLETE does in the active state
    const first = table.decide('active', { type: 'COMPLETE' });
    const second = table.decide('active', { type: 'COMPLETE' });
    // then both answers say: complete, cancel the waits and leave
    expect(second).to.equal(first);
    expect(first.next).to.equal('completed');
    expect(first.actions.map((a) => a.type)).to.deep.equal(['cancelWaits', 'leave']);
  });

  it('should route each error code to its own boundary, not to the one a previous code took', () => {
    // given the service task's statechart, with a boundary for NOT_FOUND and a catch-all
    const table = model.transitions('activity:lookup');
    // when an error NOT_FOUND, then an error TIMEOUT, then NOT_FOUND again are decided
    const boundaryOf = (code: string) => table.decide('active', { type: 'ERROR', code }).actions.find((a) => a.type === 'takeBoundary')?.params;
    // then each goes where its code says
    expect(boundaryOf('NOT_FOUND')).to.deep.equal({ boundaryId: 'notFound' });
    expect(boundaryOf('TIMEOUT')).to.deep.equal({ boundaryId: 'anyError' });
    expect(boundaryOf('NOT_FOUND')).to.deep.equal({ boundaryId: 'notFound' });
  });
});
