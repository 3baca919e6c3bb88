import { expect } from 'chai';
import { Temporal } from 'temporal-polyfill';
import { addBusinessDuration, isBusinessTime, nextBusinessInstant } from '../../../engine/time/businessTime.js';
import { BusinessCalendar, type BusinessCalendarDefinition } from '../../../engine/time/BusinessCalendar.js';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();
// 2026-01-05 is a Monday; 2026-01-09 a Friday
const office: BusinessCalendarDefinition = { timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5], workingHours: { start: '09:00', end: '17:00' }, holidays: [] };
const add = (calendar: BusinessCalendarDefinition, start: string, duration: string) => iso(addBusinessDuration(calendar, at(start), duration));

describe('business time', () => {
  describe('isBusinessTime', () => {
    it('should be true within working hours on a working day, and false outside them', () => {
      expect(isBusinessTime(office, at('2026-01-05T09:00:00Z'))).to.equal(true);
      expect(isBusinessTime(office, at('2026-01-05T16:59:59Z'))).to.equal(true);
      expect(isBusinessTime(office, at('2026-01-05T08:59:59Z'))).to.equal(false);
      expect(isBusinessTime(office, at('2026-01-05T17:00:00Z'))).to.equal(false);
      expect(isBusinessTime(office, at('2026-01-10T12:00:00Z'))).to.equal(false);
    });

    it('should be false on a holiday', () => {
      expect(isBusinessTime({ ...office, holidays: ['2026-01-05'] }, at('2026-01-05T12:00:00Z'))).to.equal(false);
    });
  });

  describe('nextBusinessInstant', () => {
    it('should keep an instant in working hours and move others to the next opening', () => {
      expect(iso(nextBusinessInstant(office, at('2026-01-05T10:30:00Z')))).to.equal('2026-01-05T10:30:00.000Z');
      expect(iso(nextBusinessInstant(office, at('2026-01-05T07:00:00Z')))).to.equal('2026-01-05T09:00:00.000Z');
      expect(iso(nextBusinessInstant(office, at('2026-01-05T17:00:00Z')))).to.equal('2026-01-06T09:00:00.000Z');
      expect(iso(nextBusinessInstant(office, at('2026-01-09T18:00:00Z')))).to.equal('2026-01-12T09:00:00.000Z');
      expect(iso(nextBusinessInstant(office, at('2026-01-10T12:00:00Z')))).to.equal('2026-01-12T09:00:00.000Z');
    });

    it('should skip holidays', () => {
      expect(iso(nextBusinessInstant({ ...office, holidays: ['2026-01-12', '2026-01-13'] }, at('2026-01-09T18:00:00Z')))).to.equal('2026-01-14T09:00:00.000Z');
    });

    it("should use the local date in the calendar's time zone", () => {
      // given Monday 23:30Z, which is already Tuesday 00:30 in Berlin, then the next opening is Tuesday 09:00 Berlin
      expect(iso(nextBusinessInstant({ ...office, timeZone: 'Europe/Berlin' }, at('2026-01-05T23:30:00Z')))).to.equal('2026-01-06T08:00:00.000Z');
    });
  });

  describe('addBusinessDuration', () => {
    it('should count hours in working time over a weekend', () => {
      // given Friday 16:00, when PT2H is added, then one hour is worked on Friday and one on Monday
      expect(add(office, '2026-01-09T16:00:00Z', 'PT2H')).to.equal('2026-01-12T10:00:00.000Z');
    });

    it('should make one working day after Friday 17:00, Friday evening or Saturday end on Monday at closing time (issue 7)', () => {
      expect(add(office, '2026-01-09T17:00:00Z', 'P1D')).to.equal('2026-01-12T17:00:00.000Z');
      expect(add(office, '2026-01-09T19:30:00Z', 'P1D')).to.equal('2026-01-12T17:00:00.000Z');
      expect(add(office, '2026-01-10T12:00:00Z', 'P1D')).to.equal('2026-01-12T17:00:00.000Z');
      // a request before Monday's opening has Monday as its one working day
      expect(add(office, '2026-01-12T07:00:00Z', 'P1D')).to.equal('2026-01-12T17:00:00.000Z');
      // and with Monday a holiday, the working day is Tuesday
      expect(add({ ...office, holidays: ['2026-01-12'] }, '2026-01-09T19:30:00Z', 'P1D')).to.equal('2026-01-13T17:00:00.000Z');
    });

    it('should count days as working days, keeping the time of day', () => {
      expect(add(office, '2026-01-05T10:00:00Z', 'P2D')).to.equal('2026-01-07T10:00:00.000Z');
      expect(add(office, '2026-01-09T10:00:00Z', 'P1D')).to.equal('2026-01-12T10:00:00.000Z');
      // a week is as many working days as the calendar has in a week
      expect(add(office, '2026-01-05T10:00:00Z', 'P1W')).to.equal('2026-01-12T10:00:00.000Z');
    });

    it('should skip a holiday', () => {
      const withHoliday = { ...office, holidays: ['2026-01-12'] };
      expect(add(withHoliday, '2026-01-09T16:00:00Z', 'PT2H')).to.equal('2026-01-13T10:00:00.000Z');
      expect(add(withHoliday, '2026-01-09T10:00:00Z', 'P1D')).to.equal('2026-01-13T10:00:00.000Z');
    });

    it('should start counting at the next opening when it starts outside working hours', () => {
      expect(add(office, '2026-01-10T12:00:00Z', 'PT4H')).to.equal('2026-01-12T13:00:00.000Z');
      expect(add(office, '2026-01-05T06:00:00Z', 'PT1H')).to.equal('2026-01-05T10:00:00.000Z');
      expect(add(office, '2026-01-05T18:00:00Z', 'PT1H')).to.equal('2026-01-06T10:00:00.000Z');
      expect(add(office, '2026-01-10T12:00:00Z', 'PT0S')).to.equal('2026-01-12T09:00:00.000Z');
    });

    it('should end work that fills the day at closing time, and carry longer work over', () => {
      expect(add(office, '2026-01-05T09:00:00Z', 'PT8H')).to.equal('2026-01-05T17:00:00.000Z');
      expect(add(office, '2026-01-05T09:00:00Z', 'PT16H')).to.equal('2026-01-06T17:00:00.000Z');
      expect(add(office, '2026-01-05T16:59:00Z', 'PT90S')).to.equal('2026-01-06T09:00:30.000Z');
    });

    it('should move months on the calendar, then to the next working moment', () => {
      // given Friday Jan 30, when P1M is added, then Feb 28 is a Saturday, so Monday Mar 2 09:00
      expect(add(office, '2026-01-30T10:00:00Z', 'P1M')).to.equal('2026-03-02T09:00:00.000Z');
      expect(add(office, '2026-01-05T10:00:00Z', 'P1Y')).to.equal('2027-01-05T10:00:00.000Z');
    });

    it('should count working hours across the start of summer time in Berlin', () => {
      const berlin = { ...office, timeZone: 'Europe/Berlin' };
      // given Friday 2026-03-27 16:00 CET, when PT2H is added, then Monday 10:00 CEST (08:00Z, not 09:00Z)
      expect(add(berlin, '2026-03-27T15:00:00Z', 'PT2H')).to.equal('2026-03-30T08:00:00.000Z');
      // and P1D from Friday 10:00 CET is Monday 10:00 CEST
      expect(add(berlin, '2026-03-27T09:00:00Z', 'P1D')).to.equal('2026-03-30T08:00:00.000Z');
      expect(isBusinessTime(berlin, at('2026-03-30T07:30:00Z'))).to.equal(true);
      expect(isBusinessTime(berlin, at('2026-03-27T07:30:00Z'))).to.equal(false);
    });

    it('should count elapsed hours on a round-the-clock calendar over the shorter DST day', () => {
      const always = { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5, 6, 7], workingHours: { start: '00:00', end: '24:00' }, holidays: [] };
      // given Saturday 12:00 CET, then PT24H is 24 real hours, and P1D is Sunday 12:00 CEST (23 hours)
      expect(add(always, '2026-03-28T11:00:00Z', 'PT24H')).to.equal('2026-03-29T11:00:00.000Z');
      expect(add(always, '2026-03-28T11:00:00Z', 'P1D')).to.equal('2026-03-29T10:00:00.000Z');
    });

    it('should accept a validated calendar and a parsed duration as well', () => {
      const calendar = BusinessCalendar.from(office);
      const duration = Temporal.Duration.from({ hours: 1, minutes: 30 });
      expect(iso(addBusinessDuration(calendar, at('2026-01-05T16:00:00Z'), duration))).to.equal('2026-01-06T09:30:00.000Z');
    });

    it('should count long durations quickly', () => {
      // 3600 working days are 720 weeks; 28800 hours fill 3600 eight-hour days, ending on a Friday at closing
      expect(add(office, '2026-01-05T10:00:00Z', 'P3600D')).to.equal('2039-10-24T10:00:00.000Z');
      expect(add(office, '2026-01-05T09:00:00Z', 'PT28800H')).to.equal('2039-10-21T17:00:00.000Z');
    });

    it('should refuse durations too long to count day by day', () => {
      expect(() => add(office, '2026-01-05T10:00:00Z', 'P5000D')).to.throw('5000 working days is too long for a business calendar; use years or months');
      expect(() => add(office, '2026-01-05T10:00:00Z', 'PT30000H')).to.throw('the duration is too long to count in working hours');
    });
  });
});
