/** Where the engine takes "now" from. Injected everywhere; tests use ControllableClock. */
export interface Clock {
  now(): Date;
}

/** The wall clock, for production. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to: tests drive time with it, never by sleeping. */
export class ControllableClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2026-01-05T09:00:00.000Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves time forward by `ms` milliseconds. */
  advance(ms: number): Date {
    if (ms < 0) throw new RangeError('a clock cannot go back');
    this.current += ms;
    return this.now();
  }

  /** Sets time to `at` (must not be in the past of the current time). */
  set(at: Date | string): Date {
    const next = new Date(at).getTime();
    if (next < this.current) throw new RangeError('a clock cannot go back');
    this.current = next;
    return this.now();
  }
}
