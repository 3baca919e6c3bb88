/**
 * What every engine command needs: the store, the clock, ids, the model
 * cache, and the transaction-scoped bookkeeping of what to do after commit.
 */
import { randomUUID } from 'node:crypto';
import type { BatchOutcome, Store, StoreTx } from '../store/Store.js';
import type { Clock } from '../time/Clock.js';
import type { Scheduler } from '../time/Scheduler.js';
import type { DefinitionRecord, InstanceRecord } from '../store/records.js';
import { ProcessModel } from '../runtime/ProcessModel.js';
import { NotFoundError } from '../errors/LifelineError.js';
import { emptyDirectory, type Directory } from '../identity/Directory.js';
import { DEFAULT_STEP_LIMITS, type StepLimits } from '../runtime/failures.js';
import { CalendarCache } from './calendars.js';
import type { CalendarBook } from '../time/CalendarBook.js';
import { WriteBuffer } from './WriteBuffer.js';

export interface EngineOptions {
  store: Store;
  clock: Clock;
  scheduler: Scheduler;
  /** Whether a command delivers the outbox rows it wrote before it returns (default); without, they wait for the sweep's pump (tests of crash recovery). */
  deliverEagerly?: boolean;
  /**
   * Users and groups: `'store'` reads the Store's identity tables in each
   * step's transaction (and refuses unknown assignees); a Directory serves
   * identities kept elsewhere; none by default (no groups, nobody checked).
   */
  directory?: Directory | 'store';
  /** Where engine notices go (uncorrelated internal messages, incidents); silent by default. */
  log?: (event: string, data: Record<string, unknown>) => void;
  /** What one step may do before it stops with an incident, and how long it runs before yielding (runtime/failures.ts). */
  stepLimits?: Partial<StepLimits>;
}

/** One transaction's work list: timers to hand to the scheduler once committed. */
export interface TxScope {
  tx: StoreTx;
  now: Date;
  scheduled: { id: string; dueAt: Date }[];
  cancelled: string[];
  /** Deliveries between instances that led to this transaction (0 for an outside input: API, timer, job); its outbox rows get one more. */
  hops: number;
  /** The outbox rows this transaction wrote: delivered after commit, each in a transaction of its own (outbox/eager.ts). */
  outbox: OutboxRef[];
  /** The last saved state of every instance this transaction changed. */
  latest: Map<string, InstanceRecord>;
  /** The business calendars, once a step of this transaction needed them. */
  calendars?: CalendarBook;
}

/** Deployed definitions are immutable: cached by id with their compiled models. */
export class ModelCache {
  private readonly definitions = new Map<string, { definition: DefinitionRecord; model: ProcessModel }>();

  async get(tx: Pick<StoreTx, 'getDefinition'>, id: string): Promise<{ definition: DefinitionRecord; model: ProcessModel }> {
    const found = await this.find(tx, id);
    if (!found) throw new NotFoundError('process definition', id);
    return found;
  }

  /** The cached entry, read and compiled on first use; undefined when there is no such definition. */
  async find(tx: Pick<StoreTx, 'getDefinition'>, id: string): Promise<{ definition: DefinitionRecord; model: ProcessModel } | undefined> {
    const cached = this.definitions.get(id);
    if (cached) return cached;
    const definition = await tx.getDefinition(id);
    return definition ? this.put(definition) : undefined;
  }

  /** The cached entry of a definition already in hand, compiled once. */
  cached(definition: DefinitionRecord): { definition: DefinitionRecord; model: ProcessModel } {
    return this.definitions.get(definition.id) ?? this.put(definition);
  }

  put(definition: DefinitionRecord): { definition: DefinitionRecord; model: ProcessModel } {
    const entry = { definition, model: new ProcessModel(definition.ir) };
    this.definitions.set(definition.id, entry);
    return entry;
  }

  forget(id: string): void {
    this.definitions.delete(id);
  }
}

/** An outbox row to deliver: its id, and its kind (runs of messages are delivered a few at a time). */
export interface OutboxRef {
  id: string;
  kind: string;
  /** What it asks and its hop count, when the transaction that wrote it is at hand. */
  payload?: import('../store/records.js').OutboxPayload;
  hops?: number;
  /** The instance whose outbox holds the row (its shard), when the transaction that wrote it is at hand. */
  sender?: string;
  elementId?: string | null;
}

/** Delivers outbox rows a committed transaction wrote (set by the Engine: outbox/eager.ts); `latest` is refreshed with what the cascade changed. */
export type OutboxDeliverer = (rows: OutboxRef[], latest: Map<string, InstanceRecord>) => Promise<void>;

