import { expect } from 'chai';
import { date, dateAndTime, duration, time } from 'feelin';
import { nextTimer, resolveTimer, validateTimerLiteral } from '../../../engine/time/timerExpression.js';
import type { BusinessCalendarDefinition } from '../../../engine/time/BusinessCalendar.js';
import { ValidationError } from '../../../engine/errors/LifelineError.js';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();
const now = at('2026-01-05T09:00:00Z');
const officeHours: BusinessCalendarDefinition = { timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5], workingHours: { start: '09:00', end: '17:00' }, holidays: [] };
const berlin: BusinessCalendarDefinition = { ...officeHours, timeZone: 'Europe/Berlin' };

describe('timer expressions', () => {
  describe('validation of literals', () => {
    it('should accept a valid literal of each kind', () => {
      expect(validateTimerLiteral('date', '2026-03-01T09:00:00+01:00')).to.equal(undefined);
      expect(validateTimerLiteral('duration', 'P30D')).to.equal(undefined);
      expect(validateTimerLiteral('cycle', 'R/PT10M')).to.equal(undefined);
      expect(validateTimerLiteral('cycle', '0 0 9 * * MON-FRI')).to.equal(undefined);
    });

    it('should say that a literal is missing, with an example', () => {
      expect(validateTimerLiteral('date', ' ')).to.equal('the timer has no date; give one such as 2026-03-01T09:00:00Z');
      expect(validateTimerLiteral('duration', '')).to.equal('the timer has no duration; give one such as PT15M');
      expect(validateTimerLiteral('cycle', '')).to.equal('the timer has no cycle; give one such as R5/PT1H');
    });

    it('should explain what is wrong with each kind', () => {
      expect(validateTimerLiteral('date', '2026-02-30x')).to.equal("'2026-02-30x' is not an ISO 8601 date-time such as 2026-03-01T09:00:00Z");
      expect(validateTimerLiteral('date', '2026-02-30T00:00:00Z')).to.equal("'2026-02-30T00:00:00Z' is not a valid date-time: Invalid day: 30; must be between 1-28");
      expect(validateTimerLiteral('duration', '1h')).to.equal("'1h' is not an ISO 8601 duration such as PT15M, P1D or P1M");
      expect(validateTimerLiteral('duration', '-PT1H')).to.equal("'-PT1H' is a negative duration; a timer needs a positive one such as PT1H");
      expect(validateTimerLiteral('cycle', 'R0/PT1H')).to.equal("'R0/PT1H' repeats zero times");
      expect(validateTimerLiteral('cycle', 'R3/PT0S')).to.equal("'R3/PT0S' repeats every zero seconds");
      expect(validateTimerLiteral('cycle', '0 0 9 * * FUNDAY')).to.match(/is not a cron expression/);
      expect(validateTimerLiteral('cycle', 'every day')).to.match(/neither a repeating interval/);
    });
  });

  describe('resolving values', () => {
    it('should resolve a date literal, a JS Date and FEEL dates to their instant', () => {
      expect(resolveTimer('date', '2026-06-30T00:00:00+02:00', now)).to.deep.equal({ dueAt: at('2026-06-29T22:00:00Z'), cycle: null });
      expect(iso(resolveTimer('date', at('2026-06-30T00:00:00Z'), now).dueAt)).to.equal('2026-06-30T00:00:00.000Z');
      expect(iso(resolveTimer('date', dateAndTime('2026-06-30T00:00:00Z'), now).dueAt)).to.equal('2026-06-30T00:00:00.000Z');
      expect(iso(resolveTimer('date', dateAndTime('2026-06-30T09:00:00@Europe/Berlin'), now).dueAt)).to.equal('2026-06-30T07:00:00.000Z');
      expect(iso(resolveTimer('date', date('2026-06-30'), now).dueAt)).to.equal('2026-06-30T00:00:00.000Z');
    });

    it('should resolve a duration from now, calendar-aware', () => {
      expect(resolveTimer('duration', 'PT15M', now)).to.deep.equal({ dueAt: at('2026-01-05T09:15:00Z'), cycle: null });
      expect(iso(resolveTimer('duration', duration('P1M'), at('2026-01-31T09:00:00Z')).dueAt)).to.equal('2026-02-28T09:00:00.000Z');
    });

    it('should resolve a cycle to its first occurrence and re-arm it until it is done', () => {
      const first = resolveTimer('cycle', ' R2/PT1H ', now);
      expect(first).to.deep.equal({ dueAt: at('2026-01-05T10:00:00Z'), cycle: { expression: 'R2/PT1H', remaining: 1 } });
      const second = nextTimer(first.cycle!, first.dueAt)!;
      expect(second).to.deep.equal({ dueAt: at('2026-01-05T11:00:00Z'), cycle: { expression: 'R2/PT1H', remaining: 0 } });
      expect(nextTimer(second.cycle, second.dueAt)).to.equal(null);
    });
  });

  describe('with a business calendar', () => {
    it('should count a duration in working hours', () => {
      // given Friday 16:00 and office hours 09–17, when PT2H is resolved, then it is due Monday 10:00
      expect(iso(resolveTimer('duration', 'PT2H', at('2026-01-09T16:00:00Z'), { calendar: officeHours }).dueAt)).to.equal('2026-01-12T10:00:00.000Z');
    });

    it("should read a date-time without a zone in the calendar's zone, and in the context's zone without a calendar", () => {
      expect(iso(resolveTimer('date', '2026-01-12T17:00:00', now, { calendar: berlin }).dueAt)).to.equal('2026-01-12T16:00:00.000Z');
      expect(iso(resolveTimer('date', dateAndTime('2026-01-12T17:00:00'), now, { timeZone: 'America/New_York' }).dueAt)).to.equal('2026-01-12T22:00:00.000Z');
      expect(iso(resolveTimer('date', '2026-01-12T17:00:00', now).dueAt)).to.equal('2026-01-12T17:00:00.000Z');
    });

    it('should leave a date untouched', () => {
      // a Saturday stays a Saturday
      expect(iso(resolveTimer('date', '2026-01-10T12:00:00Z', now, { calendar: officeHours }).dueAt)).to.equal('2026-01-10T12:00:00.000Z');
    });

    it("should read a cycle's cron fields in the calendar's time zone", () => {
      // given Friday 11:00 in Berlin, then the weekday 09:00 cron fires Monday 09:00 Berlin time, then Tuesday
      const first = resolveTimer('cycle', '0 0 9 * * MON-FRI', at('2026-01-09T10:00:00Z'), { calendar: berlin });
      expect(iso(first.dueAt)).to.equal('2026-01-12T08:00:00.000Z');
      expect(iso(nextTimer(first.cycle!, first.dueAt, { calendar: berlin })!.dueAt)).to.equal('2026-01-13T08:00:00.000Z');
    });

    it('should refuse an invalid calendar', () => {
      expect(() => resolveTimer('duration', 'PT1H', now, { calendar: { ...officeHours, timeZone: 'Nowhere' } })).to.throw(ValidationError, 'invalid business calendar');
    });
  });

  describe('bad values', () => {
    it('should refuse a value of the wrong type, naming it', () => {
      expect(() => resolveTimer('duration', 42, now)).to.throw('a duration timer expected a text such as PT15M or a FEEL duration, got 42');
      expect(() => resolveTimer('date', undefined, now)).to.throw('a date timer expected a text such as 2026-03-01T09:00:00Z or a FEEL date and time, got undefined');
      expect(() => resolveTimer('cycle', { every: 'hour' }, now)).to.throw('a cycle timer expected a text such as R5/PT1H, got {"every":"hour"}');
      expect(() => resolveTimer('date', time('10:00:00'), now)).to.throw('a date timer expected');
    });

    it('should refuse an invalid Date and bad texts from FEEL', () => {
      expect(() => resolveTimer('date', new Date('nonsense'), now)).to.throw('a date timer got an invalid Date');
      expect(() => resolveTimer('duration', 'soon', now)).to.throw("'soon' is not an ISO 8601 duration");
      expect(() => resolveTimer('duration', duration('-PT1H'), now)).to.throw("'-PT1H' is a negative duration");
      expect(() => resolveTimer('date', duration('P1D'), now)).to.throw("'P1D' is not an ISO 8601 date-time");
    });
  });
});
