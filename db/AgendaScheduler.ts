/**
 * Dispatches timers with agenda on the same PostgreSQL (agenda_jobs table,
 * LISTEN/NOTIFY). The engine's timers table stays the truth: an agenda job
 * only says "look at timer X now", scheduling twice is harmless (unique per
 * timer id), and a wake-up for a timer that is gone or already fired does
 * nothing because the engine re-checks the row in its own transaction.
 */
import { Agenda } from 'agenda';
import { PostgresBackend } from '@agendajs/postgres-backend';
import pg from 'pg';
import type { Scheduler } from '../engine/index.js';

export const TIMER_JOB = 'lifeline-timer';

export interface AgendaSchedulerOptions {
  connectionString: string;
  /** Keep agenda's tables in this schema (tests use one schema per test). */
  schema?: string;
  /** Called when a timer comes due; normally `engine.fireTimer`. */
  onDue: (timerId: string) => Promise<unknown>;
  /** Which engine process took a job (agenda's lastModifiedBy). */
  name?: string;
  /** How often agenda polls besides LISTEN/NOTIFY. */
  processEvery?: string | number;
}

export class AgendaScheduler implements Scheduler {
  private readonly pool: pg.Pool;
  private agendaInstance?: Agenda;

  constructor(private readonly options: AgendaSchedulerOptions) {
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: 4,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    this.pool.on('error', () => {}); // a server shutting down (57P01) must not crash the process
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
    // The LISTEN connection reports a server shutdown (57P01) as an 'error' event: never crash on it.
    (backend.notificationChannel as unknown as { on?: (event: string, fn: (e: unknown) => void) => void } | undefined)?.on?.('error', () => {});
    this.agendaInstance = new Agenda({
      backend,
      ...(this.options.name ? { name: this.options.name } : {}),
      processEvery: this.options.processEvery ?? '5 seconds',
    });
    this.agendaInstance.define(TIMER_JOB, async (job: { attrs: { data: { timerId: string } } }) => {
      await this.options.onDue(job.attrs.data.timerId);
    });
    await this.agendaInstance.start();
  }

  async stop(): Promise<void> {
    await this.agendaInstance?.stop();
    await this.pool.end();
  }

  async schedule(timers: { id: string; dueAt: Date }[]): Promise<void> {
    for (const timer of timers) {
      await this.agenda
        .create(TIMER_JOB, { timerId: timer.id })
        .unique({ 'data.timerId': timer.id })
        .schedule(timer.dueAt)
        .save();
    }
  }

  async cancel(timerIds: string[]): Promise<void> {
    for (const timerId of timerIds) await this.agenda.cancel({ name: TIMER_JOB, data: { timerId } });
  }
}
