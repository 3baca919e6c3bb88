import { expect } from 'chai';
import { parseBpmn } from '../../../engine/parser/index.js';
import { expectProblem, parseFixture } from './parseFixture.js';

describe('parser: bad input', () => {
  describe('documents', () => {
    it('should report malformed XML with the reason bpmn-moddle gives, and no process', async () => {
      // given: a start event tag that is never closed
      // when
      const { processes, problems } = await parseFixture('bad/malformed.bpmn');
      // then
      expect(processes).to.deep.equal([]);
      expect(problems).to.have.length(1);
      expect(problems[0]).to.not.have.property('elementId');
      expect(problems[0].message).to.match(/^malformed XML: .*closing tag mismatch/);
    });

    it('should report an empty document and a document that is not BPMN without throwing', async () => {
      // given / when
      const empty = await parseBpmn('  ');
      const foreign = await parseBpmn('<invoice xmlns="urn:x" />');
      // then
      expect(empty.problems).to.deep.equal([{ message: 'malformed XML: the BPMN document is empty' }]);
      expect(foreign.problems[0].message).to.match(/^malformed XML: failed to parse document as <bpmn:Definitions>/);
    });

    it('should report a file with no executable process', async () => {
      // given / when
      const { processes, problems } = await parseFixture('bad/no-executable-process.bpmn');
      // then
      expect(processes).to.deep.equal([]);
      expect(problems).to.deep.equal([{ message: 'the file has no executable process: mark one with isExecutable="true"' }]);
    });

    it('should report a duplicated id from the bpmn-moddle warnings', async () => {
      // given / when
      const { problems } = await parseFixture('bad/duplicate-ids.bpmn');
      // then
      expectProblem(problems, 'twice', /^duplicate id 'twice'.*duplicate ID <twice>/);
    });

      it('should report elements bpmn-moddle cannot read on the element that contains them', async () => {
      // given: an extension element that no descriptor knows, inside user task 'work'
      // when
      const { problems } = await parseFixture('bad/unknown-elements.bpmn');
      // then
      expectProblem(problems, 'work', /^bpmn-moddle: unparsable content <zeebe:taskDeadline>.*unknown type <zeebe:TaskDeadline>/);
    });
  });

  describe('elements Lifeline does not run', () => {
    it('should report each unsupported element type by name', async () => {
      // given / when
      const { problems } = await parseFixture('bad/unsupported-elements.bpmn');
      // then
      expect(problems).to.deep.equal([
        { elementId: 'decide', message: 'unsupported element type bpmn:BusinessRuleTask' },
        { elementId: 'complex', message: 'unsupported element type bpmn:SubChoreography' },
        { elementId: 'booking', message: 'unsupported element type bpmn:ChoreographyTask' },
      ]);
    });

    it('should report event definitions that are not supported where the event stands', async () => {
      // given / when
      const { problems } = await parseFixture('bad/unsupported-event-definitions.bpmn');
      // then
      expectProblem(problems, 'throwError', /error events are not supported as an intermediate throw event/);
      expectProblem(problems, 'whenReady', /conditional events are not supported as an intermediate throw event/);
      expectProblem(problems, 'compensate', /compensate events are not supported as an intermediate catch event/);
      expectProblem(problems, 'either', /a multiple catch event combines message, timer, signal, conditional definitions; error is not supported there/);
      expectProblem(problems, 'later', /timer events are not supported as an end event/);
      expectProblem(problems, 'cancelled', /a cancel end event is only allowed inside a transaction subprocess/);
      expect(problems).to.have.length(6);
    });

    it('should report events missing their code or reference, interrupting-only events drawn non-interrupting, and misplaced definitions', async () => {
      // given / when
      const { problems } = await parseFixture('bad/event-problems.bpmn');
      // then
      expect(problems).to.deep.equal([
        { elementId: 'escalate', message: 'an escalation throw event needs an escalation (escalationRef) with an escalationCode' },
        { elementId: 'waitSignal', message: 'refers to no signal: signalRef is missing or does not resolve' },
        { elementId: 'jobOnNone', message: 'zeebe:taskDefinition only applies to message end and throw events and would be ignored here' },
        { elementId: 'fail', message: 'an error end event needs an error (errorRef) with an errorCode' },
        { elementId: 'softErrorStart', message: 'an error start event always interrupts: isInterrupting must not be false' },
        { elementId: 'timedSubStart', message: 'timer events are not supported as the start event of an embedded subprocess (bpmn:TimerEventDefinition)' },
      ]);
    });

    it('should report extensions Lifeline would ignore: unknown strategy, listeners, misplaced and Camunda 7 extensions, missing or broken forms', async () => {
      // given / when
      const { problems } = await parseFixture('bad/extension-problems.bpmn');
      // then
      expectProblem(problems, 'strategy', /unknown assignment strategy 'roundRobinMaybe'/);
      expectProblem(problems, 'strategy', /form key 'camunda-forms:bpmn:missingForm' names no zeebe:userTaskForm/);
      expectProblem(problems, 'extensions', /zeebe:userTaskForm 'brokenForm' is not valid form JSON/);
      expectProblem(problems, 'listeners', /zeebe:ExecutionListeners is not supported/);
      expectProblem(problems, 'listeners', /zeebe:CalledElement has no meaning on a bpmn:ServiceTask/);
      expectProblem(problems, 'camunda7', /Camunda 7 attribute camunda:assignee is not supported/);
    });
  });

  describe('wiring', () => {
    it('should report sequence flows with an unknown target, no source, or crossing a subprocess boundary', async () => {
      // given / when
      const { problems } = await parseFixture('bad/bad-sequence-flows.bpmn');
      // then
      expectProblem(problems, 'toNowhere', /targetRef refers to 'ghost', which does not exist/);
      expectProblem(problems, 'fromNothing', /has no sourceRef/);
      expectProblem(problems, 'intoSub', /'deep' is not a flow node of process 'flows': sequence flows cannot cross a subprocess boundary/);
    });

    it('should report gateways with no way out or undefined ways out, and misused default flows', async () => {
      // given / when
      const { problems } = await parseFixture('bad/bad-gateways.bpmn');
      // then
      expectProblem(problems, 'deadEnd', /exclusiveGateway has no outgoing sequence flow: no way out/);
      expectProblem(problems, 'plain', /leaves exclusiveGateway 'split' without a condition and is not its default flow/);
      expectProblem(problems, 'pickDefault', /default flow of 'pick' and cannot have a condition/);
      expectProblem(problems, 'work', /default flow 'elsewhere' is not one of its outgoing sequence flows/);
      expect(problems).to.have.length(4);
    });

    it('should report event-based gateways with too few ways out, flows to non-catching nodes, and shared targets', async () => {
      // given / when
      const { problems } = await parseFixture('bad/event-gateway-problems.bpmn');
      // then
      expect(problems).to.deep.equal([
        { elementId: 'toTask', message: "leads from event-based gateway 'race' to 'work', which is not a timer, message, signal or conditional catch event or a receive task (BPMN 10.6.6)" },
        { elementId: 'timeout', message: "follows event-based gateway 'race' and cannot have other incoming sequence flows" },
        { elementId: 'lonelyRace', message: 'an event-based gateway needs at least two outgoing sequence flows' },
      ]);
    });

    it('should report misused start and end events, unreachable nodes and levels with end events but no start event', async () => {
      // given / when
      const { problems } = await parseFixture('bad/structure-problems.bpmn');
      // then
      expectProblem(problems, 'start', /start event cannot have incoming sequence flows/);
      expectProblem(problems, 'end', /end event cannot have outgoing sequence flows/);
      expectProblem(problems, 'orphan', /is never reached/);
      expectProblem(problems, 'startless', /the subprocess has an end event \(insideEnd\) but no start event: the standard requires a start event/);
      expectProblem(problems, 'plainStart', /start event of an event subprocess needs an event definition/);
      expectProblem(problems, 'noStart', /the process has an end event \(lonelyEnd\) but no start event/);
    });

    it('should not report start events, boundary events, event subprocesses and link catches as never reached', async () => {
      // given / when
      const { problems } = await parseFixture('bad/structure-problems.bpmn');
      // then
      const unreached = problems.filter((p) => /never reached/.test(p.message)).map((p) => p.elementId);
      // without a start event, the nodes without incoming flow start their level (BPMN 10.5.2)
      expect(unreached).to.deep.equal(['orphan']);
    });

    it('should report boundary events on non-activities, without definition, non-interrupting errors and unattached ones', async () => {
      // given / when
      const { problems } = await parseFixture('bad/boundary-problems.bpmn');
      // then
      expect(problems).to.deep.equal([
        { elementId: 'noDefinition', message: 'a boundary event needs an event definition' },
        { elementId: 'softError', message: 'an error boundary event always interrupts: cancelActivity must not be false' },
        { elementId: 'onEnd', message: "the boundary event is attached to 'end' (endEvent), which is not an activity" },
        { elementId: 'floating', message: 'the boundary event is attached to nothing: attachedToRef is missing' },
      ]);
    });

    it('should report a link throw without a matching catch and link catches sharing a name', async () => {
      // given / when
      const { problems } = await parseFixture('bad/link-problems.bpmn');
      // then
      expectProblem(problems, 'jump', /no link catch event named 'nowhere' in the same scope/);
      expectProblem(problems, 'landingB', /link catch event 'landingA' has the same name 'twice'/);
    });
  });

  describe('what elements need', () => {
    it('should report job-based elements without job type, script tasks without script, call activities without process, multi-instance without collection', async () => {
      // given / when
      const { problems } = await parseFixture('bad/missing-task-configuration.bpmn');
      // then
      expect(problems).to.deep.equal([
        { elementId: 'noJob', message: 'a service task needs a job type: add zeebe:taskDefinition with a type' },
        { elementId: 'noType', message: 'zeebe:taskDefinition has no type' },
        { elementId: 'noScript', message: 'a script task needs zeebe:script (expression and resultVariable) or a zeebe:taskDefinition' },
        { elementId: 'noResult', message: 'zeebe:script has no resultVariable' },
        { elementId: 'noCalled', message: 'a call activity needs the process it calls: a calledElement attribute or zeebe:calledElement with a processId' },
        { elementId: 'noCollection', message: 'a multi-instance activity needs an input collection (zeebe:loopCharacteristics inputCollection) or a loop cardinality' },
        { elementId: 'jobEnd', message: 'zeebe:taskDefinition has no type' },
      ]);
    });

    it('should report message catches without message or message name, but accept catches without correlation key (correlated by name)', async () => {
      // given / when
      const { problems } = await parseFixture('bad/message-problems.bpmn');
      // then
      expectProblem(problems, 'noRef', /refers to no message: messageRef is missing/);
      expectProblem(problems, 'noName', /message 'unnamed' has no name/);
      expect(problems.map((p) => p.elementId)).to.have.members(['noRef', 'noName']);
    });
  });

  describe('expressions', () => {
    it('should report invalid FEEL wherever an expression is written, naming the field', async () => {
      // given / when
      const { problems } = await parseFixture('bad/invalid-feel.bpmn');
      // then
      const fields = problems.map((p) => `${p.elementId}: ${/FEEL syntax error in the ([^:]+):/.exec(p.message)?.[1]}`);
      expect(fields).to.deep.equal([
        'review: assignee',
        'review: candidate groups',
        'review: due date',
        'review: priority',
        "review: input mapping to 'x'",
        "review: output mapping to 'z'",
        'compute: script',
        'each: job type',
        'each: input collection',
        'each: completion condition',
        'callIt: called process id',
        'waitMessage: message name',
        'waitMessage: correlation key',
        'waitTimer: timer duration',
        'quorum: activation condition',
        'research: completion condition',
        'research: active elements',
        'reviews: behavior condition',
        'badCondition: condition',
      ]);
      expectProblem(problems, 'badCondition', /invalid FEEL at position 9: 'amount >'/);
    });

    it('should report invalid timer literals and timers without exactly one value', async () => {
      // given / when
      const { problems } = await parseFixture('bad/invalid-timers.bpmn');
      // then
      expectProblem(problems, 'start', /invalid timer cycle: 'every hour'/);
      expectProblem(problems, 'badDuration', /invalid timer duration: 'one hour' is not an ISO 8601 duration/);
      expectProblem(problems, 'badDate', /invalid timer date: '2026-13-45'/);
      expectProblem(problems, 'noValue', /the timer has no value: give one of timeDate, timeDuration or timeCycle/);
      expectProblem(problems, 'emptyValue', /the timer has no value: its timeDuration is empty/);
      expectProblem(problems, 'twoValues', /the timer has timeDate and timeDuration: give exactly one/);
      expect(problems).to.have.length(6);
    });
  });

  describe('literal values and loops', () => {
    it('should report literal dates, priorities and retries the engine cannot read, and conditions that are not FEEL', async () => {
      // given / when
      const { problems } = await parseFixture('bad/literal-problems.bpmn');
      // then
      expectProblem(problems, 'review', /invalid due date: 'next friday' is not an ISO 8601 date-time/);
      expectProblem(problems, 'review', /invalid follow-up date: '2026-02-30T09:00:00Z'/);
      expectProblem(problems, 'review', /invalid priority: 'urgent' is not a whole number from 0 to 100/);
      expectProblem(problems, 'work', /invalid job retries: 'many' is not a whole number/);
      expectProblem(problems, 'groovy', /written in 'groovy': only FEEL expressions are supported/);
      expectProblem(problems, 'blank', /the condition is empty/);
    });

    it('should report a multi-instance output collection without output element and a standard loop that never ends', async () => {
      // given / when
      const { problems } = await parseFixture('bad/loop-problems.bpmn');
      // then
      expect(problems).to.deep.equal([
        { elementId: 'halfOutput', message: 'multi-instance outputCollection is set but there is no outputElement' },
        { elementId: 'forever', message: 'a standard loop needs a loopCondition or a loopMaximum, or it never ends' },
      ]);
    });
  });

  describe('all at once', () => {
    it('should report every problem of a model in one pass, each on its element', async () => {
      // given: a model with seven independent problems
      // when
      const { problems } = await parseFixture('bad/many-problems.bpmn');
      // then
      expect([...new Set(problems.map((p) => p.elementId))]).to.have.members(['toMissing', 'complex', 'orphan', 'deadEnd', 'noJob', 'waitTimer', 'badCondition']);
      expectProblem(problems, 'toMissing', /refers to 'missing', which does not exist/);
      expectProblem(problems, 'complex', /unsupported element type bpmn:SubChoreography/);
      expectProblem(problems, 'orphan', /is never reached/);
      expectProblem(problems, 'deadEnd', /no way out/);
      expectProblem(problems, 'noJob', /needs a job type/);
      expectProblem(problems, 'waitTimer', /invalid timer duration: 'soon'/);
      expectProblem(problems, 'badCondition', /FEEL syntax error in the condition/);
    });
  });
});

describe('modeling-only artifacts', () => {
  it('should accept data stores and data objects, which have no execution semantics', async () => {
    // given: the unsupported-elements fixture also draws a data store reference
    const { problems, processes } = await parseFixture('bad/unsupported-elements.bpmn');
    // then: it is not among the problems, and not a node
    expect(problems.map((p) => p.elementId)).to.not.include('customerDb');
    expect(Object.keys(processes[0]?.nodes ?? {})).to.not.include('customerDb');
  });
});
