import { expect } from 'chai';
import { BpmnValidationError } from '../../../engine/errors/LifelineError.js';
import { parseBpmn, parseBpmnOrThrow } from '../../../engine/parser/index.js';
import { fixtureXml, parseFixture, processOf } from './parseFixture.js';

describe('parser: processes', () => {
  it('should read every executable process of a file and skip the others', async () => {
    // given: a file with two executable processes and one that is not
    // when
    const { processes, problems } = await parseFixture('process-basics.bpmn');
    // then
    expect(problems).to.deep.equal([]);
    expect(processes.map((p) => p.processId)).to.deep.equal(['orderHandling', 'billing']);
  });

  it('should give the process its id, name and zeebe:versionTag, and its nodes and flows', async () => {
    // given / when
    const process = await processOf('process-basics.bpmn', 'orderHandling');
    // then
    expect(process).to.deep.equal({
      id: 'orderHandling',
      processId: 'orderHandling',
      name: 'Order handling',
      versionTag: '2.1',
      startEvents: ['received'],
      eventSubprocesses: [],
      nodes: {
        received: { id: 'received', name: 'Order received', kind: 'startEvent', incoming: [], outgoing: ['toCheck'], event: { type: 'none' } },
        check: { id: 'check', name: 'Check order', kind: 'task', incoming: ['toCheck'], outgoing: ['toShip'] },
        ship: { id: 'ship', name: 'Ship', kind: 'manualTask', incoming: ['toShip'], outgoing: ['toDone'] },
        done: { id: 'done', kind: 'endEvent', incoming: ['toDone'], outgoing: [], event: { type: 'none' } },
      },
      flows: {
        toCheck: { id: 'toCheck', name: 'check it', source: 'received', target: 'check' },
        toShip: { id: 'toShip', source: 'check', target: 'ship' },
        toDone: { id: 'toDone', source: 'ship', target: 'done' },
      },
    });
  });

  it('should derive incoming and outgoing flows from sourceRef and targetRef, with or without <bpmn:outgoing>', async () => {
    // given: orderHandling has no <bpmn:incoming>/<bpmn:outgoing> children, billing has them
    // when
    const order = await processOf('process-basics.bpmn', 'orderHandling');
    const billing = await processOf('process-basics.bpmn', 'billing');
    // then
    expect(order.nodes.check).to.include.keys('incoming', 'outgoing');
    expect([order.nodes.check.incoming, order.nodes.check.outgoing]).to.deep.equal([['toCheck'], ['toShip']]);
    expect([billing.nodes.billingStart.outgoing, billing.nodes.billingEnd.incoming]).to.deep.equal([['billingFlow'], ['billingFlow']]);
  });

  it('should produce plain JSON: the IR survives a JSON round trip unchanged', async () => {
    // given
    const { processes } = await parseFixture('subprocesses.bpmn');
    // when
    const copy = JSON.parse(JSON.stringify(processes));
    // then
    expect(copy).to.deep.equal(processes);
  });

  it('should return the processes from parseBpmnOrThrow when the file has no problem', async () => {
    // given / when
    const processes = await parseBpmnOrThrow(await fixtureXml('process-basics.bpmn'));
    // then
    expect(processes.map((p) => p.processId)).to.deep.equal(['orderHandling', 'billing']);
  });

  it('should throw one BpmnValidationError with every problem from parseBpmnOrThrow', async () => {
    // given
    const xml = await fixtureXml('bad/many-problems.bpmn');
    const { problems } = await parseBpmn(xml);
    // when
    const error = await parseBpmnOrThrow(xml).then(() => undefined, (e: unknown) => e);
    // then
    expect(error).to.be.instanceOf(BpmnValidationError);
    expect((error as BpmnValidationError).code).to.equal('BPMN_INVALID');
    expect((error as BpmnValidationError).problems).to.deep.equal(problems);
  });
});
