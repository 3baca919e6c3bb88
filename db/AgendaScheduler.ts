/**
 * Dispatches timers with agenda on the same PostgreSQL (agenda_jobs table,
 * LISTEN/NOTIFY). The engine's timers table stays the truth: an agenda job
 * only says "look at timer X now", scheduling twice is harmless (unique per
 * timer id), and a wake-up for a timer that is gone or already fired does
 * nothing because the engine re-checks the row in its own transaction.
 * Scheduling is not part of the engine's transaction (agenda has its own
 * pool): the engine calls `schedule` after commit, and sweeps due timers
 * on start for anything a crash lost in between.
 */
import type { EventEmitter } from 'node:events';
import { Agenda, exponential, type Job } from 'agenda';
import { PostgresBackend } from '@agendajs/postgres-backend';
import pg from 'pg';
import type { Scheduler } from '../engine/index.js';

/** The agenda job name of timer wake-ups. */
export const TIMER_JOB = 'lifeline-timer';

/** Construction options of AgendaScheduler. */
export interface AgendaSchedulerOptions {
  connectionString: string;
  /** Keep agenda's tables in this schema (tests use one schema per test); it must exist. */
  schema?: string;
  /** Called when a timer comes due; normally `engine.fireTimer`. A throw is retried with backoff. */
  onDue: (timerId: string) => Promise<unknown>;
  /** Database and dispatch errors (agenda keeps running and reconnects); ignored when absent. */
  onError?: (error: unknown) => void;
  /** Which engine process took a job (agenda's lastModifiedBy). */
  name?: string;
  /** How often agenda polls besides LISTEN/NOTIFY (ms or text such as '5 seconds'). */
  processEvery?: string | number;
}

/** The engine's Scheduler on agenda 6 with its PostgreSQL backend. */
export class AgendaScheduler implements Scheduler {
  private readonly pool: pg.Pool;
  private agendaInstance?: Agenda;
  private stopped = false;

  constructor(private readonly options: AgendaSchedulerOptions) {
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: 4,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    this.pool.on('error', (error) => this.options.onError?.(error)); // idle clients of a server shutting down (57P01)
  }

  private get agenda(): Agenda {
    if (!this.agendaInstance) throw new Error('AgendaScheduler.start() was not called');
    return this.agendaInstance;
  }

  /**
   * Connects and starts processing. Only the first process on a database
   * creates agenda's table: its schema DDL would wait on the locks of a
   * running agenda's job loop.
   */
  async start(): Promise<void> {
    const { rows } = await this.pool.query("select to_regclass('agenda_jobs') is not null as present");
    const backend = new PostgresBackend({
      pool: this.pool,
      ensureSchema: !rows[0].present,
      channelName: this.options.schema ? `agenda_jobs_${this.options.schema}` : 'agenda_jobs',
    });
    const onError = (error: unknown) => this.options.onError?.(error);
    // The LISTEN connection reports a lost server as an 'error' event, which nobody else listens to.
    (backend.notificationChannel as unknown as EventEmitter | undefined)?.on('error', onError);
    const agenda = new Agenda({
      backend,
      ...(this.options.name ? { name: this.options.name } : {}),
      processEvery: this.options.processEvery ?? '5 seconds',
    });
    agenda.on('error', onError);
    agenda.define<{ timerId: string }>(
      TIMER_JOB,
      async (job: Job<{ timerId: string }>) => {
        await this.options.onDue(job.attrs.data.timerId);
      },
      { removeOnComplete: true, backoff: exponential({ delay: 1000, maxDelay: 60_000, maxRetries: 8 }) },
    );
    await agenda.start();
    this.agendaInstance = agenda;
  }

  /** Stops processing (wake-ups it had locked go back to others) and closes the pool; harmless twice. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    await this.agendaInstance?.stop();
    this.agendaInstance = undefined;
    await this.pool.end();
  }

  /** One agenda job per timer id, created or moved to the new due time. */
  async schedule(timers: { id: string; dueAt: Date }[]): Promise<void> {
    for (const timer of timers) {
      await this.agenda.create(TIMER_JOB, { timerId: timer.id }).unique({ 'data.timerId': timer.id }).schedule(timer.dueAt).save();
    }
  }

  /** Removes the wake-ups of cancelled timers (best effort: a stray one finds the timer cancelled). */
  async cancel(timerIds: string[]): Promise<void> {
    for (const timerId of timerIds) await this.agenda.cancel({ name: TIMER_JOB, data: { timerId } });
  }
}
