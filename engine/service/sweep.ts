/**
 * The due-work sweep every engine process runs: due timers (each claimed
 * with SKIP LOCKED and held until fired, so several processes share the
 * work and none fires twice) and job locks that ran out. It repairs lost
 * wake-ups: a timer whose scheduler call failed, or was lost in a crash
 * between commit and scheduling, fires at the next sweep, not at a restart.
 * The same goes for cross-instance work: outbox rows whose eager delivery
 * was lost (a crash) or failed (waiting for their retry) are pumped here.
 */
import { emptyEffects } from '../store/Store.js';
import type { EngineContext } from './EngineContext.js';
import { fireDueTimers } from './timers.js';
import { historyNote, writeEffects } from './steps.js';
import { pumpOutbox } from './outbox/delivery.js';
import { sweepInbox } from './outbox/inboxSweep.js';

/** What one sweep did. */
export interface SweepResult {
  timersFired: number;
  jobLocksExpired: number;
  /** Outbox rows delivered by the pump (left behind by a crash, or due for a retry). */
  outboxDelivered: number;
  /** Inbox rows past their day deleted (outbox/inboxSweep.ts). */
  inboxSwept?: number;
}

/** Job locks expired per transaction. */
const JOB_BATCH = 200;

/** Puts jobs whose lock expired back to activatable, with a history line each. */
async function expireJobLocks(ctx: EngineContext): Promise<number> {
  let total = 0;
  for (;;) {
    const expired = await ctx.transaction(async (scope) => {
      const jobs = await scope.tx.expireJobLocks(scope.now, JOB_BATCH);
      if (jobs.length) {
        await writeEffects(scope, { ...emptyEffects(), history: jobs.map((job) => historyNote(job.instanceId, scope.now, 'job.lock.expired', job.elementId, { jobId: job.id })) });
      }
      return jobs.length;
    });
    total += expired;
    if (expired < JOB_BATCH) return total;
  }
}

/** One sweep: due timers, then expired job locks, then the instance outbox's leftovers. */
export async function sweepOnce(ctx: EngineContext): Promise<SweepResult> {
  const timersFired = await fireDueTimers(ctx);
  const jobLocksExpired = await expireJobLocks(ctx);
  const outboxDelivered = await pumpOutbox(ctx);
  const inboxSwept = await sweepInbox(ctx);
  return { timersFired, jobLocksExpired, outboxDelivered, inboxSwept };
}

/** Runs `sweepOnce` every `intervalMs` until stopped; a failing sweep (database away) is logged and tried again next time. */
export class Sweeper {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(private readonly ctx: EngineContext, private readonly intervalMs: number) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = sweepOnce(this.ctx)
        .then((result) => {
          if (result.timersFired || result.jobLocksExpired || result.outboxDelivered || result.inboxSwept) this.ctx.log('sweep', { ...result });
        })
        .catch((error) => this.ctx.log('sweep.failed', { error: (error as Error).message }))
        .finally(() => {
          this.running = undefined;
          this.schedule();
        });
    }, this.intervalMs);
    this.timer.unref();
  }

  /** Stops sweeping; resolves once a sweep in progress has finished (its claims committed or released). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
