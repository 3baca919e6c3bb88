/**
 * Rehearsals as a service of the server: create one (its own schema,
 * migrated, people and calendars copied, the model deployed at the virtual
 * start time), take steps in it one at a time, read it, save what was done
 * as a scenario, replay scenarios, delete it (drop its schema).
 *
 * Why a schema per rehearsal rather than a rehearsal id on every row: the
 * engine, its repositories and every live query stay exactly as they are
 * (the same code runs a rehearsal; nothing live needs a new filter it could
 * forget, so no live list, count, incident, metric or worker can see a
 * rehearsal's rows), and deleting a rehearsal is one `drop schema`, which
 * cannot leave a row behind.
 *
 * Open rehearsals hold a small connection pool each; pools open on first
 * use and close after `idleMs` without use (and the least recently used go
 * first past `maxOpen`). Steps of one rehearsal run one after another.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import {
  ConflictError, ControllableClock, Engine, NotFoundError, ValidationError, manualScheduler, parseDateTime, replayScenario,
  type Clock, type RecordedStep, type RehearsalRecord, type ReplayReport, type ScenarioRecord, type StepInput, type StepResult, type RehearsalSession,
} from '../../engine/index.js';
import { PostgresRehearsalRegister, PostgresStore, createSandboxSchema, dropSandboxSchema, knexForSchema, schemaOf } from '../../db/index.js';
import { MailTemplates } from '../../workers/index.js';
import { Sandbox, type SandboxOptions } from './Sandbox.js';
import { describeSource, resolveModel, type ModelSource } from './rehearsalModel.js';

export interface RehearsalsOptions {
  /** The live database (register rows; the server and credentials rehearsal schemas are made with). */
  knex: Knex;
  /** The live engine: deployed models and forms are read from it, never changed. */
  engine: Engine;
  /** The live clock (register timestamps, the default start time). */
  clock: Clock;
  mailFrom: string;
  /** Close a rehearsal's pool after this long unused (default 5 minutes). */
  idleMs?: number;
  /** Rehearsals open at once at most (default 20). */
  maxOpen?: number;
}

export interface CreateRehearsalCommand {
  source: ModelSource;
  name?: string;
  /** The virtual clock's first moment (default: now); text without a zone is wall-clock time of the default calendar's zone. */
  startAt?: Date | string;
  workers?: 'auto' | 'manual';
  purpose?: RehearsalRecord['purpose'];
  actor: string | null;
}

/** The outcome of one step taken through the API. */
export interface TakenStep {
  step: RecordedStep;
  result: StepResult;
}

