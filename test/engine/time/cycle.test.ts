import { expect } from 'chai';
import { firstCycleDue, nextCycleDue, validateCycle } from '../../../engine/time/cycle.js';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

describe('timer cycles', () => {
  const now = at('2026-01-05T09:00:00Z');

  describe('repeating intervals without start', () => {
    it('should fire R3/PT1H one hour after arming, then count the repetitions down to none', () => {
      // given a cycle of three, armed at 09:00
      const first = firstCycleDue('R3/PT1H', now);
      expect(first).to.deep.equal({ dueAt: at('2026-01-05T10:00:00Z'), remaining: 2 });
      // when each occurrence fires, then the next is an hour later with one fewer left
      const second = nextCycleDue('R3/PT1H', first.remaining, first.dueAt)!;
      expect(second).to.deep.equal({ dueAt: at('2026-01-05T11:00:00Z'), remaining: 1 });
      const third = nextCycleDue('R3/PT1H', second.remaining, second.dueAt)!;
      expect(third).to.deep.equal({ dueAt: at('2026-01-05T12:00:00Z'), remaining: 0 });
      // and after the third there is none
      expect(nextCycleDue('R3/PT1H', third.remaining, third.dueAt)).to.equal(null);
    });

    it('should fire R1 once', () => {
      const only = firstCycleDue('R1/PT1H', now);
      expect(only.remaining).to.equal(0);
      expect(nextCycleDue('R1/PT1H', only.remaining, only.dueAt)).to.equal(null);
    });

    it('should repeat R/PT10M without end', () => {
      const first = firstCycleDue('R/PT10M', now);
      expect(first).to.deep.equal({ dueAt: at('2026-01-05T09:10:00Z'), remaining: null });
      expect(nextCycleDue('R/PT10M', null, first.dueAt)).to.deep.equal({ dueAt: at('2026-01-05T09:20:00Z'), remaining: null });
    });
  });

  describe('repeating intervals with start', () => {
    it('should fire first at a start that lies ahead, then every interval', () => {
      const first = firstCycleDue('R3/2026-03-01T09:00:00Z/P1D', now);
      expect(first).to.deep.equal({ dueAt: at('2026-03-01T09:00:00Z'), remaining: 2 });
      expect(nextCycleDue('R3/2026-03-01T09:00:00Z/P1D', 2, first.dueAt)).to.deep.equal({ dueAt: at('2026-03-02T09:00:00Z'), remaining: 1 });
    });

    it('should begin a cycle whose start is past at its next occurrence, counting the spent ones', () => {
      // given a cycle that started on Jan 1 at 08:00, armed on Jan 5 at 09:00
      expect(firstCycleDue('R/2026-01-01T08:00:00Z/P1D', now)).to.deep.equal({ dueAt: at('2026-01-06T08:00:00Z'), remaining: null });
      // then of R10 five occurrences (Jan 1–5) are spent, Jan 6 is the sixth, and four remain
      expect(firstCycleDue('R10/2026-01-01T08:00:00Z/P1D', now)).to.deep.equal({ dueAt: at('2026-01-06T08:00:00Z'), remaining: 4 });
    });

    it('should fire an occurrence that is due exactly now', () => {
      expect(iso(firstCycleDue('R/2026-01-01T09:00:00Z/P1D', now).dueAt)).to.equal('2026-01-05T09:00:00.000Z');
    });

    it('should refuse a bounded cycle whose repetitions all lie in the past', () => {
      expect(() => firstCycleDue('R3/2026-01-01T08:00:00Z/P1D', now)).to.throw(
        "'R3/2026-01-01T08:00:00Z/P1D' has no repetition left: the last was due 2026-01-03T08:00:00.000Z",
      );
    });

    it('should repeat a monthly cycle from Jan 31 without drifting to the 28th', () => {
      const expression = 'R/2026-01-31T10:00:00Z/P1M';
      let due = firstCycleDue(expression, at('2026-01-01T00:00:00Z')).dueAt;
      const dues = [iso(due)];
      for (let i = 0; i < 3; i++) dues.push(iso((due = nextCycleDue(expression, null, due)!.dueAt)));
      expect(dues).to.deep.equal(['2026-01-31T10:00:00.000Z', '2026-02-28T10:00:00.000Z', '2026-03-31T10:00:00.000Z', '2026-04-30T10:00:00.000Z']);
    });

    it('should find the next occurrence of a long-running cycle without walking through every past one', () => {
      expect(iso(firstCycleDue('R/2000-01-01T00:00:00Z/PT1S', at('2026-01-05T09:00:00.500Z')).dueAt)).to.equal('2026-01-05T09:00:01.000Z');
      expect(iso(firstCycleDue('R/2000-01-31T00:00:00Z/P1M', now).dueAt)).to.equal('2026-01-31T00:00:00.000Z');
    });

    it('should keep the local time of a daily cycle across a DST change in its time zone', () => {
      const expression = 'R/2026-03-27T09:00:00@Europe/Berlin/P1D';
      const first = firstCycleDue(expression, at('2026-03-27T12:00:00Z'), 'Europe/Berlin');
      // Saturday 09:00 CET, then Sunday 09:00 CEST
      expect(iso(first.dueAt)).to.equal('2026-03-28T08:00:00.000Z');
      expect(iso(nextCycleDue(expression, null, first.dueAt, 'Europe/Berlin')!.dueAt)).to.equal('2026-03-29T07:00:00.000Z');
    });
  });

  describe('cron', () => {
    it('should follow a 6-field Spring cron with seconds, as Camunda 8 accepts', () => {
      // given Friday 10:00, when the weekday 09:00 cron is armed, then it fires Monday 09:00, then Tuesday
      const first = firstCycleDue('0 0 9 * * MON-FRI', at('2026-01-09T10:00:00Z'));
      expect(first).to.deep.equal({ dueAt: at('2026-01-12T09:00:00Z'), remaining: null });
      expect(iso(nextCycleDue('0 0 9 * * MON-FRI', null, first.dueAt)!.dueAt)).to.equal('2026-01-13T09:00:00.000Z');
    });

    it('should follow a standard 5-field cron and macros', () => {
      expect(iso(firstCycleDue('*/15 * * * *', at('2026-01-09T10:01:00Z')).dueAt)).to.equal('2026-01-09T10:15:00.000Z');
      expect(iso(firstCycleDue('0 9 * * 1-5', at('2026-01-09T10:00:00Z')).dueAt)).to.equal('2026-01-12T09:00:00.000Z');
      expect(iso(firstCycleDue('@daily', at('2026-01-09T10:00:00Z')).dueAt)).to.equal('2026-01-10T00:00:00.000Z');
    });

    it('should read cron fields in the given time zone', () => {
      // 09:00 in Berlin is 08:00Z in winter and 07:00Z after the change on 2026-03-29
      expect(iso(firstCycleDue('0 0 9 * * *', at('2026-03-27T10:00:00Z'), 'Europe/Berlin').dueAt)).to.equal('2026-03-28T08:00:00.000Z');
      expect(iso(nextCycleDue('0 0 9 * * *', null, at('2026-03-28T08:00:00Z'), 'Europe/Berlin')!.dueAt)).to.equal('2026-03-29T07:00:00.000Z');
    });
  });

  describe('validation', () => {
    const problem = (expression: string) => {
      try {
        validateCycle(expression);
        return undefined;
      } catch (e) {
        return (e as Error).message;
      }
    };

    it('should accept intervals and cron expressions', () => {
      for (const ok of ['R5/PT1H', 'R/PT10M', 'R3/2026-03-01T09:00:00Z/P1D', '0 0 9 * * MON-FRI', '*/5 * * * *', '@hourly']) expect(problem(ok), ok).to.equal(undefined);
    });

    it('should name what is wrong with each bad cycle', () => {
      expect(problem('R0/PT1H')).to.equal("'R0/PT1H' repeats zero times");
      expect(problem('R3/PT0S')).to.equal("'R3/PT0S' repeats every zero seconds");
      expect(problem('R/PT0.0001S')).to.equal("'R/PT0.0001S' repeats more often than once a millisecond");
      expect(problem('R5')).to.equal("'R5' is not a repeating interval such as R5/PT1H or R/2026-03-01T09:00:00Z/P1D");
      expect(problem('R5/1 hour')).to.equal("'R5/1 hour': '1 hour' is not an ISO 8601 duration such as PT15M, P1D or P1M");
      expect(problem('R5/2026-02-30T00:00:00Z/PT1H')).to.match(/^'R5\/2026-02-30T00:00:00Z\/PT1H': .*Invalid day: 30/);
      expect(problem('every day')).to.equal("'every day' is neither a repeating interval (R5/PT1H) nor a cron expression of 5 or 6 fields");
      expect(problem('PT1H')).to.equal(
        "'PT1H' is neither a repeating interval (R5/PT1H) nor a cron expression of 5 or 6 fields ('PT1H' is a duration: a cycle repeats one, as in R/PT1H or R5/PT1H)",
      );
      expect(problem('0 0 9 * * FUNDAY')).to.match(/^'0 0 9 \* \* FUNDAY' is not a cron expression: /);
      expect(problem('61 * * * *')).to.match(/^'61 \* \* \* \*' is not a cron expression: .*61/);
    });
  });
});
