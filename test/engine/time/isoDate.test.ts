import { expect } from 'chai';
import { parseDateTime } from '../../../engine/time/isoDate.js';

const parse = (text: string) => parseDateTime(text).toISOString();

describe('ISO 8601 date-times', () => {
  it('should read Z and every form of offset', () => {
    expect(parse('2026-03-01T09:00:00Z')).to.equal('2026-03-01T09:00:00.000Z');
    expect(parse('2026-03-01T09:00:00+01:00')).to.equal('2026-03-01T08:00:00.000Z');
    expect(parse('2026-03-01T09:00:00+0100')).to.equal('2026-03-01T08:00:00.000Z');
    expect(parse('2026-03-01T09:00:00+01')).to.equal('2026-03-01T08:00:00.000Z');
    expect(parse('2026-03-01T09:00:00-05:30')).to.equal('2026-03-01T14:30:00.000Z');
  });

  it('should read a date-time without zone in the zone it is given, never the server\'s', () => {
    expect(parseDateTime('2026-03-01T09:00:00', 'Europe/Berlin').toISOString()).to.equal('2026-03-01T08:00:00.000Z');
    expect(parseDateTime('2026-03-01', 'America/New_York').toISOString()).to.equal('2026-03-01T05:00:00.000Z');
    expect(parseDateTime('2026-03-01T09:00:00Z', 'Europe/Berlin').toISOString()).to.equal('2026-03-01T09:00:00.000Z');
  });

  it('should read a date-time without zone as UTC, and a plain date as midnight UTC', () => {
    expect(parse('2026-03-01T09:00:00')).to.equal('2026-03-01T09:00:00.000Z');
    expect(parse('2026-03-01T09:00')).to.equal('2026-03-01T09:00:00.000Z');
    expect(parse('2026-03-01')).to.equal('2026-03-01T00:00:00.000Z');
  });

  it('should keep milliseconds of fractional seconds', () => {
    expect(parse('2026-03-01T09:00:00.123456Z')).to.equal('2026-03-01T09:00:00.123Z');
    expect(parse('2026-03-01T09:00:00.5Z')).to.equal('2026-03-01T09:00:00.500Z');
  });

  it('should read an IANA zone as FEEL and java.time write it', () => {
    expect(parse('2026-03-01T09:00:00@Europe/Berlin')).to.equal('2026-03-01T08:00:00.000Z');
    expect(parse('2026-07-01T09:00:00[Europe/Berlin]')).to.equal('2026-07-01T07:00:00.000Z');
    // given both an offset and a zone, then the offset decides
    expect(parse('2026-07-01T09:00:00+02:00[Europe/Berlin]')).to.equal('2026-07-01T07:00:00.000Z');
  });

  it('should move a time in the spring gap forward and take the earlier of an autumn overlap', () => {
    // 02:30 does not exist in Berlin on 2026-03-29: it becomes 03:30 CEST
    expect(parse('2026-03-29T02:30:00@Europe/Berlin')).to.equal('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on 2026-10-25: the first, in CEST
    expect(parse('2026-10-25T02:30:00@Europe/Berlin')).to.equal('2026-10-25T00:30:00.000Z');
  });

  it('should accept Feb 29 in a leap year', () => {
    expect(parse('2028-02-29T12:00:00Z')).to.equal('2028-02-29T12:00:00.000Z');
  });

  it('should refuse garbage and impossible dates, saying what is wrong', () => {
    expect(() => parseDateTime('tomorrow')).to.throw("'tomorrow' is not an ISO 8601 date-time such as 2026-03-01T09:00:00Z");
    expect(() => parseDateTime('2026-03-01T09:00:00Zx')).to.throw('is not an ISO 8601 date-time');
    expect(() => parseDateTime('2026-13-01T00:00:00Z')).to.throw("'2026-13-01T00:00:00Z' is not a valid date-time: its month, day or time of day is out of range");
    expect(() => parseDateTime('2026-02-30T00:00:00Z')).to.throw("'2026-02-30T00:00:00Z' is not a valid date-time: Invalid day: 30; must be between 1-28");
    expect(() => parseDateTime('2026-02-29')).to.throw('Invalid day: 29');
    expect(() => parseDateTime('2026-03-01T25:00:00Z')).to.throw("'2026-03-01T25:00:00Z' is not a valid date-time: its month, day or time of day is out of range");
    expect(() => parseDateTime('2026-03-01T09:00:00+19:00')).to.throw('offset +19:00 is out of range');
    expect(() => parseDateTime('2026-03-01T09:00:00@Mars/Olympus')).to.throw("'Mars/Olympus' is not a known IANA time zone");
  });
});
