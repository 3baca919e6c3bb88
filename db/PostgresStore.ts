/**
 * The engine's Store on PostgreSQL: transactions on pipelined connections
 * of knex's pool, the hot path in raw SQL (db/raw), everything else knex
 * repository functions; reads outside transactions on knex.
 */
import type { Knex } from 'knex';
import type { BatchOutcome, Store, StoreTx } from '../engine/index.js';
import * as definitions from './repositories/definitions.js';
import * as instances from './repositories/instances.js';
import * as tasks from './repositories/tasks.js';
import * as timers from './repositories/timers.js';
import * as jobs from './repositories/jobs.js';
import * as forms from './repositories/forms.js';
import * as subscriptions from './repositories/subscriptions.js';
import * as incidents from './repositories/incidents.js';
import * as historyRepo from './repositories/history.js';
import * as calendars from './repositories/calendars.js';
import * as assignment from './repositories/assignment.js';
import * as notifications from './repositories/notifications.js';
import * as emails from './repositories/emails.js';
import { timeline as customerTimeline } from './repositories/timeline.js';
import type pg from 'pg';
import { ConflictError, StaleDefinitionError } from '../engine/index.js';
import { RawTx } from './raw/RawTx.js';
import type { StatementObserver } from './raw/Sql.js';
import * as rawDefinitions from './raw/definitions.js';
import * as rawInstances from './raw/instances.js';
import * as rawTasks from './raw/tasks.js';
import * as rawTimers from './raw/timers.js';
import * as rawOutbox from './raw/outbox.js';
import { TaskChangePump } from './notifications/taskChangePump.js';

/**
 * The StoreTx of one transaction: the hot path (instances, steps' writes,
 * task completion, timers) as raw statements on the pipelined connection,
 * every other method a knex repository function bound to the same
 * connection and transaction.
 */
