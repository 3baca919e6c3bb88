/** Business calendars: one row per named calendar, at most one marked default. */
import type { CalendarRecord } from '../../engine/index.js';
import { rowMapper, type Db } from './rows.js';

const calendarRows = rowMapper<CalendarRecord>(['definition']);

/** Every calendar, by name. */
export async function listCalendars(db: Db): Promise<CalendarRecord[]> {
  return (await db('business_calendars').select('*').orderBy('name')).map((row) => calendarRows.fromRow(row));
}

/** Creates or replaces a calendar; a new default first unmarks the old one (the unique index allows one). */
export async function putCalendar(db: Db, calendar: CalendarRecord): Promise<void> {
  if (calendar.isDefault) await db('business_calendars').where({ is_default: true }).whereNot({ name: calendar.name }).update({ is_default: false });
  await db('business_calendars').insert(calendarRows.toRow(calendar)).onConflict('name').merge();
}

/** Deletes a calendar; false when there was none of that name. */
export async function deleteCalendar(db: Db, name: string): Promise<boolean> {
  return (await db('business_calendars').where({ name }).delete()) === 1;
}
