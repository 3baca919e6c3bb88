/**
 * What every engine command needs: the store, the clock, ids, the model
 * cache, and the transaction-scoped bookkeeping of what to do after commit.
 */
import { randomUUID } from 'node:crypto';
import type { Store, StoreTx } from '../store/Store.js';
import type { Clock } from '../time/Clock.js';
import type { Scheduler } from '../time/Scheduler.js';
import type { DefinitionRecord } from '../store/records.js';
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
  /** Nesting depth of cross-instance deliveries (messages between instances, call activities). */
  depth: number;
  /** The last saved state of every instance this transaction changed. */
  latest: Map<string, import('../store/records.js').InstanceRecord>;
  /** The business calendars, once a step of this transaction needed them. */
  calendars?: CalendarBook;
  /** Message subscriptions opened in this transaction ("name\u0000key"): a batch delivery must not miss them. */
  openedSubscriptions: Set<string>;
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

export class EngineContext {
  readonly models = new ModelCache();
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

  /** Runs `fn` in one transaction, then hands new timers to the scheduler (after commit only). */
  async transaction<T>(fn: (scope: TxScope) => Promise<T>): Promise<T> {
    let scope!: TxScope;
    const result = await this.store.transaction(async (tx) => {
      const buffer = new WriteBuffer(tx);
      scope = { tx: buffer.tx, now: this.now(), scheduled: [], cancelled: [], depth: 0, latest: new Map(), openedSubscriptions: new Set() };
      const value = await fn(scope);
      await buffer.flush();
      return value;
    });
    // Committed: a scheduler that fails now must not turn the step into an error. The sweep fires what it missed.
    try {
      if (scope.scheduled.length) await this.options.scheduler.schedule(scope.scheduled);
      if (scope.cancelled.length) await this.options.scheduler.cancel(scope.cancelled);
    } catch (error) {
      this.log('scheduler.failed', { timers: scope.scheduled.map((t) => t.id), error: (error as Error).message });
    }
    return result;
  }
}
