/**
 * Domain records: what the engine reads and writes through its Store.
 * camelCase, Dates as Date; row shapes (snake_case) stay in db/.
 */
import type { ProcessIR } from '../ir/types.js';

export type JsonObject = Record<string, unknown>;

/** One deployed version of one process. */
export interface DefinitionRecord {
  id: string;
  /** The BPMN process id. */
  key: string;
  version: number;
  name: string | null;
  /** The whole BPMN file the process was deployed from (a file may hold several processes). */
  xml: string;
  ir: ProcessIR;
  /** sha256 of the XML, per key: deploying identical XML again creates no new version. */
  checksum: string;
  deploymentId: string;
  deployedAt: Date;
  deployedBy: string | null;
}

/** One deployment call: a BPMN file (and forms) producing one or more definitions. */
export interface DeploymentRecord {
  id: string;
  name: string | null;
  deployedAt: Date;
  deployedBy: string | null;
}

/** A form-js form deployed alongside processes, referenced by `zeebe:formDefinition formId`. */
export interface FormRecord {
  id: string;
  /** The form's own `id` inside its JSON (what formId refers to). */
  formId: string;
  version: number;
  schema: JsonObject;
  checksum: string;
  deploymentId: string;
  deployedAt: Date;
}

export type InstanceState = 'active' | 'completed' | 'terminated' | 'cancelled';

/** A process instance: the persisted machine snapshot plus what is queried often. */
export interface InstanceRecord {
  id: string;
  definitionId: string;
  definitionKey: string;
  definitionVersion: number;
  businessKey: string | null;
  state: InstanceState;
  /** The persisted XState snapshot (nested: the whole actor tree). */
  snapshot: unknown;
  /** Process-scope variables, copied out of the snapshot for queries. */
  variables: JsonObject;
  /** Ids of the elements that hold a token right now (for monitoring and filters). */
  activeElements: string[];
  /** Optimistic lock: bumped on every save. */
  revision: number;
  /** Call activities: the parent instance and its waiting activity instance. */
  parentInstanceId: string | null;
  parentActivityInstanceId: string | null;
  startedAt: Date;
  endedAt: Date | null;
  /** When the instance last changed: "stuck longer than" filters use it. */
  updatedAt: Date;
  startedBy: string | null;
}

export type TaskState = 'created' | 'completed' | 'cancelled';

/** A user task waiting for (or done by) a person. */
export interface UserTaskRecord {
  id: string;
  instanceId: string;
  activityInstanceId: string;
  elementId: string;
  name: string | null;
  definitionKey: string;
  businessKey: string | null;
  assignee: string | null;
  candidateGroups: string[];
  candidateUsers: string[];
  priority: number;
  dueAt: Date | null;
  followUpAt: Date | null;
  formKey: string | null;
  formId: string | null;
  /** An embedded form-js schema, when the model carries one. */
  form: JsonObject | null;
  /** Input variables visible to the task when it was created (local mappings included). */
  variables: JsonObject;
  state: TaskState;
  createdAt: Date;
  claimedAt: Date | null;
  completedAt: Date | null;
  completedBy: string | null;
  /** `lifeline:sla`: when the task turns at risk, and when it breaches its target (null: no such moment). */
  slaAtRiskAt?: Date | null;
  slaBreachAt?: Date | null;
}

export type TimerState = 'scheduled' | 'fired' | 'cancelled';

/** A timer: the row is the truth; a Scheduler only wakes the engine at `dueAt`. */
export interface TimerRecord {
  id: string;
  /** Null for timer start events (they belong to a definition, not an instance). */
  instanceId: string | null;
  definitionId: string;
  activityInstanceId: string | null;
  elementId: string;
  dueAt: Date;
  /** Cycles: the ISO 8601 / cron text and how many repetitions are left (null = unbounded). */
  cycle: { expression: string; remaining: number | null } | null;
  state: TimerState;
  createdAt: Date;
  firedAt: Date | null;
  /** Null for BPMN timer events; an SLA check of the task `taskId` otherwise. */
  purpose?: TimerPurpose | null;
  taskId?: string | null;
}

/** What a timer that is not a BPMN timer event checks: an SLA moment of a user task. */
export type TimerPurpose = 'sla:atRisk' | 'sla:breach';

export type JobState = 'activatable' | 'activated' | 'completed' | 'failed' | 'error_thrown' | 'cancelled';

/** Work for a worker of `type` (service tasks, send tasks, ...). */
export interface JobRecord {
  id: string;
  type: string;
  instanceId: string;
  activityInstanceId: string;
  elementId: string;
  definitionKey: string;
  retries: number;
  state: JobState;
  /** Custom headers from `zeebe:taskHeaders`. */
  headers: Record<string, string>;
  worker: string | null;
  lockExpiresAt: Date | null;
  nextRunAt: Date;
  lastError: string | null;
  createdAt: Date;
  /** The business key of the job's instance (the customer a mail is filed under). */
  businessKey?: string | null;
}

/** A job as a worker gets it: with the variables its activity sees at the moment of activation (input mappings applied), as Zeebe collects them. */
export interface ActivatedJob extends JobRecord {
  variables: JsonObject;
}

