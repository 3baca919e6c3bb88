import { expect } from 'chai';
import { parseFixture } from './parseFixture.js';

/** One model per rule of the standard, each breaking only that rule: [fixture, element, the rule's wording]. */
const RULES: [string, string, RegExp][] = [
  ['partner-entity-to-flow.bpmn', 'customer', /participantRef refers to 'f1', a SequenceFlow, but must refer to a Participant \(BPMN metamodel: PartnerEntity.participantRef\)/],
  ['default-is-not-a-flow.bpmn', 'work', /default refers to 'end', a EndEvent, but must refer to a SequenceFlow/],
  ['message-flow-same-pool.bpmn', 'inside', /connects 'work' and 'end' in the same pool: a message flow connects two different pools \(BPMN 9.3\)/],
  ['message-flow-from-start.bpmn', 'fromStart', /a start event \('start'\) cannot be the source of a message flow \(BPMN 10.5.2\)/],
  ['io-specification-in-subprocess.bpmn', 'sub', /a subprocess cannot have an ioSpecification \(BPMN 10.4.1\)|a subprocess cannot have an ioSpecification/],
  ['data-input-without-set.bpmn', 'order', /data input 'order' belongs to no input set of 'work'.*\(BPMN 10.4.2\)/],
  ['declared-outgoing-elsewhere.bpmn', 'work', /lists 'f1' as outgoing, but that sequence flow starts at 'start' \(BPMN 8.3.13\)/],
  ['link-target-not-a-catch.bpmn', 'jump', /the link target 'otherThrowLink' is not the definition of a link catch event \(BPMN 10.5.4\)/],
  ['pass-through-parallel-gateway.bpmn', 'fork', /a gateway must merge or split: it has 1 incoming and 1 outgoing sequence flow.*\(BPMN 10.6\)/],
  ['pass-through-parallel-gateway.bpmn', 'fork', /a diverging gateway has at most one incoming flow and several outgoing flows/],
  ['converging-gateway-that-splits.bpmn', 'merge', /a converging gateway has several incoming flows and at most one outgoing flow; it has 1 incoming and 2 outgoing/],
  ['intermediate-event-dead-end.bpmn', 'wait', /an intermediate event must have an outgoing sequence flow \(BPMN 10.5.4\)/],
  ['boundary-dead-end.bpmn', 'late', /a boundary event must have an outgoing sequence flow \(BPMN 10.5.4\)/],
  ['task-dead-end-with-end-events.bpmn', 'aside', /has no outgoing sequence flow, but its level uses end events.*\(BPMN 10.5.3\)/],
  ['start-without-end.bpmn', 'p', /the process has a start event \(start\) but no end event: the standard requires an end event/],
  ['lone-conditional-flow.bpmn', 'onlyIf', /is the only outgoing flow of 'work' and cannot be conditional.*\(BPMN 10.2.2\)/],
  ['event-gateway-message-and-receive.bpmn', 'race', /may lead to message catch events or to receive tasks, not to both \(BPMN 10.6.6\)/],
  ['called-process-without-none-start.bpmn', 'call', /calls process 'child', which has no none start event to be started at \(BPMN 10.3.5.1\)/],
  ['negative-multiplicity.bpmn', 'pool', /the participant multiplicity's minimum -1 is negative \(BPMN 9.2\)/],
  ['end-event-without-incoming.bpmn', 'lonelyEnd', /an end event must have an incoming sequence flow \(BPMN 10.5.3\)/],
  ['enumeration-value.bpmn', 'p', /processType 'Secret' is not one of None, Public, Private \(BPMN XSD tProcessType\)/],
  ['unknown-attribute.bpmn', 'work', /attribute 'priority' is not defined for bpmn:Task in the BPMN XSD/],
  ['no-target-namespace.bpmn', 'defs', /the definitions have no targetNamespace, which the BPMN XSD requires/],
];

describe("parser: the standard's rules, one violating model each (issue 12)", () => {
  for (const [file, elementId, rule] of RULES) {
    it(`should reject ${file.replace(".bpmn", "")} on ${elementId}: ${rule.source.slice(0, 48)}`, async () => {
      // given / when
      const { problems } = await parseFixture(`rules/${file}`);
      // then
      const hit = problems.find((p) => p.elementId === elementId && rule.test(p.message));
      expect(hit, JSON.stringify(problems, null, 1)).to.not.equal(undefined);
    });
  }
});
