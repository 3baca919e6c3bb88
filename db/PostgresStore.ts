/**
 * The engine's Store on PostgreSQL through knex: every StoreTx method is a
 * repository function bound to the transaction.
 */
import type { Knex } from 'knex';
import type { Store, StoreTx } from '../engine/index.js';
import * as definitions from './repositories/definitions.js';
import * as instances from './repositories/instances.js';
import * as tasks from './repositories/tasks.js';
import * as timers from './repositories/timers.js';
import * as jobs from './repositories/jobs.js';
import * as forms from './repositories/forms.js';
import * as subscriptions from './repositories/subscriptions.js';
import * as incidents from './repositories/incidents.js';
import * as historyRepo from './repositories/history.js';
import { applyEffects } from './repositories/effects.js';
import * as calendars from './repositories/calendars.js';
import * as assignment from './repositories/assignment.js';
import * as notifications from './repositories/notifications.js';
import * as emails from './repositories/emails.js';
import { timeline as customerTimeline } from './repositories/timeline.js';
import type { Db } from './repositories/rows.js';

/** The StoreTx of one transaction: each method is a repository function on `db`. */
function txMethods(db: Db): StoreTx {
  return {
    insertDeployment: (d) => definitions.insertDeployment(db, d),
    insertDefinitions: (d) => definitions.insertDefinitions(db, d),
    latestDefinition: (key) => definitions.latestDefinition(db, key),
    getDefinition: (id) => definitions.getDefinition(db, id),
    insertForms: (f) => forms.insertForms(db, f),
    latestForm: (formId) => forms.latestForm(db, formId),
    lockDefinitionKeys: (keys) => definitions.lockDefinitionKeys(db, keys),
    countInstances: (id) => definitions.countInstances(db, id),
    deleteDefinition: (id) => definitions.deleteDefinition(db, id),
    insertInstance: (i) => instances.insertInstance(db, i),
    insertInstances: (list) => instances.insertInstances(db, list),
    keysAwaited: (name, keys) => subscriptions.keysAwaited(db, name, keys),
    lockInstance: (id) => instances.lockInstance(db, id),
    tryLockInstance: (id) => instances.tryLockInstance(db, id),
    claimDueTimer: (now, skip) => timers.claimDueTimer(db, now, skip),
    claimTimer: (id, now) => timers.claimTimer(db, id, now),
    expireJobLocks: (now, limit) => jobs.expireJobLocks(db, now, limit),
    updateInstance: (i) => instances.updateInstance(db, i),
    getTask: (id) => tasks.getTask(db, id),
    updateOpenTask: (id, patch) => tasks.updateOpenTask(db, id, patch),
    getTimer: (id) => timers.getTimer(db, id),
    markTimerFired: (id, at) => timers.markTimerFired(db, id, at),
    rescheduleTimer: (id, at) => timers.rescheduleTimer(db, id, at),
    dueTimers: (now, limit) => timers.dueTimers(db, now, limit),
    getJob: (id) => jobs.getJob(db, id),
    activateJobs: (type, worker, max, now, until) => jobs.activateJobs(db, type, worker, max, now, until),
    updateJob: (id, patch) => jobs.updateJob(db, id, patch),
    findSubscriptions: (kind, name, key) => subscriptions.findSubscriptions(db, kind, name, key),
    markSubscriptionCorrelated: (id) => subscriptions.markSubscriptionCorrelated(db, id),
    findStartSubscriptions: (kind, name) => subscriptions.findStartSubscriptions(db, kind, name),
    cancelStartTriggers: async (key) => {
      await timers.cancelStartTimers(db, key);
      await subscriptions.cancelStartSubscriptions(db, key);
    },
    getIncident: (id) => incidents.getIncident(db, id),
    getIncidentForTimer: (id) => incidents.getIncidentForTimer(db, id),
    getIncidentForTask: (id) => incidents.getIncidentForTask(db, id),
    applyEffects: (effects) => applyEffects(db, effects),
    membersOf: (groups) => assignment.membersOf(db, groups),
    unknownUsers: (users) => assignment.unknownUsers(db, users),
    managersOf: (users) => assignment.managersOf(db, users),
    assignmentLoads: (users) => assignment.assignmentLoads(db, users),
    lockRotation: (key) => assignment.lockRotation(db, key),
    saveRotation: (key, assignee) => assignment.saveRotation(db, key, assignee),
    setTaskSla: (id, sla) => tasks.setTaskSla(db, id, sla),
    markNotificationsRead: (userId, ids, at) => notifications.markNotificationsRead(db, userId, ids, at),
    claimNotificationEmails: (max, now) => notifications.claimNotificationEmails(db, max, now),
    settleNotificationEmail: (id, patch) => notifications.settleNotificationEmail(db, id, patch),
    insertEmail: (email) => emails.insertEmail(db, email),
    emailForJob: (jobId) => emails.emailForJob(db, jobId),
    emailsOf: (users) => emails.emailsOf(db, users),
    groupsAmong: (ids) => emails.groupsAmong(db, ids),
    listCalendars: () => calendars.listCalendars(db),
    putCalendar: (calendar) => calendars.putCalendar(db, calendar),
    deleteCalendar: (name) => calendars.deleteCalendar(db, name),
  };
}

/**
 * The Store on one knex (and its schema). Reads outside `transaction` run
 * on the pool; `transaction` is knex.transaction, rolled back if `fn` throws.
 */
export class PostgresStore implements Store {
  constructor(readonly knex: Knex) {}

  /**
   * Runs `fn` in one database transaction. A deadlock or serialization
   * failure (two engines stepping instances that message each other) rolls
   * everything back, so the whole transaction is simply run again.
   */
  async transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.knex.transaction((trx) => fn(txMethods(trx)));
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 4 || (code !== '40P01' && code !== '40001')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
      }
    }
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
