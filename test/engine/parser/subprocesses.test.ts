import { expect } from 'chai';
import { processOf, subScope } from './parseFixture.js';

describe('parser: subprocesses', () => {
  it('should read an embedded subprocess as a nested scope, recursively', async () => {
    // given / when
    const process = await processOf('subprocesses.bpmn', 'orders');
    // then
    const handle = subScope(process, 'handle');
    expect(process.nodes.handle).to.deep.include({ kind: 'subProcess', name: 'Handle order', triggeredByEvent: false, incoming: ['f1'], outgoing: ['f2'], boundaryEvents: ['handleTimeout'] });
    expect(Object.keys(handle.nodes)).to.deep.equal(['handleStart', 'inner', 'handleEnd', 'onStockError']);
    expect(handle).to.deep.include({ id: 'handle', startEvents: ['handleStart'], eventSubprocesses: ['onStockError'] });
    expect(subScope(handle, 'inner')).to.deep.equal({
      id: 'inner',
      startEvents: ['innerStart'],
      eventSubprocesses: [],
      nodes: {
        innerStart: { id: 'innerStart', kind: 'startEvent', incoming: [], outgoing: ['i1'], event: { type: 'none' } },
        pick: { id: 'pick', kind: 'userTask', incoming: ['i1'], outgoing: ['i2'], userTask: {} },
        innerEnd: { id: 'innerEnd', kind: 'endEvent', incoming: ['i2'], outgoing: [], event: { type: 'none' } },
      },
      flows: {
        i1: { id: 'i1', source: 'innerStart', target: 'pick' },
        i2: { id: 'i2', source: 'pick', target: 'innerEnd' },
      },
    });
  });

  it('should list event subprocesses in their parent scope and leave their start events out of its start events', async () => {
    // given / when
    const process = await processOf('subprocesses.bpmn', 'orders');
    // then
    expect(process.eventSubprocesses).to.deep.equal(['onCancel', 'onReminder']);
    expect(process.startEvents).to.deep.equal(['start']);
    expect(process.nodes.onCancel).to.deep.include({ kind: 'subProcess', triggeredByEvent: true, incoming: [], outgoing: [] });
    expect(subScope(process, 'onCancel').startEvents).to.deep.equal(['cancelStart']);
  });

  it('should read event subprocess start events: interrupting by default, non-interrupting when drawn so', async () => {
    // given / when
    const process = await processOf('subprocesses.bpmn', 'orders');
    // then
    expect(subScope(process, 'onCancel').nodes.cancelStart).to.deep.equal({
      id: 'cancelStart', kind: 'startEvent', incoming: [], outgoing: ['c1'], isInterrupting: true,
      event: { type: 'message', messageName: { source: 'cancel-order', isFeel: false }, correlationKey: { source: 'orderId', isFeel: true } },
    });
    expect(subScope(process, 'onReminder').nodes.reminderStart).to.deep.include({
      isInterrupting: false, event: { type: 'timer', timer: { kind: 'cycle', value: { source: 'R/P1D', isFeel: false } } },
    });
    expect(subScope(subScope(process, 'handle'), 'onStockError').nodes.stockErrorStart).to.deep.include({
      isInterrupting: true, event: { type: 'error', errorCode: 'NO_STOCK', errorMessage: 'Out of stock' },
    });
  });

  it('should not mark start events outside event subprocesses as interrupting or not', async () => {
    // given / when
    const process = await processOf('subprocesses.bpmn', 'orders');
    // then
    expect(process.nodes.start).to.not.have.property('isInterrupting');
    expect(subScope(process, 'handle').nodes.handleStart).to.not.have.property('isInterrupting');
  });
});
