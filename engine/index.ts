/**
 * Lifeline's engine: parse BPMN into an IR, compile it into statecharts,
 * run instances durably through a Store. The only entry point of engine/.
 */
export { Engine } from './service/Engine.js';
export type { EngineOptions } from './service/EngineContext.js';
export type * from './service/EngineApi.js';
export type * from './store/Store.js';
export type * from './store/records.js';
export { emptyEffects } from './store/Store.js';
export type * from './ir/types.js';
export { parseBpmn, parseBpmnOrThrow, decodeXml } from './parser/index.js';
export { type Clock, systemClock, ControllableClock } from './time/Clock.js';
export { type Scheduler, manualScheduler } from './time/Scheduler.js';
export { type Directory, emptyDirectory } from './identity/Directory.js';
export {
  LifelineError,
  BpmnValidationError,
  ValidationError,
  NotFoundError,
  ConflictError,
  ForbiddenError,
  UnauthorizedError,
  MessageNotCorrelatedError,
} from './errors/LifelineError.js';
export { ExpressionError } from './expressions/feel.js';
export type { SaveCalendarCommand } from './service/calendars.js';
export { type BusinessCalendarDefinition, BusinessCalendar, validateBusinessCalendar } from './time/BusinessCalendar.js';
export { CalendarNotFoundError } from './time/CalendarBook.js';
export { parseDuration, addDuration } from './time/isoDuration.js';
export { slaOf, type TaskSla } from './service/slaState.js';
export type { NotificationContent } from './service/notifications.js';
export type { ResolvedRecipients } from './service/mail.js';
