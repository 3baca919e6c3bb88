/**
 * The business calendars an engine knows at one moment, by name, with the
 * default one. A step looks up the calendar an element is bound to here
 * (`lifeline:calendar`), synchronously: the engine loads the book before it
 * runs a step.
 */
import { LifelineError } from '../errors/LifelineError.js';
import type { CalendarRef } from '../ir/types.js';
import { BusinessCalendar, type BusinessCalendarDefinition } from './BusinessCalendar.js';
import type { TimeContext } from './timerExpression.js';

/** A stored calendar: its name, definition and whether it is the default. */
export interface CalendarEntry {
  name: string;
  definition: BusinessCalendarDefinition;
  isDefault: boolean;
}

/** A calendar an element names that nobody defined (or deleted since). */
export class CalendarNotFoundError extends LifelineError {
  constructor(name: string | undefined) {
    super('CALENDAR_NOT_FOUND', name === undefined ? 'no default business calendar is defined (an admin marks one as default under /api/calendars)' : `business calendar '${name}' is not defined (an admin defines calendars under /api/calendars)`, { name });
  }
}

export class CalendarBook {
  private readonly byName = new Map<string, BusinessCalendar>();
  private readonly defaultName?: string;

  constructor(entries: CalendarEntry[]) {
    for (const entry of entries) this.byName.set(entry.name, BusinessCalendar.from(entry.definition));
    this.defaultName = entries.find((e) => e.isDefault)?.name;
  }

  /** The default calendar, if one is marked. */
  get defaultCalendar(): BusinessCalendar | undefined {
    return this.defaultName === undefined ? undefined : this.byName.get(this.defaultName);
  }

  /** Whether a calendar of this name exists (the default when `name` is undefined). */
  has(name: string | undefined): boolean {
    return name === undefined ? this.defaultName !== undefined : this.byName.has(name);
  }

  /** The calendar a reference names; throws CalendarNotFoundError when there is none. */
  get(ref: CalendarRef): BusinessCalendar {
    const calendar = ref.name === undefined ? this.defaultCalendar : this.byName.get(ref.name);
    if (!calendar) throw new CalendarNotFoundError(ref.name);
    return calendar;
  }

  /**
   * What time means for an element bound to `ref` (or to nothing): working
   * time on the bound calendar; zone-less dates in its zone, or in the
   * default calendar's zone when nothing is bound.
   */
  context(ref: CalendarRef | undefined): TimeContext {
    if (ref) return { calendar: this.get(ref) };
    const fallback = this.defaultCalendar;
    return fallback ? { timeZone: fallback.timeZone } : {};
  }
}

/** A book with no calendars: plain time, zone-less dates in UTC. */
export const EMPTY_CALENDAR_BOOK = new CalendarBook([]);