function makeTxMethods(current: { tx: RawTx }): StoreTx {
  const tasksChanged = <T>(work: Promise<T>): Promise<T> => {
    current.tx.touchedTasks = true;
    return work;
  };
  return {
    insertDeployment: (d) => definitions.insertDeployment(current.tx.db, d),
    insertDefinitions: (d) => definitions.insertDefinitions(current.tx.db, d),
    latestDefinition: (key) => definitions.latestDefinition(current.tx.db, key),
    latestDefinitionId: (key) => current.tx.read((sql) => rawDefinitions.latestDefinitionId(sql, key)),
    expectLatestDefinition: (key, version) => current.tx.writes.expectLatestDefinition(key, version),
    getDefinition: (id) => current.tx.read((sql) => rawDefinitions.getDefinition(sql, id)),
    insertForms: (f) => forms.insertForms(current.tx.db, f),
    latestForm: (formId) => forms.latestForm(current.tx.db, formId),
    lockDefinitionKeys: (keys) => definitions.lockDefinitionKeys(current.tx.db, keys),
    countInstances: (id) => definitions.countInstances(current.tx.db, id),
    deleteDefinition: (id) => definitions.deleteDefinition(current.tx.db, id),
    insertInstance: (i) => {
      current.tx.writes.addInstance(i);
      return current.tx.wrote();
    },
    insertInstances: (list) => {
      for (const i of list) current.tx.writes.addInstance(i);
      return current.tx.wrote();
    },
    keysAwaited: (name, keys) => subscriptions.keysAwaited(current.tx.db, name, keys),
    lockInstance: (id) => current.tx.read((sql) => rawInstances.lockInstance(sql, id)),
    tryLockInstance: (id) => current.tx.read((sql) => rawInstances.tryLockInstance(sql, id)),
    tryLockInstances: (ids) => current.tx.read((sql) => rawInstances.tryLockInstances(sql, ids)),
    lockInstanceOfTask: (taskId) => current.tx.read((sql) => rawInstances.lockInstanceOfTask(sql, taskId)),
    claimDueTimer: (now, skip) => current.tx.read((sql) => rawTimers.claimDueTimer(sql, now, skip)),
    claimDueTimers: (now, limit) => current.tx.read((sql) => rawTimers.claimDueTimers(sql, now, limit)),
    claimTimer: (id, now) => current.tx.read((sql) => rawTimers.claimTimer(sql, id, now)),
    expireJobLocks: (now, limit) => jobs.expireJobLocks(current.tx.db, now, limit),
    updateInstance: (i) => {
      current.tx.writes.updateInstance(i);
      return current.tx.wrote();
    },
    getTask: (id) => current.tx.read((sql) => rawTasks.getTask(sql, id)),
    updateOpenTask: (id, patch) => tasksChanged(tasks.updateOpenTask(current.tx.db, id, patch)),
    completeLockedTask: (task, at, by) => {
      current.tx.touchedTasks = true;
      current.tx.writes.completeTask(task.id, task.instanceId, at, by);
      return current.tx.wrote();
    },
    getTimer: (id) => timers.getTimer(current.tx.db, id),
    markTimerFired: (id, at) => timers.markTimerFired(current.tx.db, id, at),
    markTimersFired: (ids, at) => {
      current.tx.writes.fireTimers(ids, at);
      return current.tx.wrote();
    },
    rescheduleTimer: (id, at) => timers.rescheduleTimer(current.tx.db, id, at),
    getJob: (id) => jobs.getJob(current.tx.db, id),
    activateJobs: (type, worker, max, now, until) => jobs.activateJobs(current.tx.db, type, worker, max, now, until),
    updateJob: (id, patch) => jobs.updateJob(current.tx.db, id, patch),
    findSubscriptions: (kind, name, key) => subscriptions.findSubscriptions(current.tx.db, kind, name, key),
    markSubscriptionCorrelated: (id) => subscriptions.markSubscriptionCorrelated(current.tx.db, id),
    findStartSubscriptions: (kind, name) => subscriptions.findStartSubscriptions(current.tx.db, kind, name),
    cancelStartTriggers: async (key) => {
      await timers.cancelStartTimers(current.tx.db, key);
      await subscriptions.cancelStartSubscriptions(current.tx.db, key);
    },
    getIncident: (id) => incidents.getIncident(current.tx.db, id),
    getIncidentForTimer: (id) => incidents.getIncidentForTimer(current.tx.db, id),
    getIncidentForTask: (id) => incidents.getIncidentForTask(current.tx.db, id),
    applyEffects: (effects) => {
      if (effects.tasks.length || effects.cancelTasks.length) current.tx.touchedTasks = true;
      current.tx.writes.addEffects(effects);
      return current.tx.wrote();
    },
    membersOf: (groups) => assignment.membersOf(current.tx.db, groups),
    unknownUsers: (users) => assignment.unknownUsers(current.tx.db, users),
    managersOf: (users) => assignment.managersOf(current.tx.db, users),
    assignmentLoads: (users) => assignment.assignmentLoads(current.tx.db, users),
    lockRotation: (key) => assignment.lockRotation(current.tx.db, key),
    saveRotation: (key, assignee) => assignment.saveRotation(current.tx.db, key, assignee),
    setTaskSla: (id, sla) => tasksChanged(tasks.setTaskSla(current.tx.db, id, sla)),
    markNotificationsRead: (userId, ids, at) => notifications.markNotificationsRead(current.tx.db, userId, ids, at),
    claimNotificationEmails: (max, now) => notifications.claimNotificationEmails(current.tx.db, max, now),
    settleNotificationEmail: (id, patch) => notifications.settleNotificationEmail(current.tx.db, id, patch),
    insertEmail: (email) => emails.insertEmail(current.tx.db, email),
    emailForJob: (jobId) => emails.emailForJob(current.tx.db, jobId),
    emailsOf: (users) => emails.emailsOf(current.tx.db, users),
    groupsAmong: (ids) => emails.groupsAmong(current.tx.db, ids),
    listCalendars: () => calendars.listCalendars(current.tx.db),
    putCalendar: (calendar) => calendars.putCalendar(current.tx.db, calendar),
    deleteCalendar: (name) => calendars.deleteCalendar(current.tx.db, name),
    instanceTrees: (ids) => instances.instanceTrees(current.tx.db, ids),
    resolveIncidentsOf: (instanceId, ids, except, at) => incidents.resolveIncidentsOf(current.tx.db, instanceId, ids, except, at),
    lockOutboxRow: (id) => current.tx.read((sql) => rawOutbox.lockOutboxRow(sql, id)),
    deleteOutboxRow: (id) => {
      current.tx.writes.deleteOutboxRow(id);
      return current.tx.wrote();
    },
    dueOutboxRows: (now, limit) => current.tx.read((sql) => rawOutbox.dueOutboxRows(sql, now, limit)),
    recordOutboxFailure: async (id, failure) => {
      current.tx.flush();
      rawOutbox.recordOutboxFailure(current.tx.sql, id, failure);
    },
    requeueOutboxOfIncident: (incidentId, now) => current.tx.read((sql) => rawOutbox.requeueOutboxOfIncident(sql, incidentId, now)),
    readOutboxRow: (id) => current.tx.read((sql) => rawOutbox.readOutboxRow(sql, id)),
    receiveOutboxRow: (target, outboxId, at, anywhere) => current.tx.read((sql) => rawOutbox.receiveOutboxRow(sql, target, outboxId, at, anywhere)),
    receiveOutboxRowWithWrites: (target, outboxId, at) => {
      current.tx.writes.receiveOutboxRow(target, outboxId, at);
      return current.tx.wrote();
    },
    deleteOutboxRowsAfterCommit: async (sender, ids) => {
      current.tx.afterCommit.push(rawOutbox.deleteOutboxRows(sender, ids));
    },
    sweepInbox: (before) => current.tx.read((sql) => rawOutbox.sweepInbox(sql, before)),
  };
}

