/**
 * Time for the engine: the injected Clock and Scheduler, timer values
 * (ISO 8601 dates, durations, repeating intervals, cron) and business
 * calendars. Everything here is pure: "now" is always passed in.
 */
export { type Clock, systemClock, ControllableClock } from './Clock.js';
export { type Scheduler, manualScheduler } from './Scheduler.js';
export { type TimerKind, type TimerCycle, type ResolvedTimer, validateTimerLiteral, resolveTimer, nextTimer } from './timerExpression.js';
export { type IsoDuration, parseDuration, addDuration, isZero } from './isoDuration.js';
export { parseDateTime } from './isoDate.js';
export { type CycleDue, validateCycle, firstCycleDue, nextCycleDue } from './cycle.js';
export { type BusinessCalendarDefinition, BusinessCalendar, validateBusinessCalendar } from './BusinessCalendar.js';
export { type CalendarLike, addBusinessDuration, nextBusinessInstant, isBusinessTime } from './businessTime.js';
export { isTimeZone } from './timeZone.js';
