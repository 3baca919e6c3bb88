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
  StaleDefinitionError,
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
export type { ClockMove, TaskRef, JobRef, StepInput, PathEvent, OutboxMail, InboxEntry, StepOutcome, RecordedStep } from './rehearsal/steps.js';
export { describeStep } from './rehearsal/steps.js';
export type { SandboxProbe } from './rehearsal/SandboxProbe.js';
export { RehearsalSession, type RehearsalSessionOptions, type StepResult } from './rehearsal/RehearsalSession.js';
export { MAX_TIMERS_PER_MOVE, advanceClock, type ClockMoveResult, type AdvanceOptions } from './rehearsal/clockMoves.js';
export { replayScenario, type ReplayReport, type ReplayDifference } from './rehearsal/replay.js';
export { processReferences, relatedProcesses, type ProcessReferences } from './rehearsal/modelReferences.js';
export type { RehearsalRegister, RehearsalRecord, RehearsalModel, ScenarioRecord, RehearsalFilter } from './rehearsal/RehearsalRegister.js';
export { parseDateTime } from './time/isoDate.js';
export type { ReassignCommand, ReassignTarget, Reassignment } from './service/reassign.js';
export { type StartableProcess } from './service/startForms.js';
