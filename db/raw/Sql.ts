/**
 * One transaction on a raw, pipelined `pg` connection: the engine's hot path
 * without a query builder. Statements are sent at once and never wait for
 * each other on the wire:
 *  - BEGIN goes out with the first statement (no round trip of its own);
 *  - a write nobody reads the result of is `defer`red: sent now, its result
 *    checked later (at the next read, or at commit), so a step's writes and
 *    its COMMIT travel together;
 *  - a read (`query`) waits for its rows, and sees every write sent before it.
 * Every statement is a named prepared statement (our texts are constants),
 * parsed once per connection. A failed write fails the transaction: the
 * first failure is what `query` and `commit` throw. Statements sent in the
 * same tick leave in one socket write (the stream is corked until the next
 * tick): BEGIN with the first read, the writes with COMMIT. pg writes each
 * statement as it is queued, and a write is a system call that cost a third
 * of the engine's CPU on the hot path.
 */
import type pg from 'pg';

/** A statement's text and values, as the raw repositories build them. */
export interface Statement {
  text: string;
  values?: unknown[];
}

/** What the raw repositories run statements on. */
export interface Sql {
  /** Sends a statement and waits for its rows. */
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<R[]>;
  /** Sends a statement and waits for the number of rows it touched. */
  count(text: string, values?: unknown[]): Promise<number>;
  /** Sends a write without waiting for it; its failure fails the transaction. */
  defer(text: string, values?: unknown[]): void;
}

/** Called with each statement sent (for statement counts and logs). */
export type StatementObserver = (sql: string, values: unknown[] | undefined) => void;

const names = new Map<string, string>();

/** One name per statement text, for the whole process (each connection parses it once). */
export function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `ll_${names.size + 1}`;
    names.set(text, name);
  }
  return name;
}

/** A pg client with pipelining switched on (see db/connection.ts). */
type PipelinedClient = Pick<pg.Client, 'query'> & { connection?: { stream?: { cork(): void; uncork(): void } } };

const corked = new WeakSet<object>();

/** Corks the client's socket until the next tick (once per tick), so that what is sent meanwhile leaves in one write. */
function corkUntilNextTick(client: PipelinedClient): void {
  const stream = client.connection?.stream;
  if (!stream || corked.has(stream)) return;
  corked.add(stream);
  stream.cork();
  process.nextTick(() => {
    corked.delete(stream);
    stream.uncork();
  });
}

export class PipelinedTx implements Sql {
  private begun = false;
  private finished = false;
  private failure: unknown;
  private readonly inFlight: Promise<unknown>[] = [];

  constructor(
    private readonly client: PipelinedClient,
    private readonly observe?: StatementObserver,
  ) {}

  /** Whether BEGIN has been sent (anything was run in this transaction). */
  get started(): boolean {
    return this.begun;
  }

  /** Sends BEGIN unless it went out already; anything sent after it is inside the transaction. */
  begin(): void {
    if (this.begun) return;
    if (this.finished) throw new Error('the transaction has ended');
    this.begun = true;
    this.observe?.('BEGIN', undefined);
    corkUntilNextTick(this.client);
    this.track(this.client.query('BEGIN'));
  }

  private send(text: string, values: unknown[] | undefined): Promise<pg.QueryResult> {
    this.begin();
    this.observe?.(text, values);
    corkUntilNextTick(this.client);
    return this.client.query({ name: nameOf(text), text, values });
  }

  /** Keeps a sent statement's outcome: its failure becomes the transaction's. */
  private track(promise: Promise<unknown>): void {
    this.inFlight.push(promise.catch((error: unknown) => {
      this.failure ??= error;
    }));
  }

  /** The first failure of the transaction, else `error` (a statement after a failed one only says the transaction is aborted). */
  async firstFailure(error: unknown): Promise<unknown> {
    await Promise.all(this.inFlight);
    return this.failure ?? error;
  }

  async query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<R[]> {
    try {
      return (await this.send(text, values)).rows as R[];
    } catch (error) {
      throw await this.firstFailure(error);
    }
  }

  async count(text: string, values?: unknown[]): Promise<number> {
    try {
      return (await this.send(text, values)).rowCount ?? 0;
    } catch (error) {
      throw await this.firstFailure(error);
    }
  }

  defer(text: string, values?: unknown[]): void {
    this.track(this.send(text, values));
  }

  /** Waits for every write sent so far; throws the first failure. */
  async settle(): Promise<void> {
    await Promise.all(this.inFlight);
    if (this.failure) throw this.failure;
  }

  /** Sends COMMIT behind everything in flight and waits for all of it; throws the first failure (the transaction then rolled back). */
  async commit(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    if (!this.begun) return;
    this.observe?.('COMMIT', undefined);
    corkUntilNextTick(this.client);
    const commit = this.client.query('COMMIT');
    await Promise.all(this.inFlight);
    const result = await commit.catch((error: unknown) => {
      this.failure ??= error;
      return undefined;
    });
    if (this.failure) throw this.failure;
    // A COMMIT of a transaction that failed answers ROLLBACK, not an error.
    if (result?.command === 'ROLLBACK') throw new Error('the transaction was rolled back');
  }

  /** Sends `text` as the whole transaction (no BEGIN, no COMMIT: one statement is atomic by itself) and waits for it. */
  async alone(text: string, values?: unknown[]): Promise<void> {
    if (this.begun || this.finished) throw new Error('alone() is for a transaction that sent nothing yet');
    this.finished = true;
    this.observe?.(text, values);
    corkUntilNextTick(this.client);
    await this.client.query({ name: nameOf(text), text, values });
  }

  /**
   * Sends `text` as a transaction of its own after this one ended, and does
   * not wait for it: the connection runs it before anything sent later. A
   * failure is dropped: what it does must be safe to leave undone (a delivered outbox row left behind is redelivered, meets its
   * inbox row and is deleted then).
   */
  afterwards(text: string, values?: unknown[]): void {
    this.observe?.(text, values);
    this.client.query({ name: nameOf(text), text, values }).catch(() => {});
  }

  /** Rolls back (after a failure); never throws. */
  async rollback(): Promise<void> {
    const begun = this.begun && !this.finished;
    this.finished = true;
    if (!begun) return;
    this.observe?.('ROLLBACK', undefined);
    await Promise.all([...this.inFlight, this.client.query('ROLLBACK').catch(() => {})]);
  }
}
