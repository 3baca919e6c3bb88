/**
 * Business calendars as engine commands (admins define them through the
 * API) and the engine's cached view of them for steps. Calendars change
 * rarely: each engine keeps the book it loaded for a few seconds of its
 * clock, and reloads at once after a change it made itself; another engine
 * process sees a change within that time.
 */
import { NotFoundError, ValidationError } from '../errors/LifelineError.js';
import type { CalendarRecord } from '../store/records.js';
import type { StoreTx } from '../store/Store.js';
import { BusinessCalendar, validateBusinessCalendar, type BusinessCalendarDefinition } from '../time/BusinessCalendar.js';
import { CalendarBook } from '../time/CalendarBook.js';
import type { EngineContext } from './EngineContext.js';

const FRESH_MS = 5_000;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** The calendar book of one engine: loaded in a transaction, kept for FRESH_MS of the engine's clock. */
export class CalendarCache {
  private book?: CalendarBook;
  private loadedAt = 0;

  /** The current book, loaded through `tx` when stale. */
  async get(tx: Pick<StoreTx, 'listCalendars'>, now: Date): Promise<CalendarBook> {
    if (!this.book || Math.abs(now.getTime() - this.loadedAt) > FRESH_MS) {
      this.book = new CalendarBook(await tx.listCalendars());
      this.loadedAt = now.getTime();
    }
    return this.book;
  }

  /** Forgets the book (after this engine changed a calendar). */
  invalidate(): void {
    this.book = undefined;
  }
}

/** What an admin sends to define a calendar. */
export interface SaveCalendarCommand {
  name: string;
  definition: BusinessCalendarDefinition;
  isDefault?: boolean;
  actor?: string;
}

/** Creates or replaces a calendar after validating it; returns it as stored. */
export async function saveCalendar(ctx: EngineContext, command: SaveCalendarCommand): Promise<CalendarRecord> {
  if (!NAME.test(command.name)) throw new ValidationError(`calendar name '${command.name}' must be 1 to 63 letters, digits, dots, dashes or underscores`);
  const problems = validateBusinessCalendar(command.definition);
  if (problems.length) throw new ValidationError(`invalid business calendar '${command.name}': ${problems.join('; ')}`, { problems });
  const record: CalendarRecord = {
    name: command.name,
    definition: BusinessCalendar.from(command.definition).toJSON(),
    isDefault: command.isDefault === true,
    updatedAt: ctx.now(),
    updatedBy: command.actor ?? null,
  };
  await ctx.transaction(({ tx }) => tx.putCalendar(record));
  ctx.calendars.invalidate();
  return record;
}

/** Deletes a calendar; models bound to it raise incidents until it is defined again. */
export async function deleteCalendar(ctx: EngineContext, name: string): Promise<void> {
  const deleted = await ctx.transaction(({ tx }) => tx.deleteCalendar(name));
  ctx.calendars.invalidate();
  if (!deleted) throw new NotFoundError('business calendar', name);
}