export type IncidentState = 'open' | 'resolved';

/** Something an operator must look at: a job out of retries, an unhandled error, a failed expression. */
export interface IncidentRecord {
  id: string;
  instanceId: string;
  activityInstanceId: string | null;
  elementId: string | null;
  definitionKey: string;
  type: 'job_no_retries' | 'unhandled_error' | 'expression_failed' | 'called_process_missing' | 'unknown_assignee' | 'no_outgoing_flow' | 'step_budget_exceeded' | 'delivery_failed' | 'delivery_too_deep';
  message: string;
  jobId: string | null;
  /** Incidents of timers whose step failed: retrying fires the timer again. */
  timerId?: string | null;
  /** Incidents of user tasks (an assignee that does not exist): assigning the task resolves it. */
  taskId?: string | null;
  state: IncidentState;
  createdAt: Date;
  resolvedAt: Date | null;
}

export type SubscriptionKind = 'message' | 'signal';

/** Something waiting for a message or a signal: in an instance, or a start event of a definition. */
export interface SubscriptionRecord {
  id: string;
  kind: SubscriptionKind;
  name: string;
  /** Messages only; null when the waiting element has no correlation key. */
  correlationKey: string | null;
  /** Null for start events. */
  instanceId: string | null;
  definitionId: string;
  activityInstanceId: string | null;
  elementId: string;
  state: 'open' | 'correlated' | 'cancelled';
  createdAt: Date;
}

/** One line of an instance's history. `seq` orders events within an instance. */
export interface HistoryEventRecord {
  instanceId: string;
  seq?: number;
  type: string;
  elementId: string | null;
  elementType: string | null;
  activityInstanceId: string | null;
  at: Date;
  actor: string | null;
  data: JsonObject | null;
}

/** A business calendar stored by an admin: working days and hours, holidays, time zone. */
export interface CalendarRecord {
  name: string;
  definition: import('../time/BusinessCalendar.js').BusinessCalendarDefinition;
  /** The calendar a `lifeline:calendar` without a name means; at most one is default. */
  isDefault: boolean;
  updatedAt: Date;
  updatedBy: string | null;
}

/** Whether an email copy of a notification is still to be sent (pending), went out, waits in the outbox (no SMTP), failed, or cannot go (no address). */
export type NotificationEmailState = 'pending' | 'sent' | 'outbox' | 'failed' | 'none';

/** One entry of a user's in-app inbox: an assignment, an SLA warning or breach, an escalation, a message. */
export interface NotificationRecord {
  id: string;
  userId: string;
  /** `task.assigned`, `sla.atRisk`, `sla.breached`, `message` (a mail from a process to staff). */
  type: string;
  title: string;
  body: string;
  instanceId: string | null;
  taskId: string | null;
  elementId: string | null;
  businessKey: string | null;
  createdAt: Date;
  readAt: Date | null;
  emailState: NotificationEmailState;
}

/** Where a mail is: sent through SMTP, waiting in the outbox (no SMTP configured), or failed for good. */
export type EmailState = 'sent' | 'outbox' | 'failed';

/** One mail, sent or held: the outbox the API shows. */
export interface EmailRecord {
  id: string;
  recipients: string[];
  subject: string;
  text: string;
  html: string | null;
  template: string | null;
  state: EmailState;
  instanceId: string | null;
  businessKey: string | null;
  /** The `email` job it was sent for, or the notification it copies. */
  jobId: string | null;
  notificationId: string | null;
  messageId: string | null;
  error: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** What an outbox row asks of another instance (engine/service/outbox/): its kind and what the delivery needs. */
export type OutboxPayload =
  | { kind: 'call'; parentId: string; elementId: string; executionId: string; processId: string; childInstanceId: string; variables: JsonObject; businessKey: string | null; definitionKey: string }
  | { kind: 'cancel'; childId: string }
  | { kind: 'parent'; parentId: string; activityInstanceId: string; news: ({ type: 'error'; code: string; message?: string } | { type: 'escalation'; code: string })[]; completed: JsonObject | null }
  | { kind: 'message'; name: string; correlationKey: string | null; variables: JsonObject; elementId: string }
  | { kind: 'signal'; name: string; variables: JsonObject; elementId: string | null; actor: string | null }
  | { kind: 'signal-catch'; name: string; instanceId: string; subscriptionId: string; activityInstanceId: string; elementId: string; variables: JsonObject; actor: string | null }
  | { kind: 'signal-start'; name: string; definitionId: string; elementId: string; startedId: string; variables: JsonObject; actor: string | null };

/**
 * One piece of cross-instance work waiting in the outbox, keyed by the
 * instance that sent it (for a signal broadcast through the API, which has
 * no sender, by the instance it reaches).
 */
export interface OutboxRecord {
  id: string;
  instanceId: string;
  /** The sender's element the work comes from (incidents about the delivery go there). */
  elementId: string | null;
  payload: OutboxPayload;
  /** Deliveries between instances since the last outside input. */
  hops: number;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  incidentId: string | null;
  createdAt: Date;
}
