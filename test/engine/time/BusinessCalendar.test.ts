import { expect } from 'chai';
import { BusinessCalendar, validateBusinessCalendar, type BusinessCalendarDefinition } from '../../../engine/time/BusinessCalendar.js';
import { ValidationError } from '../../../engine/errors/LifelineError.js';

const valid: BusinessCalendarDefinition = {
  timeZone: 'Europe/Berlin',
  workingDays: [1, 2, 3, 4, 5],
  workingHours: { start: '09:00', end: '17:00' },
  holidays: ['2026-12-24', '2026-12-25'],
};

describe('business calendar definitions', () => {
  it('should accept a valid definition, including hours that end at 24:00', () => {
    expect(validateBusinessCalendar(valid)).to.deep.equal([]);
    expect(validateBusinessCalendar({ ...valid, workingHours: { start: '00:00', end: '24:00' }, holidays: [] })).to.deep.equal([]);
  });

  it('should refuse what is not an object', () => {
    for (const bad of [null, 'Mon-Fri', [valid]]) {
      expect(validateBusinessCalendar(bad)).to.deep.equal(['a business calendar must be an object with timeZone, workingDays, workingHours and holidays']);
    }
  });

  it('should name every problem of a definition', () => {
    expect(validateBusinessCalendar({ ...valid, timeZone: 'Europe/Atlantis' })).to.deep.equal(['timeZone "Europe/Atlantis" is not a known IANA time zone such as Europe/Berlin']);
    expect(validateBusinessCalendar({ ...valid, timeZone: undefined })).to.deep.equal(['timeZone undefined is not a known IANA time zone such as Europe/Berlin']);
    expect(validateBusinessCalendar({ ...valid, workingDays: [] })).to.deep.equal(['workingDays must list at least one day, 1 (Monday) to 7 (Sunday)']);
    expect(validateBusinessCalendar({ ...valid, workingDays: [0, 8, 1.5, 'MON'] })).to.deep.equal([
      'workingDays: 0 is not a day from 1 (Monday) to 7 (Sunday)',
      'workingDays: 8 is not a day from 1 (Monday) to 7 (Sunday)',
      'workingDays: 1.5 is not a day from 1 (Monday) to 7 (Sunday)',
      'workingDays: "MON" is not a day from 1 (Monday) to 7 (Sunday)',
    ]);
    expect(validateBusinessCalendar({ ...valid, workingDays: [1, 1] })).to.deep.equal(['workingDays lists a day twice']);
    expect(validateBusinessCalendar({ ...valid, workingHours: '9-17' })).to.deep.equal(["workingHours must be { start: 'HH:MM', end: 'HH:MM' }"]);
    expect(validateBusinessCalendar({ ...valid, workingHours: { start: '9:00', end: '24:30' } })).to.deep.equal([
      'workingHours.start "9:00" is not a time HH:MM',
      'workingHours.end "24:30" is not a time HH:MM (or 24:00)',
    ]);
    expect(validateBusinessCalendar({ ...valid, workingHours: { start: '24:00', end: '24:00' } })).to.deep.equal(['workingHours.start "24:00" is not a time HH:MM']);
    expect(validateBusinessCalendar({ ...valid, workingHours: { start: '22:00', end: '06:00' } })).to.deep.equal([
      'workingHours must end after they start (22:00–06:00); hours past midnight are not supported',
    ]);
    expect(validateBusinessCalendar({ ...valid, holidays: '2026-12-24' })).to.deep.equal(['holidays must be a list of dates YYYY-MM-DD (it may be empty)']);
    expect(validateBusinessCalendar({ ...valid, holidays: ['2026-02-30', '24.12.2026'] })).to.deep.equal([
      'holidays: "2026-02-30" is not a date YYYY-MM-DD',
      'holidays: "24.12.2026" is not a date YYYY-MM-DD',
    ]);
    expect(validateBusinessCalendar({ ...valid, workdays: [1] })).to.deep.equal(["unknown property 'workdays'"]);
  });

  it('should throw a ValidationError listing all problems when building a calendar from a bad definition', () => {
    const build = () => BusinessCalendar.from({ ...valid, timeZone: 'Nowhere', workingDays: [] });
    expect(build).to.throw(ValidationError, /^invalid business calendar: timeZone "Nowhere" .*; workingDays must list at least one day/);
    try {
      build();
    } catch (e) {
      expect((e as ValidationError).code).to.equal('VALIDATION_FAILED');
      expect((e as ValidationError).details).to.have.property('problems').with.length(2);
    }
  });

  it('should build a calendar that gives its definition back as JSON', () => {
    const calendar = BusinessCalendar.from(valid);
    expect(BusinessCalendar.from(calendar)).to.equal(calendar);
    expect(JSON.parse(JSON.stringify(calendar))).to.deep.equal(valid);
  });
});
