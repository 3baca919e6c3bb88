import { expect } from 'chai';
import { Temporal } from 'temporal-polyfill';
import { fromLocal, isTimeZone, zoned } from '../../../engine/time/timeZone.js';

const local = (year: number, month: number, day: number, hour: number, minute = 0) => new Temporal.PlainDateTime(year, month, day, hour, minute);

describe('time zones', () => {
  it('should know IANA zones and UTC, and not invented ones', () => {
    expect(isTimeZone('Europe/Berlin')).to.equal(true);
    expect(isTimeZone('UTC')).to.equal(true);
    expect(isTimeZone('Europe/Atlantis')).to.equal(false);
  });

  it("should give an instant's wall-clock time and offset in a zone", () => {
    const spring = zoned(new Date('2026-03-29T01:30:00.250Z'), 'Europe/Berlin');
    expect(spring.toPlainDateTime().toString()).to.equal('2026-03-29T03:30:00.25');
    expect(zoned(new Date('2026-01-05T12:00:00Z'), 'Europe/Berlin').offset).to.equal('+01:00');
    expect(zoned(new Date('2026-07-05T12:00:00Z'), 'Europe/Berlin').offset).to.equal('+02:00');
  });

  it('should turn local times into instants, moving gap times forward and taking the earlier of overlaps', () => {
    expect(fromLocal(local(2026, 3, 29, 1, 30), 'Europe/Berlin').toISOString()).to.equal('2026-03-29T00:30:00.000Z');
    expect(fromLocal(local(2026, 3, 29, 2, 30), 'Europe/Berlin').toISOString()).to.equal('2026-03-29T01:30:00.000Z');
    expect(fromLocal(local(2026, 10, 25, 2, 30), 'Europe/Berlin').toISOString()).to.equal('2026-10-25T00:30:00.000Z');
    expect(fromLocal(local(2026, 1, 5, 9), 'America/New_York').toISOString()).to.equal('2026-01-05T14:00:00.000Z');
  });
});
