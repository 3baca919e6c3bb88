/**
 * The Store: everything the engine keeps, behind an interface the engine
 * defines. db/ implements it with knex on PostgreSQL. Every write happens
 * inside `transaction`; the engine never holds state only in memory.
 */
import type {
  DefinitionRecord,
  DeploymentRecord,
  FormRecord,
  HistoryEventRecord,
  IncidentRecord,
  InstanceRecord,
  InstanceState,
  JobRecord,
  SubscriptionKind,
  SubscriptionRecord,
  TimerRecord,
  UserTaskRecord,
  CalendarRecord,
  NotificationRecord,
  EmailRecord,
  OutboxRecord,
} from './records.js';

/** A page of results with the total count for the same filter. */
export interface Page<T> {
  items: T[];
  total: number;
}

export interface PageRequest {
  limit?: number;
  offset?: number;
}

/** What one step produced, written in one go (one multi-row statement per kind). */
export interface Effects {
  tasks: UserTaskRecord[];
  timers: TimerRecord[];
  jobs: JobRecord[];
  subscriptions: SubscriptionRecord[];
  incidents: IncidentRecord[];
  history: HistoryEventRecord[];
  /** In-app notifications (their email copies are sent by the email worker). */
  notifications: NotificationRecord[];
  /** Ids of open rows that end now because their activity ended or was interrupted. */
  cancelTasks: string[];
  cancelTimers: string[];
  cancelJobs: string[];
  cancelSubscriptions: string[];
  resolveIncidents: string[];
  /** Cross-instance work for other instances, delivered after commit (engine/service/outbox/). */
  outbox: OutboxRecord[];
}

export interface InstanceFilter extends PageRequest {
  definitionKey?: string;
  definitionId?: string;
  state?: InstanceState;
  businessKey?: string;
  startedBefore?: Date;
  startedAfter?: Date;
  hasIncident?: boolean;
  /** Instances with a token in this element. */
  activeElement?: string;
  /** Active instances not changed since this moment ("stuck longer than"). */
  updatedBefore?: Date;
  parentInstanceId?: string;
}

export interface TaskFilter extends PageRequest {
  state?: 'created' | 'completed' | 'cancelled';
  instanceId?: string;
  assignee?: string;
  candidateGroup?: string;
  candidateUser?: string;
  /** Tasks assigned to this user, or unassigned and claimable by them (user, one of `groups`, or no candidates at all). */
  claimableBy?: { userId: string; groups: string[] };
  dueBefore?: Date;
  dueAfter?: Date;
  definitionKey?: string;
  businessKey?: string;
  elementId?: string;
  sort?: 'created' | 'due' | 'priority' | 'sla';
  order?: 'asc' | 'desc';
  /** Only tasks nobody holds yet (the "tasks I can claim" view). */
  unassigned?: boolean;
  /** Case-insensitive part of the business key or the task name. */
  search?: string;
  /** Tasks whose SLA is in this state at `now` (the target is the SLA breach moment, else the due date). */
  slaState?: SlaState;
  /** The moment SLA states are judged at (the engine's clock). */
  now?: Date;
}

/** Where a task stands against its SLA (or due date): on time, at risk, breached. */
export type SlaState = 'on_time' | 'at_risk' | 'breached';

export interface NotificationFilter extends PageRequest {
  userId: string;
  unread?: boolean;
}

export interface EmailFilter extends PageRequest {
  state?: EmailRecord['state'];
  businessKey?: string;
  instanceId?: string;
}

/** Everything about one customer (business key), in time order, for the customer timeline. */
export interface TimelineEntry {
  at: Date;
  kind: 'instance.started' | 'instance.ended' | 'task.created' | 'task.completed' | 'message' | 'notification' | 'email';
  instanceId: string | null;
  definitionKey: string | null;
  elementId: string | null;
  title: string;
  data: Record<string, unknown>;
}

