import { expect } from 'chai';
import { compareOutcomes, differingElements, summariseDifference } from '../../../engine/rehearsal/compareSteps.js';
import type { PathEvent, StepOutcome } from '../../../engine/index.js';

const at = '2026-01-12T15:30:00.000Z';
const event = (type: string, elementId: string, instance = 1, detail?: string): PathEvent => ({ instance, type, elementId, at, ...(detail ? { detail } : {}) });
const outcome = (events: PathEvent[], extra: Partial<StepOutcome> = {}): StepOutcome => ({ clock: at, events, mails: [], notifications: [], ...extra });

describe('comparing step outcomes (engine/rehearsal/compareSteps)', () => {
  it('should find no difference when the same things happened in another order within the step', () => {
    const recorded = outcome([event('timer.fired', 'a', 1), event('timer.fired', 'b', 2)]);
    const replayed = outcome([event('timer.fired', 'b', 2), event('timer.fired', 'a', 1)]);
    expect(compareOutcomes(recorded, replayed)).to.equal(undefined);
  });

  it('should name what was expected and did not happen, and what happened instead', () => {
    const recorded = outcome([event('task.assigned', 'specialistAnswers', 1, '{"assignee":"sven"}')]);
    const replayed = outcome([event('task.assigned', 'specialistAnswers', 1, '{"assignee":"sofia"}')]);
    const difference = compareOutcomes(recorded, replayed)!;
    expect(difference.missing).to.deep.equal(recorded.events);
    expect(difference.unexpected).to.deep.equal(replayed.events);
    expect(differingElements(difference)).to.deep.equal(['specialistAnswers']);
    expect(summariseDifference(difference)).to.equal(
      `expected but did not happen: #1 ${at} task.assigned specialistAnswers {"assignee":"sven"}. happened instead: #1 ${at} task.assigned specialistAnswers {"assignee":"sofia"}`,
    );
  });

  it('should count repeated lines: one firing less is a difference', () => {
    const twice = outcome([event('timer.fired', 'nag'), event('timer.fired', 'nag')]);
    expect(compareOutcomes(twice, outcome([event('timer.fired', 'nag')]))!.missing).to.have.length(1);
  });

  it('should compare where the clock ended, the mails and the inbox entries', () => {
    const recorded = outcome([], { mails: [{ template: 't', recipients: ['a@x'], subject: 'Hi' }], notifications: [{ userId: 'ann', type: 'message', title: 'Hi' }] });
    const difference = compareOutcomes(recorded, outcome([], { clock: '2026-01-13T15:30:00.000Z' }))!;
    expect(difference.clock).to.deep.equal({ expected: at, actual: '2026-01-13T15:30:00.000Z' });
    expect(difference.missingMails).to.deep.equal(recorded.mails);
    expect(difference.missingNotifications).to.deep.equal(recorded.notifications);
  });
});
