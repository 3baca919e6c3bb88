/**
 * Wakes the engine when a timer comes due. The timers table is the truth;
 * a Scheduler only dispatches, after commit, and must tolerate duplicates
 * and misses (the engine re-checks the row, and sweeps due timers on start).
 */
export interface Scheduler {
  /** Arrange for `onDue(timerId)` to be called at (or soon after) `dueAt`. */
  schedule(timers: { id: string; dueAt: Date }[]): Promise<void>;
  /** Forget timers that were cancelled (best effort). */
  cancel(timerIds: string[]): Promise<void>;
}

/** A scheduler that dispatches nothing: the engine's sweep (`fireDueTimers`) does the work. */
export const manualScheduler: Scheduler = {
  schedule: async () => {},
  cancel: async () => {},
};
