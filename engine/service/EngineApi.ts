/**
 * The typed engine API: everything the HTTP layer (and tests) may ask of the
 * engine. Each command runs as one transaction; errors are LifelineErrors.
 */
import type { Problem } from '../ir/types.js';
import type {
  DefinitionRecord,
  HistoryEventRecord,
  IncidentRecord,
  InstanceRecord,
  JobRecord,
  ActivatedJob,
  JsonObject,
  SubscriptionRecord,
  TimerRecord,
  UserTaskRecord,
  FormRecord,
  CalendarRecord,
  NotificationRecord,
  EmailRecord,
} from '../store/records.js';
import type { SaveCalendarCommand } from './calendars.js';
import type { StartableProcess } from './startForms.js';
import type { EmailFilter, IncidentFilter, InstanceFilter, JobFilter, NotificationFilter, Page, PageRequest, SlaState, TaskFilter, TimelineEntry } from '../store/Store.js';

/**
 * A caller's own rule for completing a task (who may, whether the form is
 * filled in), run under the instance's lock with the task as it stands
 * then, and its linked form (latest version) read in the same transaction:
 * no read before the completion, and no window between check and change.
 */
export type CompletionCheck = (task: import('../store/records.js').UserTaskRecord, form: () => Promise<import('../store/records.js').FormRecord | undefined>) => void | Promise<void>;

export interface DeployCommand {
  /** One or more BPMN files. */
  resources: { name: string; xml: string }[];
  /** form-js JSON files, referenced from user tasks by `zeebe:formDefinition formId`. */
  forms?: { name: string; json: string }[];
  name?: string;
  actor?: string;
}

export interface DeployResult {
  deploymentId: string;
  /** One entry per executable process; `isNew` false when identical XML was deployed before. */
  definitions: { id: string; key: string; version: number; isNew: boolean }[];
  forms: { id: string; formId: string; version: number }[];
  /** What the standard tolerates but has no effect here, and loops with no wait state that may spin (each with its element id); the deployment went through. */
  warnings: Problem[];
}

export interface StartCommand {
  /** The process key (latest version is used) or an exact definition id. */
  definitionKey?: string;
  definitionId?: string;
  /** Without one, the start event's `lifeline:businessKey field` names the variable that holds it. */
  businessKey?: string;
  variables?: JsonObject;
  actor?: string;
}

/** An instance with what a manager needs to see of it. */
export interface InstanceDetails extends InstanceRecord {
  tasks: UserTaskRecord[];
  timers: TimerRecord[];
  jobs: JobRecord[];
  subscriptions: SubscriptionRecord[];
  incidents: IncidentRecord[];
}

export interface CorrelateCommand {
  name: string;
  correlationKey?: string;
  variables?: JsonObject;
  /** Correlate to every waiting subscription, not just the oldest one. */
  all?: boolean;
  actor?: string;
}

export interface CorrelateResult {
  /** Instances the message reached (waiting elements), and instances it started. */
  correlated: { instanceId: string; elementId: string }[];
  started: { instanceId: string; elementId: string }[];
}

export interface ActivateJobsCommand {
  type: string;
  worker: string;
  maxJobs: number;
  lockDurationMs: number;
}

export interface FailJobCommand {
  retries: number;
  errorMessage?: string;
  /** Wait before the job may be activated again. */
  backoffMs?: number;
  actor?: string;
}

export interface ThrowErrorCommand {
  errorCode: string;
  errorMessage?: string;
  variables?: JsonObject;
  actor?: string;
}

/** Modify an instance for repairs: start tokens before elements, cancel tokens in elements. */
export interface ModifyCommand {
  activate?: { elementId: string }[];
  cancel?: { elementId: string }[];
  variables?: JsonObject;
  actor?: string;
}

/** The engine's public API. */
export interface EngineApi {
  deploy(command: DeployCommand): Promise<DeployResult>;
  /** Parses and validates without storing anything. */
  validate(xml: string): Promise<Problem[]>;
  /** Parses and validates without storing anything: the problems (refusing a deploy) and the warnings (not refusing it). */
  inspect(xml: string | Uint8Array): Promise<{ problems: Problem[]; warnings: Problem[] }>;
  getDefinition(id: string): Promise<DefinitionRecord>;
  listDefinitions(filter: PageRequest & { key?: string; latestOnly?: boolean }): Promise<Page<DefinitionRecord>>;
  /** Deletes a definition version that has no instances at all. */
  deleteDefinition(id: string): Promise<void>;
  getForm(formId: string): Promise<FormRecord>;

