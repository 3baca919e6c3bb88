import { expect } from 'chai';
import { dayOf, describeDue, roughly } from '../../../../modeler/src/features/tasks/dates.js';

/** Local times, as the browser shows them (the test runs in the machine's zone). */
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

describe('task list dates in words', () => {
  const now = local(2026, 3, 10, 9, 30);

  it('should say how long a task is overdue, trusting the server when it says overdue', () => {
    expect(describeDue(local(2026, 3, 8, 9, 0).toISOString(), true, now)).to.deep.equal({ text: 'Overdue by 2 days', tone: 'overdue' });
    expect(describeDue(local(2026, 3, 10, 7, 0).toISOString(), true, now).text).to.equal('Overdue by 2 hours');
    expect(describeDue(local(2026, 3, 10, 9, 29).toISOString(), false, now).text).to.equal('Overdue by 1 minute');
    // the server's clock said overdue although the browser's clock is a little behind
    expect(describeDue(local(2026, 3, 10, 9, 31).toISOString(), true, now).tone).to.equal('overdue');
  });

  it('should name today and tomorrow, count days within a week, and give the date beyond', () => {
    expect(describeDue(local(2026, 3, 10, 23, 59).toISOString(), false, now)).to.include({ tone: 'today' }).and.to.have.property('text').that.match(/^Due today, /);
    expect(describeDue(local(2026, 3, 11, 0, 0).toISOString(), false, now).text).to.match(/^Due tomorrow, /);
    expect(describeDue(local(2026, 3, 14, 12, 0).toISOString(), false, now)).to.deep.equal({ text: 'Due in 4 days', tone: 'soon' });
    expect(describeDue(local(2026, 4, 30, 12, 0).toISOString(), false, now)).to.include({ tone: 'later' }).and.to.have.property('text').that.match(/^Due /);
  });

  it("should take today as the local day from midnight to midnight (the 'due today' filter)", () => {
    expect(dayOf(now)).to.deep.equal({ start: local(2026, 3, 10), end: local(2026, 3, 11) });
    expect(dayOf(local(2026, 12, 31, 23, 59)).end).to.deep.equal(local(2027, 1, 1));
  });

  it('should round lengths of time down to what people say', () => {
    expect([roughly(30_000), roughly(3_600_000), roughly(86_400_000 * 1.5), roughly(86_400_000 * 9)]).to.deep.equal(['1 minute', '1 hour', '1 day', '9 days']);
  });
});
