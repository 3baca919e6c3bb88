/**
 * Time for the engine: the injected Clock and Scheduler, timer values
 * (ISO 8601 dates, durations, repeating intervals, cron) and business
 * calendars. Everything here is pure: "now" is always passed in.
 */
export { type Clock, systemClock, ControllableClock } from './Clock.js';
export { type Scheduler, manualScheduler } from './Scheduler.js';
export { type TimerKind, type TimerCycle, type ResolvedTimer, type TimeContext, validateTimerLiteral, resolveTimer, nextTimer, zoneOf } from './timerExpression.js';
export { resolveDueDate, isDurationValue } from './dueDate.js';
export { type IsoDuration, parseDuration, addDuration, isZero } from './isoDuration.js';
export { parseDateTime } from './isoDate.js';
export { type CycleDue, validateCycle, firstCycleDue, nextCycleDue } from './cycle.js';
export { type BusinessCalendarDefinition, BusinessCalendar, validateBusinessCalendar } from './BusinessCalendar.js';
export { type CalendarLike, addBusinessDuration, nextBusinessInstant, isBusinessTime, addWorkingMillis, workingMillisBetween } from './businessTime.js';
export { isTimeZone } from './timeZone.js';
