/**
 * Moving a rehearsal's virtual clock. The clock never jumps over work: it
 * stops at every timer due on the way, in due order, fires it at its own
 * virtual time (each one a step exactly as on the live engine, so a timer
 * armed by that step counts from then), lets the built-in workers do what
 * that step left them, and only then moves on. Timers due at the same
 * moment fire in a fixed order (instance number, element, creation), so a
 * replay meets them in the same order.
 */
import { ConflictError, ValidationError } from '../errors/LifelineError.js';
import type { Engine } from '../service/Engine.js';
import type { TimerRecord } from '../store/records.js';
import { addBusinessDuration } from '../time/businessTime.js';
import { CalendarBook } from '../time/CalendarBook.js';
import type { ControllableClock } from '../time/Clock.js';
import { parseDateTime } from '../time/isoDate.js';
import { addDuration, parseDuration } from '../time/isoDuration.js';
import type { SandboxProbe } from './SandboxProbe.js';
import type { ClockMove } from './steps.js';

/** Timers one move fires at most: a cycle every minute must not turn "+1 month" into an endless request. */
export const MAX_TIMERS_PER_MOVE = 1000;

function parsed<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new ValidationError(`${what}: ${(error as Error).message}`);
  }
}

/** Where a move by duration, by working time or to a date ends (the next-timer move is found by `advanceClock`). */
export async function moveTarget(engine: Engine, now: Date, move: Exclude<ClockMove, { nextTimer: true }>): Promise<Date> {
  const book = new CalendarBook(await engine.listCalendars());
  if ('by' in move) {
    const duration = parsed('by', () => parseDuration(move.by));
    // days keep the wall-clock time of the default calendar's zone across a DST change
    return parsed('by', () => addDuration(now, duration, book.defaultCalendar?.timeZone ?? 'UTC'));
  }
  if ('workingTime' in move) {
    const duration = parsed('workingTime', () => parseDuration(move.workingTime));
    if (!book.has(move.calendar)) throw new ValidationError(move.calendar === undefined ? 'workingTime needs a default business calendar, or name one in "calendar"' : `business calendar '${move.calendar}' is not defined`);
    return parsed('workingTime', () => addBusinessDuration(book.get({ name: move.calendar }), now, duration));
  }
  const to = parsed('to', () => parseDateTime(move.to, book.defaultCalendar?.timeZone ?? 'UTC'));
  if (to.getTime() < now.getTime()) throw new ValidationError(`the clock cannot go back: ${to.toISOString()} is before the rehearsal's time ${now.toISOString()}`);
  return to;
}

/** What a move did. */
export interface ClockMoveResult {
  from: Date;
  to: Date;
  timersFired: number;
  /** The move stopped at the MAX_TIMERS_PER_MOVE-th timer, short of its target. */
  limitReached: boolean;
}

export interface AdvanceOptions {
  engine: Engine;
  clock: ControllableClock;
  probe: SandboxProbe;
  /** The number of an instance in the rehearsal (orders timers due at the same moment). */
  instanceNumber: (instanceId: string) => number | undefined;
  /** Runs after the timers of each moment fired (the built-in workers, in a rehearsal that runs them). */
  afterTimers?: () => Promise<void>;
  limit?: number;
}

const order = (number: (id: string) => number | undefined) => (a: TimerRecord, b: TimerRecord) =>
  a.dueAt.getTime() - b.dueAt.getTime() ||
  (a.instanceId ? number(a.instanceId) ?? Infinity : -1) - (b.instanceId ? number(b.instanceId) ?? Infinity : -1) ||
  a.elementId.localeCompare(b.elementId) ||
  a.createdAt.getTime() - b.createdAt.getTime() ||
  a.id.localeCompare(b.id);

/** Moves the clock to `target` (or to the next due timer), firing every timer due on the way at its own time. */
export async function advanceClock(options: AdvanceOptions, target: Date | 'nextTimer'): Promise<ClockMoveResult> {
  const { engine, clock, probe } = options;
  const from = clock.now();
  const limit = options.limit ?? MAX_TIMERS_PER_MOVE;
  let end: Date;
  if (target === 'nextTimer') {
    const [next] = await probe.scheduledTimers(1);
    if (!next) throw new ConflictError('no timer is scheduled in this rehearsal: nothing would happen');
    end = new Date(Math.max(next.dueAt.getTime(), from.getTime()));
  } else {
    end = target;
  }
  const tried = new Set<string>();
  let fired = 0;
  for (;;) {
    const due = (await probe.scheduledTimers(limit + tried.size)).filter((t) => !tried.has(t.id) && t.dueAt.getTime() <= end.getTime());
    if (due.length === 0) break;
    if (fired >= limit) return { from, to: clock.now(), timersFired: fired, limitReached: true };
    const moment = Math.max(clock.now().getTime(), due[0].dueAt.getTime());
    clock.set(new Date(moment));
    const now = due.filter((t) => t.dueAt.getTime() <= moment).sort(order(options.instanceNumber));
    for (const timer of now) {
      if (fired >= limit) return { from, to: clock.now(), timersFired: fired, limitReached: true };
      tried.add(timer.id);
      if (await engine.fireTimer(timer.id)) fired += 1;
    }
    await options.afterTimers?.();
  }
  clock.set(end);
  return { from, to: end, timersFired: fired, limitReached: false };
}
