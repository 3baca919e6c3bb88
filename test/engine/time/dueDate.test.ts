import { expect } from 'chai';
import { dateAndTime, duration } from 'feelin';
import { isDurationValue, resolveDueDate } from '../../../engine/time/dueDate.js';
import { workingMillisBetween, addWorkingMillis } from '../../../engine/time/businessTime.js';
import type { BusinessCalendarDefinition } from '../../../engine/time/BusinessCalendar.js';

const berlinOffice: BusinessCalendarDefinition = { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], workingHours: { start: '09:00', end: '17:00' }, holidays: ['2026-04-03'] };
const iso = (d: Date) => d.toISOString();
// Friday 2026-01-09, 19:30 in Berlin
const fridayEvening = new Date('2026-01-09T18:30:00Z');

describe('due dates', () => {
  it("should read a due date without a zone in the calendar's zone, not the server's (issue 7)", () => {
    expect(iso(resolveDueDate('2026-01-12T17:00:00', fridayEvening, { calendar: berlinOffice }))).to.equal('2026-01-12T16:00:00.000Z');
    expect(iso(resolveDueDate(dateAndTime('2026-01-12T17:00:00'), fridayEvening, { timeZone: 'Europe/Berlin' }))).to.equal('2026-01-12T16:00:00.000Z');
    expect(iso(resolveDueDate('2026-01-12T17:00:00', fridayEvening))).to.equal('2026-01-12T17:00:00.000Z');
  });

  it('should count a duration from now in working time when a calendar is bound', () => {
    // given a request on Friday evening, when it is due in one working day, then it is due Monday 17:00 Berlin time
    expect(iso(resolveDueDate('P1D', fridayEvening, { calendar: berlinOffice }))).to.equal('2026-01-12T16:00:00.000Z');
    expect(iso(resolveDueDate(duration('P1D'), fridayEvening, { calendar: berlinOffice }))).to.equal('2026-01-12T16:00:00.000Z');
    // and without a calendar, a day is a calendar day
    expect(iso(resolveDueDate('P1D', fridayEvening))).to.equal('2026-01-10T18:30:00.000Z');
  });

  it('should tell durations from dates and refuse other values', () => {
    expect(isDurationValue('P2D')).to.equal(true);
    expect(isDurationValue(duration('PT4H'))).to.equal(true);
    expect(isDurationValue('2026-01-12')).to.equal(false);
    expect(() => resolveDueDate(42, fridayEvening)).to.throw('expected a date-time such as 2026-03-01T17:00:00 or a duration such as P2D, got 42');
  });

  it('should measure working time between two instants and add a share of it', () => {
    // Friday 16:00 to Tuesday 11:00 Berlin: 1 h Friday, 8 h Monday, 2 h Tuesday
    const from = new Date('2026-01-09T15:00:00Z');
    const to = new Date('2026-01-13T10:00:00Z');
    expect(workingMillisBetween(berlinOffice, from, to)).to.equal(11 * 3_600_000);
    expect(iso(addWorkingMillis(berlinOffice, from, 2 * 3_600_000))).to.equal('2026-01-12T09:00:00.000Z');
  });
});
