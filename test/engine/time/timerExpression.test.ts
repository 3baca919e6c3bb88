import { expect } from 'chai';
import { dateAndTime, duration } from 'feelin';
import { addDuration, parseDuration } from '../../../engine/time/isoDuration.js';
import { parseDateTime } from '../../../engine/time/isoDate.js';
import { nextTimer, resolveTimer, validateTimerLiteral } from '../../../engine/time/timerExpression.js';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

describe('timer values', () => {
  describe('durations', () => {
    it('should add a calendar month, clamping to the end of a shorter month', () => {
      expect(iso(addDuration(at('2026-01-31T10:00:00Z'), parseDuration('P1M')))).to.equal('2026-02-28T10:00:00.000Z');
      expect(iso(addDuration(at('2028-01-31T10:00:00Z'), parseDuration('P1M')))).to.equal('2028-02-29T10:00:00.000Z');
    });

    it('should add a year to a leap day as Feb 28', () => {
      expect(iso(addDuration(at('2028-02-29T00:00:00Z'), parseDuration('P1Y')))).to.equal('2029-02-28T00:00:00.000Z');
    });

    it('should add 30 days, two weeks, a hundred years and half a second without overflow', () => {
      const start = at('2026-01-05T09:00:00Z');
      expect(iso(addDuration(start, parseDuration('P30D')))).to.equal('2026-02-04T09:00:00.000Z');
      expect(iso(addDuration(start, parseDuration('P2W')))).to.equal('2026-01-19T09:00:00.000Z');
      expect(iso(addDuration(start, parseDuration('P100Y')))).to.equal('2126-01-05T09:00:00.000Z');
      expect(iso(addDuration(start, parseDuration('PT0.5S')))).to.equal('2026-01-05T09:00:00.500Z');
      expect(iso(addDuration(start, parseDuration('P1Y2M10DT2H30M')))).to.equal('2027-03-15T11:30:00.000Z');
    });

    it('should refuse what is not a duration, naming it', () => {
      expect(() => parseDuration('P')).to.throw(/'P' is not an ISO 8601 duration/);
      expect(() => parseDuration('-PT1H')).to.throw(/not an ISO 8601 duration/);
      expect(() => parseDuration('PT')).to.throw(/not an ISO 8601 duration/);
      expect(() => parseDuration('1 hour')).to.throw(/'1 hour'/);
    });
  });

  describe('date-times', () => {
    it('should read offsets, Z, and no zone as UTC', () => {
      expect(iso(parseDateTime('2026-03-01T09:00:00+01:00'))).to.equal('2026-03-01T08:00:00.000Z');
      expect(iso(parseDateTime('2026-03-01T09:00:00Z'))).to.equal('2026-03-01T09:00:00.000Z');
      expect(iso(parseDateTime('2026-03-01T09:00'))).to.equal('2026-03-01T09:00:00.000Z');
      expect(iso(parseDateTime('2026-03-01'))).to.equal('2026-03-01T00:00:00.000Z');
    });

    it('should refuse impossible dates', () => {
      expect(() => parseDateTime('2026-13-01T00:00:00Z')).to.throw(/not a valid date-time/);
      expect(() => parseDateTime('tomorrow')).to.throw(/'tomorrow' is not an ISO 8601 date-time/);
    });
  });

  describe('cycles', () => {
    const now = at('2026-01-05T09:00:00Z');

    it('should count the repetitions of R3/PT1H down to none', () => {
      const first = resolveTimer('cycle', 'R3/PT1H', now);
      expect(iso(first.dueAt)).to.equal('2026-01-05T10:00:00.000Z');
      expect(first.cycle).to.deep.equal({ expression: 'R3/PT1H', remaining: 2 });
      const second = nextTimer(first.cycle!, first.dueAt)!;
      const third = nextTimer(second.cycle, second.dueAt)!;
      expect([iso(second.dueAt), iso(third.dueAt)]).to.deep.equal(['2026-01-05T11:00:00.000Z', '2026-01-05T12:00:00.000Z']);
      expect(nextTimer(third.cycle, third.dueAt)).to.equal(null);
    });

    it('should repeat an unbounded cycle forever', () => {
      const first = resolveTimer('cycle', 'R/PT10M', now);
      expect(first.cycle!.remaining).to.equal(null);
      expect(iso(nextTimer(first.cycle!, first.dueAt)!.dueAt)).to.equal('2026-01-05T09:20:00.000Z');
    });

    it('should start a cycle with a future start at the start, and one with a past start at its next occurrence', () => {
      expect(iso(resolveTimer('cycle', 'R3/2026-03-01T09:00:00Z/P1D', now).dueAt)).to.equal('2026-03-01T09:00:00.000Z');
      const past = resolveTimer('cycle', 'R/2026-01-01T08:00:00Z/P1D', now);
      expect(iso(past.dueAt)).to.equal('2026-01-06T08:00:00.000Z');
    });

    it('should follow 6-field and 5-field cron expressions', () => {
      const weekdays = resolveTimer('cycle', '0 0 9 * * MON-FRI', at('2026-01-09T10:00:00Z'));
      expect(iso(weekdays.dueAt)).to.equal('2026-01-12T09:00:00.000Z');
      expect(iso(nextTimer(weekdays.cycle!, weekdays.dueAt)!.dueAt)).to.equal('2026-01-13T09:00:00.000Z');
      expect(iso(resolveTimer('cycle', '*/15 * * * *', at('2026-01-09T10:01:00Z')).dueAt)).to.equal('2026-01-09T10:15:00.000Z');
    });
  });

  describe('FEEL values', () => {
    it('should take FEEL date-times and durations as timer values', () => {
      const now = at('2026-01-05T09:00:00Z');
      expect(iso(resolveTimer('date', dateAndTime('2026-06-30T00:00:00Z'), now).dueAt)).to.equal('2026-06-30T00:00:00.000Z');
      expect(iso(resolveTimer('duration', duration('P1M'), now).dueAt)).to.equal('2026-02-05T09:00:00.000Z');
    });

    it('should refuse a value that is neither', () => {
      expect(() => resolveTimer('duration', 42, at('2026-01-05T09:00:00Z'))).to.throw(/expected a date, duration or cycle, got 42/);
    });
  });

  describe('validation of literals', () => {
    it('should explain what is wrong with each kind', () => {
      expect(validateTimerLiteral('duration', 'PT1H')).to.equal(undefined);
      expect(validateTimerLiteral('duration', '')).to.match(/no duration/);
      expect(validateTimerLiteral('date', '2026-02-30x')).to.match(/not an ISO 8601 date-time/);
      expect(validateTimerLiteral('cycle', 'R0/PT1H')).to.match(/repeats zero times/);
      expect(validateTimerLiteral('cycle', 'R3/PT0S')).to.match(/every zero seconds/);
      expect(validateTimerLiteral('cycle', '0 0 9 * * FUNDAY')).to.match(/not a cron expression/);
      expect(validateTimerLiteral('cycle', 'every day')).to.match(/neither a repeating interval/);
    });
  });
});
