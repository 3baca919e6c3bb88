/**
 * Replaying a scenario: its steps, one by one, on a fresh rehearsal of a
 * (possibly changed) model, each outcome compared with the recorded one.
 * The answer is a clear pass, or the first step where the path differs:
 * what was expected and did not happen, what happened instead, or why the
 * step could not be done at all (the task it completes never came).
 */
import { LifelineError } from '../errors/LifelineError.js';
import { compareOutcomes, differingElements, summariseDifference, type OutcomeDifference } from './compareSteps.js';
import type { RehearsalSession } from './RehearsalSession.js';
import { describeStep, type RecordedStep, type StepInput, type StepOutcome } from './steps.js';

/** The first step of a replay that went otherwise than recorded. */
export interface ReplayDifference extends Partial<OutcomeDifference> {
  seq: number;
  step: string;
  input: StepInput;
  /** One sentence for people. */
  summary: string;
  /** The step could not be done (its task or job is not there, the engine refused it). */
  error?: string;
  /** Elements to mark on the diagram. */
  elements: string[];
  expected: StepOutcome;
  actual?: StepOutcome;
}

/** A replay's verdict. */
export interface ReplayReport {
  passed: boolean;
  /** Steps in the scenario, and how many were replayed (up to and including a differing one). */
  steps: number;
  replayed: number;
  /** Elements the replay went through, in order of first visit (to show the path on the diagram). */
  path: string[];
  difference?: ReplayDifference;
}

function refElement(input: StepInput): string[] {
  if ('task' in input) return [input.task.elementId];
  if ('job' in input) return [input.job.elementId];
  return [];
}

/**
 * Replays `steps` through `session` (a fresh rehearsal at the scenario's
 * start time); `onStep` sees each step done, with its new outcome.
 */
export async function replayScenario(session: RehearsalSession, steps: RecordedStep[], onStep?: (step: RecordedStep) => Promise<void>): Promise<ReplayReport> {
  const path: string[] = [];
  const visit = (outcome: StepOutcome) => {
    for (const e of outcome.events) if (e.elementId && (e.type === 'element.activated' || e.type === 'element.completed') && !path.includes(e.elementId)) path.push(e.elementId);
  };
  for (const [i, recorded] of steps.entries()) {
    const base = { seq: recorded.seq, step: describeStep(recorded.input), input: recorded.input, expected: recorded.outcome };
    let actual: StepOutcome;
    try {
      actual = (await session.apply(recorded.input)).outcome;
    } catch (error) {
      if (!(error instanceof LifelineError)) throw error;
      const difference = { ...base, error: error.message, summary: `step ${recorded.seq} (${base.step}) could not be done: ${error.message}`, elements: refElement(recorded.input) };
      return { passed: false, steps: steps.length, replayed: i + 1, path, difference };
    }
    await onStep?.({ seq: recorded.seq, input: recorded.input, outcome: actual });
    visit(actual);
    const difference = compareOutcomes(recorded.outcome, actual);
    if (difference) {
      const elements = differingElements(difference);
      return {
        passed: false, steps: steps.length, replayed: i + 1, path,
        difference: { ...base, ...difference, actual, summary: `step ${recorded.seq} (${base.step}): ${summariseDifference(difference)}`, elements: elements.length ? elements : refElement(recorded.input) },
      };
    }
  }
  return { passed: true, steps: steps.length, replayed: steps.length, path };
}
