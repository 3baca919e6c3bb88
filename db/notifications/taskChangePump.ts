/**
 * Turns the task change outbox (migration 031) into NOTIFYs on
 * `lifeline_task_changes`: up to 1,000 changes per statement, one statement
 * per transaction, oldest first. Several processes may pump the same
 * outbox (the batch is claimed with SKIP LOCKED); a change is announced
 * once, after its writer committed. NOTIFY's cost (one global lock per
 * notifying commit) is then paid once per batch instead of once per task
 * change.
 *
 * A pump runs when kicked (the Store kicks its pump after committing a
 * transaction that wrote user tasks) and, if started, every `intervalMs`
 * (listeners start it, so changes made by processes without a pump, or a
 * writer that crashed before pumping, still arrive).
 */
import type { Knex } from 'knex';
import { pooledQuery } from '../raw/pooled.js';

const BATCH = 1_000;

const PUMP = `
  with batch as (
    delete from task_change_outbox
    where seq in (select seq from task_change_outbox order by seq limit $1 for update skip locked)
    returning seq, payload
  )
  select count(*)::int as sent from (select pg_notify('lifeline_task_changes', payload) from batch order by seq) notified`;

/**
 * Announces up to BATCH waiting changes in one transaction; returns how
 * many. Not reported to knex's query listeners: it is background work of
 * the Store, not a statement of anyone's step.
 */
export async function pumpTaskChanges(knex: Knex, max = BATCH): Promise<number> {
  const [{ sent }] = await pooledQuery<{ sent: number }>(knex, PUMP, [max], { report: false });
  return sent;
}

/** Runs the pump when kicked (coalescing kicks that come while it runs) and, once started, periodically. */
export class TaskChangePump {
  private running?: Promise<void>;
  private again = false;
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly knex: Knex,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** Pumps soon; returns when the outbox was empty at some moment after the kick (or the pump failed). */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    try {
      do {
        this.again = false;
        while ((await pumpTaskChanges(this.knex)) === BATCH);
      } while (this.again && !this.stopped);
    } catch (error) {
      this.onError(error);
    }
  }

  /** Also pumps every `intervalMs` until stopped. */
  start(intervalMs: number): void {
    this.stopped = false;
    if (this.timer) return;
    this.timer = setInterval(() => void this.kick(), intervalMs);
    this.timer.unref();
  }

  /** Stops the periodic pumping and waits for a pump in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