/**
 * The StoreTx of a connection's current transaction. Its ~80 methods are
 * made once per pooled connection and follow `current.tx`, not once per
 * transaction: a delivery of the instance outbox is a transaction of its
 * own, and making them anew cost as much as the rest of a small one.
 */
const methodsOf = new WeakMap<object, { current: { tx: RawTx }; methods: StoreTx }>();

function txMethods(connection: object, tx: RawTx): StoreTx {
  let entry = methodsOf.get(connection);
  if (!entry) {
    const current = { tx };
    entry = { current, methods: makeTxMethods(current) };
    methodsOf.set(connection, entry);
  }
  entry.current.tx = tx;
  return entry.methods;
}

/** What a failed statement means to the engine: LL409 (a guarded write met a row it did not expect) is a conflict, LL410 a start of a version no longer the newest. */
function translate(error: unknown): unknown {
  const { code, message } = error as { code?: string; message?: string };
  if (code === 'LL409') return new ConflictError(message ?? 'a concurrent change');
  if (code === 'LL410') return new StaleDefinitionError(message ?? 'a newer version was deployed');
  return error;
}

/**
 * The Store on one knex (and its schema). Reads outside `transaction` run
 * on the pool; `transaction` is knex.transaction, rolled back if `fn` throws.
 */
export class PostgresStore implements Store {
  /** Announces task changes (from the outbox the user_tasks trigger fills) after commits that wrote tasks. */
  readonly taskChanges: TaskChangePump;
  private readonly announce: boolean;

  /** `announceTaskChanges: false` leaves the outbox to other pumps (round-trip budget tests count only the step's own). */
  constructor(readonly knex: Knex, options: { announceTaskChanges?: boolean } = {}) {
    this.taskChanges = new TaskChangePump(knex);
    this.announce = options.announceTaskChanges ?? true;
  }