export interface IncidentFilter extends PageRequest {
  instanceId?: string;
  state?: 'open' | 'resolved';
  definitionKey?: string;
}

export interface JobFilter extends PageRequest {
  instanceId?: string;
  type?: string;
  state?: JobRecord['state'];
}

/** Reads and writes inside one database transaction. */
export interface StoreTx {
  // deployments and definitions
  insertDeployment(deployment: DeploymentRecord): Promise<void>;
  insertDefinitions(definitions: DefinitionRecord[]): Promise<void>;
  /** The newest version of a process key, if any. */
  latestDefinition(key: string): Promise<DefinitionRecord | undefined>;
  getDefinition(id: string): Promise<DefinitionRecord | undefined>;
  insertForms(forms: FormRecord[]): Promise<void>;
  latestForm(formId: string): Promise<FormRecord | undefined>;
  /** Serialises deployments of the same keys (advisory lock per key), so versions stay unique. */
  lockDefinitionKeys(keys: string[]): Promise<void>;

  // instances
  insertInstance(instance: InstanceRecord): Promise<void>;
  /** Inserts many new instances at once (started together in one step). */
  insertInstances(instances: InstanceRecord[]): Promise<void>;
  /** Reads and row-locks an instance (SELECT ... FOR UPDATE) for the rest of the transaction. */
  lockInstance(id: string): Promise<InstanceRecord | undefined>;
  /** Saves snapshot, variables, state, active elements; bumps the revision. */
  updateInstance(instance: InstanceRecord): Promise<void>;

  // wait states
  getTask(id: string): Promise<UserTaskRecord | undefined>;
  /** Applies a partial update to a task that is still `created`; false when it is not. */
  updateOpenTask(id: string, patch: Partial<Pick<UserTaskRecord, 'assignee' | 'claimedAt' | 'state' | 'completedAt' | 'completedBy' | 'candidateUsers' | 'candidateGroups'>>): Promise<boolean>;
  getTimer(id: string): Promise<TimerRecord | undefined>;
  /** Marks a scheduled timer fired; false when it is no longer scheduled (someone else fired or cancelled it). */
  markTimerFired(id: string, firedAt: Date): Promise<boolean>;
  getJob(id: string): Promise<JobRecord | undefined>;
  /** Locks up to `max` activatable jobs of `type` for `worker` (FOR UPDATE SKIP LOCKED). */
  activateJobs(type: string, worker: string, max: number, now: Date, lockExpiresAt: Date): Promise<JobRecord[]>;
  updateJob(id: string, patch: Partial<Pick<JobRecord, 'state' | 'retries' | 'worker' | 'lockExpiresAt' | 'nextRunAt' | 'lastError'>>): Promise<void>;
  /** Open instance subscriptions of `name`, oldest first: a given key matches only that key; no key matches only key-less subscriptions. */
  findSubscriptions(kind: SubscriptionKind, name: string, correlationKey: string | null): Promise<SubscriptionRecord[]>;
  /** Marks a subscription correlated; false when it was no longer open. */
  markSubscriptionCorrelated(id: string): Promise<boolean>;
  /** Open start-event subscriptions (instanceId null) of the latest definition versions. */
  findStartSubscriptions(kind: SubscriptionKind, name: string): Promise<SubscriptionRecord[]>;
  /** Of `keys`, those an open instance subscription of message `name` waits for (one lookup for a batch of messages). */
  keysAwaited(name: string, keys: string[]): Promise<string[]>;
  /** Cancels the open start timers and start subscriptions of earlier versions of a key. */
  cancelStartTriggers(definitionKey: string): Promise<void>;

  getIncident(id: string): Promise<IncidentRecord | undefined>;
  /** The open incident raised for a timer, if any. */
  getIncidentForTimer(timerId: string): Promise<IncidentRecord | undefined>;
  /** The open incident raised for a user task (an unknown assignee), if any. */
  getIncidentForTask(taskId: string): Promise<IncidentRecord | undefined>;
  /** Sets a scheduled timer's state back to scheduled (retrying its incident) and its due time. */
  rescheduleTimer(id: string, dueAt: Date): Promise<void>;

