import { expect } from 'chai';
import { BpmnValidationError, ValidationError, type BusinessCalendarDefinition } from '../../../engine/index.js';
import { createTestEngine, fixture, type TestEngine } from '../support/engineHarness.js';
import { rejectionOf } from '../../setup/rejection.js';

const berlinOffice: BusinessCalendarDefinition = { timeZone: 'Europe/Berlin', workingDays: [1, 2, 3, 4, 5], workingHours: { start: '09:00', end: '17:00' }, holidays: ['2026-01-12'] };
const roundTheClock: BusinessCalendarDefinition = { timeZone: 'UTC', workingDays: [1, 2, 3, 4, 5, 6, 7], workingHours: { start: '00:00', end: '24:00' }, holidays: [] };

describe('business calendars in the engine', () => {
  let t: TestEngine;
  // Friday 2026-01-09, 19:30 in Berlin
  beforeEach(async () => {
    t = await createTestEngine({ start: '2026-01-09T18:30:00.000Z' });
  });
  afterEach(() => t.destroy());

  it('should refuse a calendar with problems, naming each', async () => {
    const bad = t.engine.saveCalendar({ name: 'office', definition: { ...berlinOffice, timeZone: 'Europe/Atlantis', workingDays: [] } });
    const error = await rejectionOf(bad);
    expect(error).to.be.instanceOf(ValidationError);
    expect(error.message).to.match(/invalid business calendar 'office': timeZone "Europe\/Atlantis" .*; workingDays must list at least one day/);
  });

  it('should refuse to deploy a model bound to a calendar nobody defined', async () => {
    await t.engine.saveCalendar({ name: 'berlin-office', definition: berlinOffice });
    const error = await rejectionOf(t.deploy(fixture(import.meta.url, 'calendar-timers.bpmn')));
    expect(error).to.be.instanceOf(BpmnValidationError);
    expect((error as BpmnValidationError).problems).to.deep.equal([
      { elementId: 'calendarTimers', message: 'lifeline:calendar names the default calendar, but no calendar is marked default (an admin defines calendars under /api/calendars)' },
      { elementId: 'aCalendarWeek', message: "lifeline:calendar names 'round-the-clock', which is not defined (an admin defines calendars under /api/calendars)" },
    ]);
  });

  it('should count timers and due dates in working days of the bound calendar, skipping a holiday', async () => {
    // given the default calendar with Monday 2026-01-12 a holiday, and a round-the-clock one
    await t.engine.saveCalendar({ name: 'berlin-office', definition: berlinOffice, isDefault: true });
    await t.engine.saveCalendar({ name: 'round-the-clock', definition: roundTheClock });
    await t.deploy(fixture(import.meta.url, 'calendar-timers.bpmn'));
    // when a request comes in on Friday evening, with a follow-up date written without a zone
    const instance = await t.start('calendarTimers', { followUp: '2026-01-13T10:00:00' });
    // then one working day is Tuesday at closing (Monday is a holiday), in Berlin time
    const task = await t.task(instance.id, 'handle');
    expect(task.dueAt!.toISOString()).to.equal('2026-01-13T16:00:00.000Z');
    expect(task.followUpAt!.toISOString()).to.equal('2026-01-13T09:00:00.000Z');
    const timers = (await t.engine.getInstance(instance.id)).timers;
    const due = Object.fromEntries(timers.map((x) => [x.elementId, x.dueAt.toISOString()]));
    expect(due).to.deep.equal({ aWorkingDay: '2026-01-13T16:00:00.000Z', aCalendarWeek: '2026-01-16T18:30:00.000Z' });
    // and nothing fires before then
    t.clock.set('2026-01-13T15:59:00.000Z');
    expect(await t.engine.fireDueTimers()).to.equal(0);
    t.clock.set('2026-01-13T16:00:00.000Z');
    expect(await t.engine.fireDueTimers()).to.equal(1);
  });

  it('should list, replace and delete calendars, with one default at a time', async () => {
    await t.engine.saveCalendar({ name: 'a', definition: berlinOffice, isDefault: true, actor: 'admin' });
    await t.engine.saveCalendar({ name: 'b', definition: roundTheClock, isDefault: true });
    const listed = await t.engine.listCalendars();
    expect(listed.map((c) => [c.name, c.isDefault])).to.deep.equal([['a', false], ['b', true]]);
    expect(listed[0].definition).to.deep.equal(berlinOffice);
    await t.engine.deleteCalendar('a');
    expect((await t.engine.listCalendars()).map((c) => c.name)).to.deep.equal(['b']);
    expect((await rejectionOf(t.engine.deleteCalendar('a'))).message).to.equal('business calendar a was not found');
  });
});