  /**
   * Runs `fn` in one database transaction on a pipelined connection of
   * knex's pool. A deadlock or serialization failure (two engines stepping
   * instances that message each other) rolls everything back, so the whole
   * transaction is simply run again.
   */
  async transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.once(fn);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 4 || (code !== '40P01' && code !== '40001')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
      }
    }
  }

  /**
   * A batch of transactions on one pipelined connection: each one's COMMIT
   * is sent and the next one's statements follow it on the wire at once, so
   * small transactions (one write statement each) share socket writes and
   * the server runs them back to back. Each commits or rolls back alone.
   */
  async transactionBatch<T>(fns: ((tx: StoreTx) => Promise<T>)[]): Promise<BatchOutcome<T>[]> {
    const client = this.knex.client as { acquireConnection(): Promise<pg.Client>; releaseConnection(connection: pg.Client): Promise<void> };
    const connection = await client.acquireConnection();
    const outcomes: Promise<BatchOutcome<T>>[] = [];
    try {
      for (const fn of fns) {
        const tx = new RawTx(this.knex, connection, this.observer());
        const failure = async (error: unknown): Promise<BatchOutcome<T>> => ({
          ok: false,
          error: translate((error as { code?: string }).code === '25P02' ? await tx.sql.firstFailure(error) : error),
        });
        let value: T;
        try {
          value = await fn(txMethods(connection, tx));
        } catch (error) {
          // ROLLBACK goes out now, before the next transaction's BEGIN
          const rolledBack = tx.sql.rollback();
          outcomes.push(failure(error).then(async (outcome) => {
            await rolledBack;
            return outcome;
          }));
          continue;
        }
        // COMMIT goes out now (a failed one answers ROLLBACK: the transaction is over either way); its answer is awaited with the others'
        outcomes.push(tx.commit().then(() => {
          if (tx.touchedTasks && this.announce) void this.taskChanges.kick();
          return { ok: true as const, value };
        }, failure));
      }
      return await Promise.all(outcomes);
    } finally {
      await client.releaseConnection(connection);
    }
  }

  private async once<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    const client = this.knex.client as { acquireConnection(): Promise<pg.Client>; releaseConnection(connection: pg.Client): Promise<void> };
    const connection = await client.acquireConnection();
    const tx = new RawTx(this.knex, connection, this.observer());
    try {
      const result = await fn(txMethods(connection, tx));
      await tx.commit();
      if (tx.touchedTasks && this.announce) void this.taskChanges.kick();
      return result;
    } catch (error) {
      // a statement after a failed one only says "current transaction is aborted": report the failure itself
      const failure = (error as { code?: string }).code === '25P02' ? await tx.sql.firstFailure(error) : error;
      await tx.sql.rollback();
      throw translate(failure);
    } finally {
      await client.releaseConnection(connection);
    }
  }

  /** Passes raw statements to knex's 'query' listeners (statement counts, logs), when there are any. */
  private observer(): StatementObserver | undefined {
    const knex = this.knex as unknown as { listenerCount(event: string): number; emit(event: string, data: unknown): void };
    if (knex.listenerCount('query') === 0) return undefined;
    return (sql, bindings) => knex.emit('query', { sql, bindings, method: 'raw' });
  }

  getDefinition = (id: string) => definitions.getDefinition(this.knex, id);
  latestDefinition = (key: string) => definitions.latestDefinition(this.knex, key);
  listDefinitions: Store['listDefinitions'] = (filter) => definitions.listDefinitions(this.knex, filter);
  getInstance = (id: string) => instances.getInstance(this.knex, id);
  listInstances: Store['listInstances'] = (filter) => instances.listInstances(this.knex, filter);
  getTask = (id: string) => tasks.getTask(this.knex, id);
  listTasks: Store['listTasks'] = (filter) => tasks.listTasks(this.knex, filter);
  listTimers: Store['listTimers'] = (filter) => timers.listTimers(this.knex, filter);
  listJobs: Store['listJobs'] = (filter) => jobs.listJobs(this.knex, filter);
  listSubscriptions: Store['listSubscriptions'] = (filter) => subscriptions.listSubscriptions(this.knex, filter);
  getIncident = (id: string) => incidents.getIncident(this.knex, id);
  listIncidents: Store['listIncidents'] = (filter) => incidents.listIncidents(this.knex, filter);
  history = (instanceId: string) => historyRepo.history(this.knex, instanceId);
  latestForm = (formId: string) => forms.latestForm(this.knex, formId);
  openTaskCounts = (users: string[]) => tasks.openTaskCounts(this.knex, users);
  elementCounts = (definitionKey: string, now: Date) => instances.elementCounts(this.knex, definitionKey, now);
  listCalendars = () => calendars.listCalendars(this.knex);
  listNotifications: Store['listNotifications'] = (filter) => notifications.listNotifications(this.knex, filter);
  listEmails: Store['listEmails'] = (filter) => emails.listEmails(this.knex, filter);
  slaCounts = (now: Date) => tasks.slaCounts(this.knex, now);
  timeline = (businessKey: string, limit: number) => customerTimeline(this.knex, businessKey, limit);
}