  /** How many instances (any state) a definition version has. */
  countInstances(definitionId: string): Promise<number>;
  /** Deletes a definition version and its start triggers (only when it has no instances). */
  deleteDefinition(id: string): Promise<void>;

  /** Writes all effects of a step. */
  applyEffects(effects: Effects): Promise<void>;

  // people, for assignment and notifications (read in the step's transaction)
  /** User ids of the members of `groups`. */
  membersOf(groups: string[]): Promise<string[]>;
  /** Of `users`, those that are not users. */
  unknownUsers(users: string[]): Promise<string[]>;
  /** The manager of each of `users` (null when none is recorded). */
  managersOf(users: string[]): Promise<Record<string, string | null>>;
  /** Open tasks per user, after locking the users for assignment until commit (concurrent choices serialise). */
  assignmentLoads(users: string[]): Promise<Record<string, number>>;
  /** The last assignee of a round-robin rotation, row-locked until commit. */
  lockRotation(key: string): Promise<string | null>;
  /** Records who got the last task of a rotation. */
  saveRotation(key: string, assignee: string): Promise<void>;

  /** Moves an open task's SLA moments (a reassignment keeps them; tests and repairs may move them). */
  setTaskSla(id: string, sla: { slaAtRiskAt: Date | null; slaBreachAt: Date | null }): Promise<void>;

  // notifications and mail
  /** Marks a user's notifications read (all unread ones when `ids` is absent); returns how many changed. */
  markNotificationsRead(userId: string, ids: string[] | undefined, at: Date): Promise<number>;
  /** Claims up to `max` notifications whose email copy is pending and due (SKIP LOCKED). */
  claimNotificationEmails(max: number, now: Date): Promise<(NotificationRecord & { emailAttempts: number })[]>;
  /** Records what became of a notification's email copy (or when to try again). */
  settleNotificationEmail(id: string, patch: { emailState: NotificationRecord['emailState']; error?: string | null; nextAt?: Date | null; attempts?: number }): Promise<void>;
  /** Stores a mail (sent, held in the outbox, or failed). */
  insertEmail(email: EmailRecord): Promise<void>;
  /** The mail sent for an `email` job, if one was (a worker that crashed after sending must not send twice). */
  emailForJob(jobId: string): Promise<EmailRecord | undefined>;
  /** Email addresses of users (users without one are absent). */
  emailsOf(users: string[]): Promise<Record<string, string>>;
  /** Which of `ids` are groups. */
  groupsAmong(ids: string[]): Promise<string[]>;

  // business calendars
  /** Every stored calendar, by name. */
  listCalendars(): Promise<CalendarRecord[]>;
  /** Creates or replaces a calendar; marking it default unmarks the previous default. */
  putCalendar(calendar: CalendarRecord): Promise<void>;
  /** Deletes a calendar; false when there was none of that name. */
  deleteCalendar(name: string): Promise<boolean>;

  // due work (the sweep): claims held until the transaction ends, skipping rows others hold
  /** Row-locks an instance unless another transaction holds it ('locked'); undefined when it does not exist. */
  tryLockInstance(id: string): Promise<InstanceRecord | 'locked' | undefined>;
  /** Claims (FOR UPDATE SKIP LOCKED) the oldest due scheduled timer not in `skip` and not waiting on an incident. */
  claimDueTimer(now: Date, skip: string[]): Promise<TimerRecord | undefined>;
  /** Claims timer `id` if it is scheduled, due and free. */
  claimTimer(id: string, now: Date): Promise<TimerRecord | undefined>;
  /** Puts up to `limit` jobs whose lock expired back to activatable; returns them. */
  expireJobLocks(now: Date, limit: number): Promise<JobRecord[]>;