export class Rehearsals {
  readonly register: PostgresRehearsalRegister;
  private readonly open = new Map<string, Promise<Sandbox>>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly sandboxOptions: SandboxOptions;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: RehearsalsOptions) {
    this.register = new PostgresRehearsalRegister(options.knex);
    this.sandboxOptions = { live: options.knex, templates: new MailTemplates(), mailFrom: options.mailFrom };
    this.sweeper = setInterval(() => void this.closeIdle().catch(() => {}), 60_000);
    this.sweeper.unref();
  }

  private schemaFor(id: string): string {
    const live = schemaOf(this.options.knex);
    const suffix = id.replace(/-/g, '').slice(0, 16);
    return live === 'public' ? `rehearsal_${suffix}` : `${live}_rh_${suffix}`.slice(0, 63);
  }

  /** Runs `fn` after every earlier operation of the same rehearsal. */
  private exclusive<T>(id: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(id) ?? Promise.resolve();
    const run = previous.catch(() => {}).then(fn);
    this.queues.set(id, run);
    void run.catch(() => {}).finally(() => {
      if (this.queues.get(id) === run) this.queues.delete(id);
    });
    return run;
  }

  /** Creates a rehearsal: its schema, the people and calendars, the model deployed at `startAt`. */
  async create(command: CreateRehearsalCommand): Promise<RehearsalRecord> {
    const { model, processKey } = await resolveModel(this.options.engine, command.source);
    const id = randomUUID();
    const startAt = await this.startMoment(command.startAt);
    const record: RehearsalRecord = {
      id, name: command.name ?? `Rehearsal of ${processKey}`, purpose: command.purpose ?? 'rehearsal', processKey, schemaName: this.schemaFor(id), model,
      workers: command.workers ?? 'auto', startAt, clockAt: startAt, aliases: {}, stepCount: 0, createdBy: command.actor, createdAt: this.options.clock.now(),
    };
    const knex = knexForSchema(this.options.knex, record.schemaName);
    try {
      await createSandboxSchema(this.options.knex, knex, record.schemaName);
      const engine = new Engine({ store: new PostgresStore(knex), clock: new ControllableClock(startAt), scheduler: manualScheduler, directory: 'store' });
      await engine.deploy({ name: record.name, resources: model.resources, forms: model.forms, actor: command.actor ?? undefined });
      await this.register.insertRehearsal(record);
    } catch (error) {
      await knex.destroy().catch(() => {});
      await dropSandboxSchema(this.options.knex, record.schemaName).catch(() => {});
      throw error;
    }
    this.open.set(id, Promise.resolve(Sandbox.onKnex(knex, record, this.sandboxOptions)));
    await this.closeIdle();
    return record;
  }

  /** The moment a rehearsal starts at: now, a Date, or ISO text (zone-less: the default calendar's zone). */
  private async startMoment(given: Date | string | undefined): Promise<Date> {
    if (given === undefined) return this.options.clock.now();
    if (given instanceof Date) {
      if (Number.isNaN(given.getTime())) throw new ValidationError('startAt is not a valid date-time');
      return given;
    }
    const zone = (await this.options.engine.listCalendars()).find((c) => c.isDefault)?.definition.timeZone ?? 'UTC';
    try {
      return parseDateTime(given, zone);
    } catch (error) {
      throw new ValidationError(`startAt: ${(error as Error).message}`);
    }
  }

  async get(id: string): Promise<RehearsalRecord> {
    const record = await this.register.getRehearsal(id);
    if (!record) throw new NotFoundError('rehearsal', id);
    return record;
  }

  /**
   * The open sandbox of a rehearsal (opened now if needed), in step with its
   * register row: when another server process took steps, it is opened again
   * from the register, unless a step of this process is using it right now
   * (reads then see it as that step leaves it).
   */
  async sandbox(id: string, options: { stepping?: boolean } = {}): Promise<{ record: RehearsalRecord; sandbox: Sandbox }> {
    const record = await this.get(id);
    for (;;) {
      const opening = this.open.get(id);
      if (!opening) break;
      const current = await opening;
      if (current.stepCount === record.stepCount || (!options.stepping && this.queues.has(id))) return { record, sandbox: current.touch() };
      if (this.open.get(id) !== opening) continue;
      this.open.delete(id);
      await current.close();
    }
    const opened = Sandbox.open(record, this.sandboxOptions);
    this.open.set(id, Promise.resolve(opened));
    return { record, sandbox: opened.touch() };
  }

  /** Takes one step: `toInput` names it replayably (it may look things up in the session), then it runs and is recorded. */
  act(id: string, actor: string | null, toInput: (session: RehearsalSession) => Promise<StepInput> | StepInput): Promise<TakenStep> {
    return this.exclusive(id, async () => {
      const { record, sandbox } = await this.sandbox(id, { stepping: true });
      const input = await toInput(sandbox.session);
      const { outcome, result } = await sandbox.session.apply(input);
      const step: RecordedStep = { seq: record.stepCount + 1, input, outcome };
      const saved = await this.register.appendStep(id, step, { clockAt: sandbox.clock.now(), aliases: sandbox.session.instanceNumbers, actor, at: this.options.clock.now() });
      if (!saved) {
        await this.evict(id);
        throw new ConflictError(`rehearsal ${id} took another step at the same time; load it again`);
      }
      sandbox.stepCount = step.seq;
      return { step, result };
    });
  }

  /** Deletes a rehearsal: its schema with every row, then its register row and steps. */
  delete(id: string): Promise<void> {
    return this.exclusive(id, async () => {
      const record = await this.get(id);
      await this.evict(id);
      await dropSandboxSchema(this.options.knex, record.schemaName);
      await this.register.deleteRehearsal(id);
    });
  }

  /** Saves a rehearsal's steps as a scenario of its process. */
  async saveScenario(id: string, name: string, actor: string | null): Promise<ScenarioRecord> {
    const record = await this.get(id);
    const steps = await this.register.steps(id);
    if (steps.length === 0) throw new ValidationError('nothing to save yet: the rehearsal has no steps');
    const scenario: ScenarioRecord = {
      id: randomUUID(), processKey: record.processKey, name, startAt: record.startAt, workers: record.workers,
      recordedOn: { ...record.model.source, processes: record.model.processes }, steps, lastReplay: null, createdBy: actor, createdAt: this.options.clock.now(),
    };
    await this.register.insertScenario(scenario);
    return scenario;
  }

  async scenario(id: string): Promise<ScenarioRecord> {
    const scenario = await this.register.getScenario(id);
    if (!scenario) throw new NotFoundError('scenario', id);
    return scenario;
  }

  /**
   * Replays a scenario on a fresh rehearsal of `against` (default: the
   * latest deployed version of its process) and keeps the verdict with the
   * scenario. With `keep`, the replayed rehearsal stays to be looked at.
   */
  async replay(scenarioId: string, against: ModelSource | undefined, actor: string | null, keep = false): Promise<ReplayReport & { against: string; rehearsalId: string | null }> {
    const scenario = await this.scenario(scenarioId);
    const source = against && 'resources' in against ? { ...against, processKey: against.processKey ?? scenario.processKey } : against;
    const rehearsal = await this.create({ source: source ?? { definitionKey: scenario.processKey }, name: `Replay of ${scenario.name}`, startAt: scenario.startAt, workers: scenario.workers, purpose: 'replay', actor });
    try {
      let report!: ReplayReport;
      await this.exclusive(rehearsal.id, async () => {
        const { sandbox } = await this.sandbox(rehearsal.id, { stepping: true });
        let seq = 0;
        report = await replayScenario(sandbox.session, scenario.steps, async (step) => {
          seq += 1;
          await this.register.appendStep(rehearsal.id, { ...step, seq }, { clockAt: sandbox.clock.now(), aliases: sandbox.session.instanceNumbers, actor, at: this.options.clock.now() });
          sandbox.stepCount = seq;
        });
      });
      const verdict = { ...report, at: this.options.clock.now(), against: describeSource(rehearsal.model.source) };
      await this.register.saveReplay(scenarioId, verdict);
      return { ...verdict, rehearsalId: keep ? rehearsal.id : null };
    } finally {
      if (!keep) await this.delete(rehearsal.id);
    }
  }

  private async evict(id: string): Promise<void> {
    const opening = this.open.get(id);
    this.open.delete(id);
    if (opening) await (await opening).close();
  }

  /** Closes pools unused for `idleMs`, and the least recently used beyond `maxOpen`. */
  async closeIdle(now = Date.now()): Promise<void> {
    const idleMs = this.options.idleMs ?? 300_000;
    const maxOpen = this.options.maxOpen ?? 20;
    const entries = await Promise.all([...this.open.entries()].map(async ([id, opening]) => ({ id, sandbox: await opening })));
    entries.sort((a, b) => b.sandbox.lastUsed - a.sandbox.lastUsed);
    for (const [index, { id, sandbox }] of entries.entries()) {
      if (this.queues.has(id)) continue;
      if (index >= maxOpen || now - sandbox.lastUsed > idleMs) await this.evict(id);
    }
  }

  /** How many rehearsals have an open pool (monitoring, tests). */
  get openCount(): number {
    return this.open.size;
  }

  /** Closes every pool (the rehearsals stay and reopen on next use). */
  async close(): Promise<void> {
    clearInterval(this.sweeper);
    for (const id of [...this.open.keys()]) await this.evict(id);
  }
}
