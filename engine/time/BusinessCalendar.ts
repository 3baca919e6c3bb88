/**
 * A business calendar: when work happens. Working days and hours are wall
 * clock in the calendar's IANA time zone, holidays are local dates there.
 * A definition is plain JSON (stored, sent over REST); `BusinessCalendar.from`
 * validates it once into the form the time functions use.
 */
import { Temporal } from 'temporal-polyfill';
import { ValidationError } from '../errors/LifelineError.js';
import { isTimeZone } from './timeZone.js';

/** A business calendar as JSON. Days: 1 = Monday … 7 = Sunday; hours 'HH:MM' (end may be '24:00'); holidays 'YYYY-MM-DD'. */
export interface BusinessCalendarDefinition {
  timeZone: string;
  workingDays: number[];
  workingHours: { start: string; end: string };
  holidays: string[];
}

const KEYS = ['timeZone', 'workingDays', 'workingHours', 'holidays'];
const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function minutes(time: string): number | undefined {
  const match = TIME.exec(time);
  if (!match) return undefined;
  const value = Number(match[1]) * 60 + Number(match[2]);
  return value <= 24 * 60 ? value : undefined;
}

function isDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  try {
    Temporal.PlainDate.from(text, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Everything wrong with a business calendar definition, one message each; empty when it is valid. */
export function validateBusinessCalendar(definition: unknown): string[] {
  if (!isRecord(definition)) return ['a business calendar must be an object with timeZone, workingDays, workingHours and holidays'];
  const problems = Object.keys(definition).filter((key) => !KEYS.includes(key)).map((key) => `unknown property '${key}'`);
  const { timeZone, workingDays, workingHours, holidays } = definition;
  if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) problems.push(`timeZone ${JSON.stringify(timeZone)} is not a known IANA time zone such as Europe/Berlin`);
  if (!Array.isArray(workingDays) || workingDays.length === 0) problems.push('workingDays must list at least one day, 1 (Monday) to 7 (Sunday)');
  else {
    for (const day of workingDays) if (!Number.isInteger(day) || day < 1 || day > 7) problems.push(`workingDays: ${JSON.stringify(day)} is not a day from 1 (Monday) to 7 (Sunday)`);
    if (new Set(workingDays).size !== workingDays.length) problems.push('workingDays lists a day twice');
  }
  if (!isRecord(workingHours)) problems.push("workingHours must be { start: 'HH:MM', end: 'HH:MM' }");
  else {
    const read = (time: unknown) => (typeof time === 'string' ? minutes(time) : undefined);
    const start = read(workingHours.start) === 24 * 60 ? undefined : read(workingHours.start);
    const end = read(workingHours.end);
    if (start === undefined) problems.push(`workingHours.start ${JSON.stringify(workingHours.start)} is not a time HH:MM`);
    if (end === undefined) problems.push(`workingHours.end ${JSON.stringify(workingHours.end)} is not a time HH:MM (or 24:00)`);
    if (start !== undefined && end !== undefined && end <= start) {
      problems.push(`workingHours must end after they start (${workingHours.start}–${workingHours.end}); hours past midnight are not supported`);
    }
  }
  if (!Array.isArray(holidays)) problems.push('holidays must be a list of dates YYYY-MM-DD (it may be empty)');
  else for (const day of holidays) if (typeof day !== 'string' || !isDate(day)) problems.push(`holidays: ${JSON.stringify(day)} is not a date YYYY-MM-DD`);
  return problems;
}

/** A validated business calendar; build it with `BusinessCalendar.from`. */
export class BusinessCalendar {
  private constructor(
    readonly timeZone: string,
    readonly workingDays: ReadonlySet<number>,
    /** Opening time, in minutes after local midnight. */
    readonly opensAt: number,
    /** Closing time, in minutes after local midnight (1440 = midnight at the end of the day). */
    readonly closesAt: number,
    readonly holidays: ReadonlySet<string>,
  ) {}

  /** Validates a definition (or passes a calendar through); throws a ValidationError listing every problem. */
  static from(definition: BusinessCalendarDefinition | BusinessCalendar | unknown): BusinessCalendar {
    if (definition instanceof BusinessCalendar) return definition;
    const problems = validateBusinessCalendar(definition);
    if (problems.length > 0) throw new ValidationError(`invalid business calendar: ${problems.join('; ')}`, { problems });
    const d = definition as BusinessCalendarDefinition;
    return new BusinessCalendar(d.timeZone, new Set(d.workingDays), minutes(d.workingHours.start)!, minutes(d.workingHours.end)!, new Set(d.holidays));
  }

  /** Whether work happens on this local date (a working weekday that is not a holiday). */
  isWorkingDate(date: Temporal.PlainDate | Temporal.ZonedDateTime): boolean {
    const day = date instanceof Temporal.ZonedDateTime ? date.toPlainDate() : date;
    return this.workingDays.has(day.dayOfWeek) && !this.holidays.has(day.toString());
  }

  /** Minutes of work in one working day. */
  get dayMinutes(): number {
    return this.closesAt - this.opensAt;
  }

  /** The calendar back as JSON. */
  toJSON(): BusinessCalendarDefinition {
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    return {
      timeZone: this.timeZone,
      workingDays: [...this.workingDays].sort(),
      workingHours: { start: hhmm(this.opensAt), end: hhmm(this.closesAt) },
      holidays: [...this.holidays].sort(),
    };
  }
}
