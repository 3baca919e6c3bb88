import { expect } from 'chai';
import { parseBpmn } from '../../../engine/index.js';
import { createTestEngine, type TestEngine } from '../support/engineHarness.js';

/** A definitions document around `body` (process content), with the namespaces models use. */
function model(body: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:lifeline="http://lifeline.dev/schema/bpmn/1.0" id="defs" targetNamespace="http://lifeline.dev/test">
  ${extra}
  <bpmn:process id="p" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`;
}

const START = '<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="a" />';

/** Parses and returns the problems as "elementId: message" lines. */
async function problemsOf(xml: string): Promise<{ elementId?: string; message: string }[]> {
  return (await parseBpmn(xml)).problems;
}

async function expectProblem(xml: string, elementId: string | undefined, pattern: RegExp): Promise<void> {
  const problems = await problemsOf(xml);
  const match = problems.find((p) => p.elementId === elementId && pattern.test(p.message));
  expect(match, `no problem on ${elementId} matching ${pattern}; got ${JSON.stringify(problems)}`).to.not.equal(undefined);
}

describe('deploy: bad input', () => {
  describe('each problem names its element', () => {
    it('should report malformed XML', async () => {
      const problems = await problemsOf('<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p"');
      expect(problems).to.have.length.greaterThan(0);
      expect(problems[0].message).to.match(/malformed XML|unparsable|not BPMN/i);
    });

    it('should report a file with no executable process', async () => {
      const xml = model('<bpmn:startEvent id="s" />').replace('isExecutable="true"', 'isExecutable="false"');
      expect((await problemsOf(xml)).map((p) => p.message)).to.include('the file has no executable process (isExecutable="true")');
    });

    it('should report an unsupported element type', async () => {
      await expectProblem(model(`${START}<bpmn:businessRuleTask id="a" />`), 'a', /unsupported element type bpmn:BusinessRuleTask/);
      await expectProblem(model(`${START}<bpmn:complexGateway id="a" />`), 'a', /unsupported element type bpmn:ComplexGateway/);
    });

    it('should report an event definition that is not supported where it stands', async () => {
      await expectProblem(model(`${START}<bpmn:endEvent id="a"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:endEvent>`), 'a', /timer events are not supported as an end event/);
      await expectProblem(model(`${START}<bpmn:intermediateCatchEvent id="a"><bpmn:conditionalEventDefinition /></bpmn:intermediateCatchEvent>`), 'a', /conditional events are not supported/);
    });

    it('should report a sequence flow whose target does not exist', async () => {
      await expectProblem(model('<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="ghost" />'), 'f0', /no target|does not exist|not an executable element/);
    });

    it('should report a gateway with conditions but no way out for the other cases', async () => {
      const xml = model(`${START}<bpmn:exclusiveGateway id="a" />
        <bpmn:sequenceFlow id="yes" sourceRef="a" targetRef="e1"><bpmn:conditionExpression>=x</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="plain" sourceRef="a" targetRef="e2" />
        <bpmn:endEvent id="e1" /><bpmn:endEvent id="e2" />`);
      await expectProblem(xml, 'plain', /without a condition and is not its default flow/);
    });

    it('should report a gateway with no outgoing flow', async () => {
      await expectProblem(model(`${START}<bpmn:exclusiveGateway id="a" />`), 'a', /no outgoing sequence flow: no way out/);
    });

    it('should report invalid FEEL in a condition, a mapping and an assignee', async () => {
      const xml = model(`${START}<bpmn:exclusiveGateway id="a" default="d" />
        <bpmn:sequenceFlow id="bad" sourceRef="a" targetRef="t"><bpmn:conditionExpression>=amount &gt;</bpmn:conditionExpression></bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="d" sourceRef="a" targetRef="t" />
        <bpmn:userTask id="t"><bpmn:extensionElements>
          <zeebe:assignmentDefinition assignee="=if then" />
          <zeebe:ioMapping><zeebe:input source="=(1 +" target="x" /></zeebe:ioMapping>
        </bpmn:extensionElements></bpmn:userTask>`);
      await expectProblem(xml, 'bad', /condition is not valid FEEL/);
      await expectProblem(xml, 't', /assignee is not valid FEEL/);
      await expectProblem(xml, 't', /input mapping to x is not valid FEEL/);
    });

    it('should report invalid timer values', async () => {
      const timer = (id: string, kind: string, value: string) =>
        `<bpmn:intermediateCatchEvent id="${id}"><bpmn:timerEventDefinition><bpmn:${kind}>${value}</bpmn:${kind}></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>`;
      const xml = model(`${START}${timer('a', 'timeDuration', 'one hour')}<bpmn:sequenceFlow id="f1" sourceRef="a" targetRef="b" />
        ${timer('b', 'timeDate', '2026-13-45')}<bpmn:sequenceFlow id="f2" sourceRef="b" targetRef="c" />
        ${timer('c', 'timeCycle', 'R0/PT1H')}<bpmn:sequenceFlow id="f3" sourceRef="c" targetRef="d" />
        <bpmn:intermediateCatchEvent id="d"><bpmn:timerEventDefinition /></bpmn:intermediateCatchEvent>`);
      await expectProblem(xml, 'a', /invalid timer duration/);
      await expectProblem(xml, 'b', /invalid timer date/);
      await expectProblem(xml, 'c', /invalid timer cycle/);
      await expectProblem(xml, 'd', /exactly one of timeDate, timeDuration or timeCycle/);
    });

    it('should report a service task with no job type', async () => {
      await expectProblem(model(`${START}<bpmn:serviceTask id="a" />`), 'a', /needs a job type/);
    });

    it('should report a script task, call activity and message catch missing what they need', async () => {
      const xml = model(`${START}<bpmn:scriptTask id="a" /><bpmn:sequenceFlow id="f1" sourceRef="a" targetRef="b" />
        <bpmn:callActivity id="b" /><bpmn:sequenceFlow id="f2" sourceRef="b" targetRef="c" />
        <bpmn:intermediateCatchEvent id="c"><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>`, '<bpmn:message id="m" name="hello" />');
      await expectProblem(xml, 'a', /needs zeebe:script/);
      await expectProblem(xml, 'b', /needs zeebe:calledElement/);
      await expectProblem(xml, 'c', /needs a correlation key/);
    });

    it('should report an element that is never reached and misused start, end and boundary events', async () => {
      const xml = model(`${START}<bpmn:userTask id="a" /><bpmn:sequenceFlow id="f1" sourceRef="a" targetRef="end" /><bpmn:endEvent id="end" />
        <bpmn:userTask id="orphan" />
        <bpmn:sequenceFlow id="f2" sourceRef="end" targetRef="orphan" />
        <bpmn:boundaryEvent id="b" attachedToRef="end"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:boundaryEvent id="e" attachedToRef="a" cancelActivity="false"><bpmn:errorEventDefinition /></bpmn:boundaryEvent>
        <bpmn:userTask id="lonely" />`);
      await expectProblem(xml, 'lonely', /is never reached/);
      await expectProblem(xml, 'end', /end event cannot have outgoing/);
      await expectProblem(xml, 'b', /not an activity/);
      await expectProblem(xml, 'e', /error boundary event always interrupts/);
    });

    it('should report an unknown assignment strategy and an unsupported extension', async () => {
      const xml = model(`${START}<bpmn:userTask id="a"><bpmn:extensionElements>
          <lifeline:assignment strategy="roundRobinMaybe" />
          <zeebe:executionListeners><zeebe:executionListener eventType="start" type="audit" /></zeebe:executionListeners>
        </bpmn:extensionElements></bpmn:userTask>`);
      await expectProblem(xml, 'a', /unknown assignment strategy 'roundRobinMaybe'/);
      await expectProblem(xml, 'a', /zeebe:ExecutionListeners is not supported/);
    });

    it('should report a link throw without its catch', async () => {
      await expectProblem(model(`${START}<bpmn:intermediateThrowEvent id="a"><bpmn:linkEventDefinition name="nowhere" /></bpmn:intermediateThrowEvent>`), 'a', /no link catch event named 'nowhere'/);
    });

    it('should report a multi-instance with neither collection nor cardinality', async () => {
      await expectProblem(model(`${START}<bpmn:userTask id="a"><bpmn:multiInstanceLoopCharacteristics /></bpmn:userTask>`), 'a', /needs an input collection/);
    });
  });

  describe('all at once, nothing stored', () => {
    let t: TestEngine;
    beforeEach(async () => {
      t = await createTestEngine();
    });
    afterEach(() => t.destroy());

    it('should list every problem of a model in one error and store nothing', async () => {
      // given: a model with four independent problems
      const xml = model(`${START}<bpmn:serviceTask id="a" /><bpmn:sequenceFlow id="f1" sourceRef="a" targetRef="g" />
        <bpmn:exclusiveGateway id="g" />
        <bpmn:complexGateway id="cx" />
        <bpmn:sequenceFlow id="f2" sourceRef="a" targetRef="missing" />`);
      // when
      let error: { code?: string; problems?: { elementId?: string }[] } = {};
      try {
        await t.engine.deploy({ resources: [{ name: 'bad.bpmn', xml }] });
      } catch (e) {
        error = e as typeof error;
      }
      // then
      expect(error.code).to.equal('BPMN_INVALID');
      expect(error.problems!.map((p) => p.elementId)).to.include.members(['a', 'g', 'cx', 'f2']);
      for (const table of ['deployments', 'process_definitions', 'timers', 'message_subscriptions']) {
        const [{ count }] = await t.db.knex(table).count<{ count: number }[]>('* as count');
        expect(count, table).to.equal(0);
      }
    });

    it('should accept every shipped fixture of the runtime tests without a problem', async () => {
      const { readdir, readFile } = await import('node:fs/promises');
      const folder = new URL('../runtime/fixtures/', import.meta.url);
      for (const name of await readdir(folder)) {
        const { problems } = await parseBpmn(await readFile(new URL(name, folder), 'utf8'));
        expect(problems, name).to.deep.equal([]);
      }
    });
  });
});

describe('deploy: bad input (identifiers)', () => {
  it('should name a duplicated id', async () => {
    const xml = model(`${START}<bpmn:userTask id="a" /><bpmn:sequenceFlow id="f1" sourceRef="a" targetRef="x" /><bpmn:userTask id="x" /><bpmn:endEvent id="x" />`);
    const problems = (await parseBpmn(xml)).problems;
    expect(problems.some((p) => p.elementId === 'x' && /duplicate ID/.test(p.message))).to.equal(true);
  });
});