  startInstance(command: StartCommand): Promise<InstanceRecord>;
  /** The processes a person can start by hand (latest versions with a none start event), with their start forms. */
  startableProcesses(): Promise<StartableProcess[]>;
  /** The latest version of `key` as a person starts it (a conflict when it has no none start event). */
  startableProcess(key: string): Promise<StartableProcess>;
  getInstance(id: string): Promise<InstanceDetails>;
  listInstances(filter: InstanceFilter): Promise<Page<InstanceRecord>>;
  cancelInstance(id: string, actor?: string): Promise<InstanceRecord>;
  setVariables(id: string, variables: JsonObject, actor?: string): Promise<InstanceRecord>;
  modifyInstance(id: string, command: ModifyCommand): Promise<InstanceRecord>;
  history(instanceId: string): Promise<HistoryEventRecord[]>;

  listTasks(filter: TaskFilter): Promise<Page<UserTaskRecord>>;
  getTask(id: string): Promise<UserTaskRecord>;
  claimTask(id: string, userId: string): Promise<UserTaskRecord>;
  unclaimTask(id: string, actor?: string): Promise<UserTaskRecord>;
  assignTask(id: string, assignee: string | null, actor?: string): Promise<UserTaskRecord>;
  /** Completes a task; `check` runs first, under the instance's lock, and may refuse by throwing (see CompletionCheck). */
  completeTask(id: string, variables?: JsonObject, actor?: string, options?: { check?: CompletionCheck }): Promise<void>;

  correlateMessage(command: CorrelateCommand): Promise<CorrelateResult>;
  broadcastSignal(name: string, variables?: JsonObject, actor?: string): Promise<{ instanceIds: string[] }>;

  activateJobs(command: ActivateJobsCommand): Promise<ActivatedJob[]>;
  completeJob(id: string, variables?: JsonObject, actor?: string): Promise<void>;
  failJob(id: string, command: FailJobCommand): Promise<void>;
  throwJobError(id: string, command: ThrowErrorCommand): Promise<void>;
  listJobs(filter: JobFilter): Promise<Page<JobRecord>>;

  listIncidents(filter: IncidentFilter): Promise<Page<IncidentRecord>>;
  /** Retries what failed: a job gets `retries` again, an expression is re-evaluated. */
  retryIncident(id: string, options?: { retries?: number; actor?: string }): Promise<void>;

  /** Marks an incident resolved without retrying (the operator fixed it another way, e.g. by modifying the instance). */
  resolveIncident(id: string, actor?: string): Promise<void>;
  /** Monitoring overlay figures per element of a process key. */
  elementCounts(definitionKey: string): Promise<Record<string, { active: number; incidents: number; overdue: number }>>;

  /** Fires every timer due now (by the engine's Clock). Returns how many fired. */
  fireDueTimers(): Promise<number>;
  /** Fires one timer if it is still scheduled and due; false otherwise. */
  fireTimer(id: string): Promise<boolean>;

  /** Business calendars: every one, one by name, create or replace (validated), delete. */
  listCalendars(): Promise<CalendarRecord[]>;
  getCalendar(name: string): Promise<CalendarRecord>;
  saveCalendar(command: SaveCalendarCommand): Promise<CalendarRecord>;
  deleteCalendar(name: string): Promise<void>;

  /** A user's inbox (with the unread count), and marking it read (all, or the ids given). */
  listNotifications(filter: NotificationFilter): Promise<Page<NotificationRecord> & { unread: number }>;
  markNotificationsRead(userId: string, ids?: string[]): Promise<number>;
  /** Mails sent, held in the outbox, or failed. */
  listEmails(filter: EmailFilter): Promise<Page<EmailRecord>>;
  /** Open tasks per process key and SLA state, now. */
  slaCounts(): Promise<Record<string, Record<SlaState, number>>>;
  /** Everything about a business key across processes, oldest first. */
  timeline(businessKey: string, limit?: number): Promise<TimelineEntry[]>;
}
