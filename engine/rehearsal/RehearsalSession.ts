/**
 * One rehearsal at work: an Engine on the rehearsal's own store with its
 * virtual clock, and the bookkeeping that turns what a designer does into
 * replayable steps. Every input goes through the engine's ordinary API (the
 * same code as live work); the session only numbers the instances, finds
 * tasks and jobs by number and element, moves the clock, and reads back
 * what each step did.
 */
import { ConflictError, NotFoundError } from '../errors/LifelineError.js';
import type { Engine } from '../service/Engine.js';
import type { InstanceRecord, JobRecord, UserTaskRecord } from '../store/records.js';
import type { ControllableClock } from '../time/Clock.js';
import { addDuration, parseDuration } from '../time/isoDuration.js';
import { advanceClock, moveTarget, type ClockMoveResult } from './clockMoves.js';
import { inboxEntries, outboxMails, pathEvents } from './pathEvents.js';
import type { SandboxProbe } from './SandboxProbe.js';
import type { JobRef, StepInput, StepOutcome, TaskRef } from './steps.js';

export interface RehearsalSessionOptions {
  engine: Engine;
  clock: ControllableClock;
  probe: SandboxProbe;
  /** Instance id → number in the rehearsal, as numbered so far. */
  numbers: Record<string, number>;
  /** Runs the built-in workers (email) until they find nothing more to do. */
  runWorkers: () => Promise<void>;
  /** Run them after every step, as the live server does within a second; else only on a `runWorkers` step. */
  autoWorkers: boolean;
}

/** What a step returns besides its outcome: the instance started, the messages' reach, the clock move. */
export type StepResult = InstanceRecord | UserTaskRecord | ClockMoveResult | Record<string, unknown> | void;

const byCreation = <T extends { createdAt: Date; variables: unknown; id: string }>(a: T, b: T) =>
  a.createdAt.getTime() - b.createdAt.getTime() || JSON.stringify(a.variables).localeCompare(JSON.stringify(b.variables)) || a.id.localeCompare(b.id);

/** Jobs created at one moment keep the order the store lists them in: the order they were created (stable sort). */
const jobsByCreation = (a: JobRecord, b: JobRecord) => a.createdAt.getTime() - b.createdAt.getTime();

const OPEN_JOB: JobRecord['state'][] = ['activatable', 'activated'];

export class RehearsalSession {
  private readonly numbers = new Map<string, number>();
  private readonly ids = new Map<number, string>();

  constructor(private readonly options: RehearsalSessionOptions) {
    for (const [id, n] of Object.entries(options.numbers)) this.remember(id, n);
  }

  get engine(): Engine {
    return this.options.engine;
  }

  private remember(id: string, n: number): void {
    this.numbers.set(id, n);
    this.ids.set(n, id);
  }

  /** An instance's number in the rehearsal (#1 is the first that appeared). */
  numberOf = (instanceId: string): number | undefined => this.numbers.get(instanceId);

  /** Every instance id with its number (to save with the rehearsal). */
  get instanceNumbers(): Record<string, number> {
    return Object.fromEntries(this.numbers);
  }

  /** The id of instance #n. */
  instanceId(n: number): string {
    const id = this.ids.get(n);
    if (!id) throw new NotFoundError('rehearsal instance', `#${n}`);
    return id;
  }

  private async openTasks(instance: number, elementId: string): Promise<UserTaskRecord[]> {
    const page = await this.engine.listTasks({ instanceId: this.instanceId(instance), elementId, state: 'created', limit: 1000 });
    return page.items.sort(byCreation);
  }

  private async openJobs(instance: number, elementId: string): Promise<JobRecord[]> {
    const page = await this.engine.listJobs({ instanceId: this.instanceId(instance), limit: 1000 });
    return page.items.filter((j) => j.elementId === elementId && OPEN_JOB.includes(j.state)).sort(jobsByCreation);
  }

  /** The replayable reference of an open task the designer picked. */
  async taskRef(taskId: string): Promise<TaskRef> {
    const task = await this.engine.getTask(taskId);
    if (task.state !== 'created') throw new ConflictError(`task ${taskId} is ${task.state}`, { taskId, state: task.state });
    const instance = this.numberOf(task.instanceId)!;
    return { instance, elementId: task.elementId, index: (await this.openTasks(instance, task.elementId)).findIndex((t) => t.id === taskId) };
  }

  /** The replayable reference of an open job the designer picked. */
  async jobRef(jobId: string): Promise<JobRef> {
    const job = await this.options.probe.job(jobId);
    if (!job) throw new NotFoundError('job', jobId);
    if (!OPEN_JOB.includes(job.state)) throw new ConflictError(`job ${jobId} is ${job.state}`, { jobId, state: job.state });
    const instance = this.numberOf(job.instanceId)!;
    return { instance, elementId: job.elementId, index: (await this.openJobs(instance, job.elementId)).findIndex((j) => j.id === jobId) };
  }

