import { expect } from 'chai';
import { addDuration, parseDuration } from '../../../engine/time/isoDuration.js';

const add = (start: string, duration: string, timeZone?: string) => addDuration(new Date(start), parseDuration(duration), timeZone).toISOString();

describe('ISO 8601 durations', () => {
  describe('calendar months and years', () => {
    it('should clamp Jan 31 + P1M to the last day of February, in common and leap years', () => {
      // given the last day of January, when one month is added, then the day is clamped
      expect(add('2026-01-31T10:00:00Z', 'P1M')).to.equal('2026-02-28T10:00:00.000Z');
      expect(add('2028-01-31T10:00:00Z', 'P1M')).to.equal('2028-02-29T10:00:00.000Z');
      expect(add('2026-03-31T10:00:00Z', 'P1M')).to.equal('2026-04-30T10:00:00.000Z');
    });

    it('should turn Feb 29 + P1Y into Feb 28, and Feb 29 + P4Y into Feb 29', () => {
      expect(add('2028-02-29T00:00:00Z', 'P1Y')).to.equal('2029-02-28T00:00:00.000Z');
      expect(add('2028-02-29T00:00:00Z', 'P4Y')).to.equal('2032-02-29T00:00:00.000Z');
    });

    it('should add months before days, as java.time does', () => {
      // given Jan 31, when P1M1D is added, then Feb 28 + 1 day = Mar 1
      expect(add('2026-01-31T00:00:00Z', 'P1M1D')).to.equal('2026-03-01T00:00:00.000Z');
    });

    it('should add a hundred years and a 30-day reminder without overflowing', () => {
      expect(add('2026-01-05T09:00:00Z', 'P100Y')).to.equal('2126-01-05T09:00:00.000Z');
      expect(add('2026-01-05T09:00:00Z', 'P30D')).to.equal('2026-02-04T09:00:00.000Z');
      expect(add('2026-01-05T09:00:00Z', 'P1200M')).to.equal('2126-01-05T09:00:00.000Z');
    });
  });

  describe('weeks, days and time', () => {
    it('should add two weeks as fourteen days', () => {
      expect(add('2026-01-05T09:00:00Z', 'P2W')).to.equal('2026-01-19T09:00:00.000Z');
    });

    it('should add fractional seconds, with a dot or a comma', () => {
      expect(add('2026-01-05T09:00:00Z', 'PT0.5S')).to.equal('2026-01-05T09:00:00.500Z');
      expect(add('2026-01-05T09:00:00Z', 'PT1,25S')).to.equal('2026-01-05T09:00:01.250Z');
    });

    it('should add every field of P1Y2M10DT2H30M', () => {
      expect(add('2026-01-05T09:00:00Z', 'P1Y2M10DT2H30M')).to.equal('2027-03-15T11:30:00.000Z');
    });
  });

  describe('in a time zone', () => {
    it('should keep the wall-clock time when a day crosses the start of summer time in Berlin', () => {
      // given Saturday 12:00 CET before the last Sunday of March 2026
      const saturdayNoon = '2026-03-28T11:00:00Z';
      // when one day is added in Europe/Berlin, then it is Sunday 12:00 CEST (23 hours later)
      expect(add(saturdayNoon, 'P1D', 'Europe/Berlin')).to.equal('2026-03-29T10:00:00.000Z');
      // and in UTC a day is 24 hours
      expect(add(saturdayNoon, 'P1D')).to.equal('2026-03-29T11:00:00.000Z');
      // and PT24H is always elapsed time
      expect(add(saturdayNoon, 'PT24H', 'Europe/Berlin')).to.equal('2026-03-29T11:00:00.000Z');
    });

    it('should refuse an unknown time zone', () => {
      expect(() => add('2026-01-05T09:00:00Z', 'P1D', 'Mars/Olympus')).to.throw("'Mars/Olympus' is not a known IANA time zone");
    });
  });

  describe('errors', () => {
    it('should refuse what is not a duration, naming it', () => {
      expect(() => parseDuration('P')).to.throw("'P' is not an ISO 8601 duration such as PT15M, P1D or P1M");
      expect(() => parseDuration('PT')).to.throw("'PT' is not an ISO 8601 duration");
      expect(() => parseDuration('1 hour')).to.throw("'1 hour' is not an ISO 8601 duration");
      expect(() => parseDuration('P1.5D')).to.throw("'P1.5D' is not an ISO 8601 duration");
      expect(() => parseDuration('PT1H30')).to.throw("'PT1H30' is not an ISO 8601 duration");
    });

    it('should refuse a negative duration', () => {
      expect(() => parseDuration('-PT1H')).to.throw("'-PT1H' is a negative duration; a timer needs a positive one such as PT1H");
    });

    it('should refuse absurdly long durations and results beyond the range of dates', () => {
      expect(() => parseDuration('P999999999Y')).to.throw("'P999999999Y' is too long a duration");
      expect(() => add('2026-01-05T09:00:00Z', 'P99999999Y')).to.throw('beyond the supported range of dates');
      expect(() => add('2026-01-05T09:00:00Z', 'P99999999Y', 'Europe/Berlin')).to.throw('beyond the supported range of dates');
    });

    it('should refuse to add to an invalid date', () => {
      expect(() => addDuration(new Date('nonsense'), parseDuration('P1D'))).to.throw('cannot add a duration to an invalid date');
    });
  });
});
