import { expect } from 'chai';
import { processOf } from './parseFixture.js';

describe('parser: gateways and conditions', () => {
  it('should read exclusive, inclusive and parallel gateways with their default flows', async () => {
    // given / when
    const { nodes } = await processOf('gateways.bpmn', 'gateways');
    // then
    expect(nodes.split).to.deep.equal({
      id: 'split', name: 'Order size?', kind: 'exclusiveGateway', incoming: ['toSplit'], outgoing: ['toLarge', 'toMedium', 'toSmall'], defaultFlow: 'toSmall',
    });
    expect(nodes.notify).to.deep.equal({ id: 'notify', kind: 'inclusiveGateway', incoming: ['toLarge'], outgoing: ['notifyEmail', 'notifyNobody'], defaultFlow: 'notifyNobody' });
    expect(nodes.fork).to.deep.equal({ id: 'fork', kind: 'parallelGateway', incoming: ['toMedium'], outgoing: ['forkA', 'forkB'] });
    expect(nodes.join).to.deep.equal({ id: 'join', kind: 'parallelGateway', incoming: ['packJoin', 'invoiceJoin'], outgoing: ['joinDone'] });
  });

  it('should read conditions as FEEL, with or without the leading =', async () => {
    // given / when
    const { flows } = await processOf('gateways.bpmn', 'gateways');
    // then
    expect(flows.toLarge).to.deep.equal({ id: 'toLarge', name: 'large', source: 'split', target: 'notify', condition: { source: 'amount > 100', isFeel: true } });
    expect(flows.toMedium.condition).to.deep.equal({ source: 'amount > 10', isFeel: true });
    expect(flows.toSmall).to.deep.equal({ id: 'toSmall', source: 'split', target: 'small' });
  });

  it('should read an event-based gateway leading to the events it waits for', async () => {
    // given / when
    const { nodes, flows } = await processOf('gateways.bpmn', 'eventGateway');
    // then
    expect(nodes.race).to.deep.equal({ id: 'race', kind: 'eventBasedGateway', incoming: ['eg1'], outgoing: ['toPaid', 'toTimeout'] });
    expect(nodes.race.outgoing.map((id) => nodes[flows[id].target].event?.type)).to.deep.equal(['message', 'timer']);
  });

  it('should read the default flow and conditional flows of an activity', async () => {
    // given / when
    const { nodes, flows } = await processOf('gateways.bpmn', 'gateways');
    // then
    expect(nodes.small).to.deep.equal({ id: 'small', kind: 'task', incoming: ['toSmall'], outgoing: ['smallAudit', 'smallDone'], defaultFlow: 'smallDone' });
    expect(flows.smallAudit.condition).to.deep.equal({ source: 'audit', isFeel: true });
    expect(flows.smallDone).to.not.have.property('condition');
  });
});