  private async task(ref: TaskRef): Promise<UserTaskRecord> {
    const task = (await this.openTasks(ref.instance, ref.elementId))[ref.index];
    if (!task) throw new ConflictError(`instance #${ref.instance} has no open task at ${ref.elementId}${ref.index ? ` (number ${ref.index + 1})` : ''}`, { elementId: ref.elementId });
    return task;
  }

  private async job(ref: JobRef): Promise<JobRecord> {
    const job = (await this.openJobs(ref.instance, ref.elementId))[ref.index];
    if (!job) throw new ConflictError(`instance #${ref.instance} has no open job at ${ref.elementId}${ref.index ? ` (number ${ref.index + 1})` : ''}`, { elementId: ref.elementId });
    return job;
  }

  /** Does `input` through the engine and returns what it produced. Nothing is recorded when it throws. */
  async apply(input: StepInput): Promise<{ outcome: StepOutcome; result: StepResult }> {
    const { probe, clock } = this.options;
    const mark = { seq: await probe.historySeq(), at: clock.now() };
    const seen = {
      mails: new Set((await probe.mailsSince(mark.at)).map((m) => m.id)),
      notifications: new Set((await probe.notificationsSince(mark.at)).map((n) => n.id)),
    };
    const result = await this.perform(input);
    if (this.options.autoWorkers && input.kind !== 'clock' && input.kind !== 'runWorkers') await this.options.runWorkers();
    await this.numberNewInstances(mark.at);
    const outcome: StepOutcome = {
      clock: clock.now().toISOString(),
      events: pathEvents(await probe.historySince(mark.seq), this.numberOf),
      mails: outboxMails((await probe.mailsSince(mark.at)).filter((m) => !seen.mails.has(m.id))),
      notifications: inboxEntries((await probe.notificationsSince(mark.at)).filter((n) => !seen.notifications.has(n.id))),
    };
    if (input.kind === 'clock') {
      const move = result as ClockMoveResult;
      outcome.timersFired = move.timersFired;
      if (move.limitReached) outcome.limitReached = true;
    }
    return { outcome, result };
  }

  private async perform(input: StepInput): Promise<StepResult> {
    const engine = this.engine;
    switch (input.kind) {
      case 'start':
        return engine.startInstance({ definitionKey: input.definitionKey, businessKey: input.businessKey ?? undefined, variables: input.variables, actor: input.actor ?? undefined });
      case 'completeTask':
        return engine.completeTask((await this.task(input.task)).id, input.variables, input.actor ?? undefined);
      case 'assignTask':
        return engine.assignTask((await this.task(input.task)).id, input.assignee, input.actor ?? undefined);
      case 'completeJob':
        return engine.completeJob((await this.job(input.job)).id, input.variables, 'rehearsal');
      case 'failJob': {
        const now = this.options.clock.now();
        const backoffMs = input.backoff ? addDuration(now, parseDuration(input.backoff)).getTime() - now.getTime() : 0;
        return engine.failJob((await this.job(input.job)).id, { retries: input.retries, errorMessage: input.errorMessage, backoffMs, actor: 'rehearsal' });
      }
      case 'throwError':
        return engine.throwJobError((await this.job(input.job)).id, { errorCode: input.errorCode, errorMessage: input.errorMessage, variables: input.variables, actor: 'rehearsal' });
      case 'runWorkers':
        return this.options.runWorkers();
      case 'message':
        return { ...(await engine.correlateMessage({ name: input.name, correlationKey: input.correlationKey, variables: input.variables, actor: 'rehearsal' })) };
      case 'signal':
        return engine.broadcastSignal(input.name, input.variables, 'rehearsal');
      case 'clock': {
        const { move } = input;
        const target = 'nextTimer' in move ? 'nextTimer' : await moveTarget(engine, this.options.clock.now(), move);
        return advanceClock({ engine, clock: this.options.clock, probe: this.options.probe, instanceNumber: this.numberOf, afterTimers: this.options.autoWorkers ? this.options.runWorkers : undefined }, target);
      }
    }
  }

  /** Numbers the instances a step started, in an order a replay reproduces (time, process, business key, parent, variables). */
  private async numberNewInstances(since: Date): Promise<void> {
    const fresh = (await this.options.probe.instancesSince(since)).filter((i) => !this.numbers.has(i.id));
    const key = (i: InstanceRecord) => [i.definitionKey, i.businessKey ?? '', String(i.parentInstanceId ? this.numbers.get(i.parentInstanceId) ?? 0 : 0).padStart(8, '0'), JSON.stringify(i.variables)].join('\u0000');
    fresh.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime() || key(a).localeCompare(key(b)) || a.id.localeCompare(b.id));
    let next = this.numbers.size + 1;
    for (const instance of fresh) this.remember(instance.id, next++);
  }
}
