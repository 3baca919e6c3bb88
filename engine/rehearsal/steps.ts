/**
 * What a designer does in a rehearsal, written so that it can be done
 * again on another run of the model: instances are named by their number
 * in the rehearsal (#1 is the first instance that appeared), tasks and jobs
 * by instance number and element, never by database ids (a replay makes new
 * ones). A recorded step is such an input with the outcome it produced.
 */
import type { JsonObject } from '../store/records.js';

/** How the virtual clock moves: by a duration, by working time on a calendar, to a date, or to the next due timer. */
export type ClockMove =
  | { by: string }
  | { workingTime: string; calendar?: string }
  | { to: string }
  | { nextTimer: true };

/** A user task of an instance: the `index`-th open one at `elementId` (by creation; 0 unless multi-instance). */
export interface TaskRef {
  instance: number;
  elementId: string;
  index: number;
}

/** A job of an instance, like a TaskRef. */
export type JobRef = TaskRef;

/** One input of a rehearsal. */
export type StepInput =
  | { kind: 'start'; definitionKey: string; businessKey?: string | null; variables?: JsonObject; actor?: string | null }
  | { kind: 'completeTask'; task: TaskRef; variables?: JsonObject; actor?: string | null }
  | { kind: 'assignTask'; task: TaskRef; assignee: string | null; actor?: string | null }
  | { kind: 'completeJob'; job: JobRef; variables?: JsonObject }
  | { kind: 'failJob'; job: JobRef; retries: number; errorMessage?: string; backoff?: string }
  | { kind: 'throwError'; job: JobRef; errorCode: string; errorMessage?: string; variables?: JsonObject }
  | { kind: 'runWorkers' }
  | { kind: 'message'; name: string; correlationKey?: string; variables?: JsonObject }
  | { kind: 'signal'; name: string; variables?: JsonObject }
  | { kind: 'clock'; move: ClockMove };

/** One line of the path a step took, without ids: comparable across runs. */
export interface PathEvent {
  /** The instance's number in the rehearsal. */
  instance: number;
  type: string;
  elementId: string | null;
  /** Virtual time, ISO 8601. */
  at: string;
  /** What else identifies the event (assignee, error code, variable values...), ids left out. */
  detail?: string;
}

/** A mail a step put in the rehearsal's outbox. */
export interface OutboxMail {
  template: string | null;
  recipients: string[];
  subject: string;
}

/** An inbox entry a step gave someone. */
export interface InboxEntry {
  userId: string;
  type: string;
  title: string;
}

/** What one step produced. */
export interface StepOutcome {
  /** The virtual clock after the step. */
  clock: string;
  events: PathEvent[];
  mails: OutboxMail[];
  notifications: InboxEntry[];
  /** Clock moves: how many timers fired, and whether the move stopped early at the firing limit. */
  timersFired?: number;
  limitReached?: boolean;
}

/** A step as recorded: number (from 1), input and outcome. */
export interface RecordedStep {
  seq: number;
  input: StepInput;
  outcome: StepOutcome;
}

/** Short words for a step (lists, reports). */
export function describeStep(input: StepInput): string {
  const task = (r: TaskRef) => `${r.elementId} of #${r.instance}${r.index ? ` (${r.index + 1}.)` : ''}`;
  switch (input.kind) {
    case 'start':
      return `start ${input.definitionKey}${input.businessKey ? ` for ${input.businessKey}` : ''}`;
    case 'completeTask':
      return `complete task ${task(input.task)}${input.actor ? ` as ${input.actor}` : ''}`;
    case 'assignTask':
      return input.assignee ? `assign task ${task(input.task)} to ${input.assignee}` : `unassign task ${task(input.task)}`;
    case 'completeJob':
      return `complete job ${task(input.job)}`;
    case 'failJob':
      return `fail job ${task(input.job)} (${input.retries} retries left)`;
    case 'throwError':
      return `throw error ${input.errorCode} from job ${task(input.job)}`;
    case 'runWorkers':
      return 'run the built-in workers';
    case 'message':
      return `message ${input.name}${input.correlationKey ? ` (${input.correlationKey})` : ''}`;
    case 'signal':
      return `signal ${input.name}`;
    case 'clock': {
      const move = input.move;
      if ('nextTimer' in move) return 'clock to the next timer';
      if ('by' in move) return `clock +${move.by}`;
      if ('workingTime' in move) return `clock +${move.workingTime} working time${move.calendar ? ` (${move.calendar})` : ''}`;
      return `clock to ${move.to}`;
    }
  }
}
