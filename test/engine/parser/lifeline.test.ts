import { expect } from 'chai';
import { expectProblem, parseFixture, processOf } from './parseFixture.js';

describe('parser: lifeline: extensions', () => {
  it('should read calendars on the process and on elements, and an SLA policy with its actions', async () => {
    // given / when
    const process = await processOf('lifeline-extensions.bpmn', 'lifeline');
    // then
    expect(process.calendar).to.deep.equal({});
    expect(process.nodes.aDay.lifeline).to.deep.equal({ calendar: { name: 'berlin-office' } });
    const answer = process.nodes.answer;
    expect(answer.userTask?.dueDate).to.deep.equal({ source: 'P2D', isFeel: false });
    expect(answer.lifeline?.calendar).to.deep.equal({ name: 'berlin-office' });
    expect(answer.lifeline?.assignmentStrategy).to.equal('roundRobin');
    expect(answer.lifeline?.sla).to.deep.equal({
      target: { source: 'if severity = "critical" then "P1D" else "P3D"', isFeel: true },
      atRisk: { source: '75%', isFeel: false },
      actions: [
        { type: 'notify', when: 'atRisk', users: undefined, groups: undefined, assignee: true, manager: false, template: undefined },
        { type: 'notify', when: 'breach', users: undefined, groups: { source: 'department-heads', isFeel: false }, assignee: false, manager: true, template: 'sla-breached' },
        { type: 'reassign', when: 'breach', strategy: 'leastLoaded', candidateGroups: { source: 'support-specialists', isFeel: false }, candidateUsers: undefined },
        { type: 'escalate', when: 'breach', escalationCode: 'sla-breached' },
      ],
    });
  });

  it('should name what is wrong with an SLA policy or a misplaced calendar', async () => {
    // given / when
    const { problems } = await parseFixture('bad/lifeline-problems.bpmn');
    // then
    expectProblem(problems, 'noTarget', /lifeline:sla needs a target/);
    expectProblem(problems, 'badActions', /invalid SLA target: 'tomorrow' is not an ISO 8601 date-time/);
    expectProblem(problems, 'badActions', /invalid SLA at-risk threshold: '120%' is not a share of the target between 0% and 100%/);
    expectProblem(problems, 'badActions', /lifeline:notify needs when="atRisk" or when="breach"/);
    expectProblem(problems, 'badActions', /lifeline:reassign: unknown assignment strategy 'coinFlip'/);
    expectProblem(problems, 'badActions', /lifeline:escalate needs an escalationCode/);
    expectProblem(problems, 'riskWithoutThreshold', /actions when="atRisk" but no atRisk threshold/);
    expectProblem(problems, 'riskWithoutThreshold', /invalid due date: 'P2X' is not an ISO 8601 duration/);
    expectProblem(problems, 'script', /extension lifeline:Calendar has no meaning on a bpmn:ScriptTask/);
  });
});