export class EngineContext {
  readonly models = new ModelCache();
  /** Eager delivery of the outbox after commit; without it rows wait for the pump (the sweep). */
  deliverOutbox?: OutboxDeliverer;
  readonly stepLimits: StepLimits;
  readonly calendars = new CalendarCache();
  /** The id of the newest version of each process key, as this process last saw it (a start by key checks it instead of reading it). */
  readonly newestVersions = new Map<string, string>();

  constructor(readonly options: EngineOptions) {
    this.stepLimits = { ...DEFAULT_STEP_LIMITS, ...options.stepLimits };
  }

  /** The directory for a step of this transaction: the Store's identity tables through the step's own transaction, or the configured one. */
  people(scope: TxScope): Directory {
    const configured = this.options.directory;
    if (configured !== 'store') return configured ?? emptyDirectory;
    const { tx } = scope;
    return { membersOf: (groups) => tx.membersOf(groups), unknownUsers: (users) => tx.unknownUsers(users), managersOf: (users) => tx.managersOf(users) };
  }

  get store(): Store {
    return this.options.store;
  }

  now(): Date {
    return this.options.clock.now();
  }

  newId(): string {
    return randomUUID();
  }

  log(event: string, data: Record<string, unknown>): void {
    this.options.log?.(event, data);
  }

  /** The business calendars for a step of this transaction (loaded at most once per transaction, cached across them). */
  async calendarBook(scope: TxScope): Promise<CalendarBook> {
    scope.calendars ??= await this.calendars.get(scope.tx, scope.now);
    return scope.calendars;
  }

  /**
   * Runs `fn` in one transaction, then hands new timers to the scheduler
   * (after commit only) and delivers the outbox rows it wrote, each in a
   * transaction of its own, before returning: what a step sent to other
   * instances has happened when the command that made it returns.
   * `watch`: the instances the command that set off this delivery returns,
   * refreshed with what the cascade changes (outbox/delivery.ts).
   */
  async transaction<T>(fn: (scope: TxScope) => Promise<T>, options: { watch?: Map<string, InstanceRecord> } = {}): Promise<T> {
    let scope!: TxScope;
    const result = await this.store.transaction(async (tx) => {
      const buffer = new WriteBuffer(tx);
      scope = this.newScope(buffer.tx);
      const value = await fn(scope);
      await buffer.flush();
      return value;
    });
    await this.afterCommit([scope], options.watch);
    return result;
  }

  /**
   * Runs each of `fns` as a transaction of its own, back to back on one
   * connection where the Store can (Store.transactionBatch), else one after
   * the other; then what `transaction` does after each commit. Each outcome
   * is its own (a failure is returned, not thrown, and not retried).
   */
  async transactionBatch<T>(fns: ((scope: TxScope) => Promise<T>)[], options: { watch?: Map<string, InstanceRecord> } = {}): Promise<BatchOutcome<T>[]> {
    const store = this.store;
    if (!store.transactionBatch) {
      const outcomes: BatchOutcome<T>[] = [];
      for (const fn of fns) outcomes.push(await this.transaction(fn, options).then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error })));
      return outcomes;
    }
    const scopes: TxScope[] = [];
    const outcomes = await store.transactionBatch(fns.map((fn, i) => async (tx) => {
      const buffer = new WriteBuffer(tx);
      const scope = (scopes[i] = this.newScope(buffer.tx));
      const value = await fn(scope);
      await buffer.flush();
      return value;
    }));
    await this.afterCommit(scopes.filter((_, i) => outcomes[i].ok), options.watch);
    return outcomes;
  }

  private newScope(tx: StoreTx): TxScope {
    return { tx, now: this.now(), scheduled: [], cancelled: [], hops: 0, outbox: [], latest: new Map() };
  }

  /** After commit: timers to the scheduler, instances the caller returns refreshed, then the outbox rows delivered (the cascade). */
  private async afterCommit(scopes: TxScope[], watching: Map<string, InstanceRecord> | undefined): Promise<void> {
    const scheduled = scopes.flatMap((scope) => scope.scheduled);
    const cancelled = scopes.flatMap((scope) => scope.cancelled);
    // Committed: a scheduler that fails now must not turn the step into an error. The sweep fires what it missed.
    try {
      if (scheduled.length) await this.options.scheduler.schedule(scheduled);
      if (cancelled.length) await this.options.scheduler.cancel(cancelled);
    } catch (error) {
      this.log('scheduler.failed', { timers: scheduled.map((t) => t.id), error: (error as Error).message });
    }
    for (const scope of scopes) {
      const watch = watching ?? scope.latest;
      if (watching) for (const [id, instance] of scope.latest) if (watch.has(id)) Object.assign(watch.get(id)!, instance);
      // Committed: a delivery that fails is retried by the pump, never the sender's error.
      if (scope.outbox.length && this.deliverOutbox) await this.deliverOutbox(scope.outbox, watch);
    }
  }
}