  // the hot path in few round trips (issue 10): writes may be sent together with the next read or the commit
  /** The id of the newest version of a process key (the compiled model is cached by id, so its IR need not be read). */
  latestDefinitionId(key: string): Promise<string | undefined>;
  /**
   * Makes the transaction's writes fail with a StaleDefinitionError if a
   * version of `key` newer than `version` exists: a start by key may use the
   * version it remembers as the newest without reading it first.
   */
  expectLatestDefinition(key: string, version: number): void;
  /** Row-locks the instance a task belongs to and reads both, the task as it is under the lock. */
  lockInstanceOfTask(taskId: string): Promise<{ instance: InstanceRecord; task: UserTaskRecord } | undefined>;
  /** Completes a task read as open under its instance's lock (held by this transaction); a task found not open after all fails the transaction (ConflictError). */
  completeLockedTask(task: UserTaskRecord, at: Date, by: string | null): Promise<void>;
  /** Claims (FOR UPDATE SKIP LOCKED) up to `limit` due scheduled timers not waiting on an incident, oldest first, held until the transaction ends. */
  claimDueTimers(now: Date, limit: number): Promise<TimerRecord[]>;
  /** Row-locks those of `ids` no other transaction holds (SKIP LOCKED); returns them. */
  tryLockInstances(ids: string[]): Promise<InstanceRecord[]>;
  /** Marks timers this transaction claimed fired; one that is not scheduled after all fails the transaction (ConflictError). */
  markTimersFired(ids: string[], firedAt: Date): Promise<void>;
  /** The execution trees and process variables of `ids`, without locking (one read for a batch of activated jobs). */
  instanceTrees(ids: string[]): Promise<Pick<InstanceRecord, 'id' | 'snapshot' | 'variables'>[]>;
  /**
   * Resolves the open incidents of instance `instanceId` held by the
   * executions `activityInstanceIds` (all of the instance's: null), except
   * `except` (resolved by the step itself); returns the ones it resolved.
   */
  resolveIncidentsOf(instanceId: string, activityInstanceIds: string[] | null, except: string[], at: Date): Promise<IncidentRecord[]>;

  // the instance outbox (cross-instance work, one instance per transaction)
  /** Row-locks an outbox row for its delivery unless another transaction holds it, it is gone, or it waits behind an incident. */
  lockOutboxRow(id: string): Promise<OutboxRecord | undefined>;
  /** Deletes a delivered outbox row (sent with the transaction's other writes); a row already gone fails the transaction (ConflictError). */
  deleteOutboxRow(id: string): Promise<void>;
  /** Ids of up to `limit` outbox rows due at `now` and not parked behind an incident, oldest first (not locked: each delivery locks its row). */
  dueOutboxRows(now: Date, limit: number): Promise<string[]>;
  /** Records a failed delivery: attempts, the error, when to try again, or the incident it now waits behind. */
  recordOutboxFailure(id: string, failure: { attempts: number; lastError: string; nextAttemptAt: Date; incidentId: string | null }): Promise<void>;
  /** Puts the rows parked behind an incident back to due at `now`; returns their ids. */
  requeueOutboxOfIncident(incidentId: string, now: Date): Promise<string[]>;

  // the inbox (migration 140): deliveries keyed by their target, so no delivery touches the sender's outbox row
  /** The outbox row as it is, not locked, unless gone or parked behind an incident (read before its delivery). */
  readOutboxRow(id: string): Promise<OutboxRecord | undefined>;
  /**
   * Records outbox row `outboxId` in the inbox of `target`; false if it is
   * there already (a concurrent delivery's insert is waited for), or, with
   * `anywhere`, in any instance's inbox (a message, whose target is found
   * only at delivery: a second delivery may find another waiting instance).
   */
  receiveOutboxRow(target: string, outboxId: string, at: Date, anywhere?: boolean): Promise<boolean>;
  /** Records outbox row `outboxId` in the inbox of `target` with the transaction's other writes (no round trip; an existing one is left as it is). */
  receiveOutboxRowWithWrites(target: string, outboxId: string, at: Date): Promise<void>;
  /** Deletes outbox rows of `sender` once this transaction committed, as a statement of its own sent behind COMMIT and not waited for (never if it rolls back). */
  deleteOutboxRowsAfterCommit(sender: string, ids: string[]): Promise<void>;
  /** Deletes inbox rows received before `before` (the sweep); returns how many. */
  sweepInbox(before: Date): Promise<number>;
}

