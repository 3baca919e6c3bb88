/**
 * The state of one Store transaction on a pipelined connection: the
 * statement channel (Sql), the writes waiting to be sent as one statement
 * (StepWrites), and a knex bound to the same connection for the cold
 * paths. Writes wait until the next read or the commit; past WRITE_BATCH
 * rows they are sent without waiting (a campaign's thousands of instances
 * stream out while the step goes on), a thousand rows per statement with a
 * turn of the event loop between statements, so building a big step's
 * writes does not hold up other requests.
 */
import type { Knex } from 'knex';
import type pg from 'pg';
import { PipelinedTx, type Statement, type StatementObserver } from './Sql.js';
import { StepWrites } from './StepWrites.js';
import { boundKnex } from './boundKnex.js';
import type { Db } from '../repositories/rows.js';

/** Rows after which waiting writes go out at once. */
const WRITE_BATCH = 2_000;

export class RawTx {
  readonly sql: PipelinedTx;
  readonly writes = new StepWrites();
  readonly db: Db;
  /** Whether this transaction wrote user tasks (their change notices are pumped after commit). */
  touchedTasks = false;
  /** Statements of their own to send once COMMIT answered (not waited for): the delivered outbox row's deletion on the sender's side. */
  readonly afterCommit: Statement[] = [];

  constructor(knex: Knex, connection: pg.Client, observe?: StatementObserver) {
    this.sql = new PipelinedTx(connection, observe);
    this.db = boundKnex(knex, connection, () => this.flush());
  }

  /** Sends the waiting writes (not waiting for them) and makes sure BEGIN went out. */
  flush(): void {
    this.sql.begin();
    if (this.writes.empty) return;
    for (const { text, values } of this.writes.take()) this.sql.defer(text, values);
  }

  /** After adding writes: sends them once there are many, yielding to the event loop between statements. */
  async wrote(): Promise<void> {
    if (this.writes.rows < WRITE_BATCH) return;
    this.sql.begin();
    let first = true;
    for (const { text, values } of this.writes.take()) {
      if (!first) await new Promise((resolve) => setImmediate(resolve));
      first = false;
      this.sql.defer(text, values);
    }
  }

  /** Runs a read after sending the waiting writes. */
  read<T>(work: (sql: PipelinedTx) => Promise<T>): Promise<T> {
    this.flush();
    return work(this.sql);
  }

  /**
   * Sends the waiting writes and COMMIT together; throws the first failure.
   * A transaction that read nothing and writes one statement (a start by
   * key) sends that statement alone: it is a transaction of its own, and
   * BEGIN and COMMIT would be two more statements for the server.
   */
  async commit(): Promise<void> {
    await this.commitOnly();
    for (const { text, values } of this.afterCommit) this.sql.afterwards(text, values);
  }

  private async commitOnly(): Promise<void> {
    if (!this.writes.empty) {
      const statements = [...this.writes.take()];
      if (!this.sql.started && statements.length === 1) return this.sql.alone(statements[0].text, statements[0].values);
      this.sql.begin();
      for (const { text, values } of statements) this.sql.defer(text, values);
    }
    await this.sql.commit();
  }
}