/** Read-only queries outside a transaction, for APIs and monitoring. */
export interface StoreQueries {
  getDefinition(id: string): Promise<DefinitionRecord | undefined>;
  latestDefinition(key: string): Promise<DefinitionRecord | undefined>;
  listDefinitions(filter: PageRequest & { key?: string; latestOnly?: boolean }): Promise<Page<DefinitionRecord>>;
  getInstance(id: string): Promise<InstanceRecord | undefined>;
  listInstances(filter: InstanceFilter): Promise<Page<InstanceRecord>>;
  getTask(id: string): Promise<UserTaskRecord | undefined>;
  listTasks(filter: TaskFilter): Promise<Page<UserTaskRecord>>;
  listTimers(filter: { instanceId?: string; state?: TimerRecord['state'] }): Promise<TimerRecord[]>;
  listJobs(filter: JobFilter): Promise<Page<JobRecord>>;
  listSubscriptions(filter: { instanceId?: string; state?: SubscriptionRecord['state'] }): Promise<SubscriptionRecord[]>;
  getIncident(id: string): Promise<IncidentRecord | undefined>;
  listIncidents(filter: IncidentFilter): Promise<Page<IncidentRecord>>;
  history(instanceId: string): Promise<HistoryEventRecord[]>;
  latestForm(formId: string): Promise<FormRecord | undefined>;
  /** Per element of a process key: instances with a token there, open incidents, overdue open tasks (at `now`). */
  elementCounts(definitionKey: string, now: Date): Promise<Record<string, { active: number; incidents: number; overdue: number }>>;
  /** Counts of open tasks per assignee among `users` (for least-loaded assignment). */
  openTaskCounts(users: string[]): Promise<Record<string, number>>;
  /** Every stored business calendar, by name. */
  listCalendars(): Promise<CalendarRecord[]>;
  /** A user's notifications, newest first, with the total and the unread count. */
  listNotifications(filter: NotificationFilter): Promise<Page<NotificationRecord> & { unread: number }>;
  /** Mails sent and held, newest first. */
  listEmails(filter: EmailFilter): Promise<Page<EmailRecord>>;
  /** Open tasks per process key and SLA state at `now` (monitoring and /metrics). */
  slaCounts(now: Date): Promise<Record<string, Record<SlaState, number>>>;
  /** Everything about a business key, oldest first. */
  timeline(businessKey: string, limit: number): Promise<TimelineEntry[]>;
}

/** The engine's persistence port. */
export interface Store extends StoreQueries {
  /** Runs `fn` in one transaction; rolls back if it throws. */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /**
   * Runs each of `fns` as a transaction of its own, one after the other,
   * each begun without waiting for the previous COMMIT (a batch of small
   * independent transactions: the outbox's message starts). Each outcome is
   * its own: a failure rolls back that transaction only, and is not retried.
   */
  transactionBatch?<T>(fns: ((tx: StoreTx) => Promise<T>)[]): Promise<BatchOutcome<T>[]>;
}

/** What became of one transaction of a batch. */
export type BatchOutcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** An empty Effects batch. */
export function emptyEffects(): Effects {
  return {
    tasks: [],
    timers: [],
    jobs: [],
    subscriptions: [],
    incidents: [],
    history: [],
    notifications: [],
    cancelTasks: [],
    cancelTimers: [],
    cancelJobs: [],
    cancelSubscriptions: [],
    resolveIncidents: [],
    outbox: [],
  };
}
