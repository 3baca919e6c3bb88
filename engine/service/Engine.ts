/**
 * The engine: the typed API that the HTTP layer and tests use. Every
 * command is one transaction through the Store; nothing about an instance
 * lives only in this object, so any number of Engines may share a database.
 */
import { ConflictError, NotFoundError, StaleDefinitionError, ValidationError } from '../errors/LifelineError.js';
import type { Problem } from '../ir/types.js';
import type { ActivatedJob, DefinitionRecord, FormRecord, HistoryEventRecord, IncidentRecord, InstanceRecord, JobRecord, JsonObject, UserTaskRecord } from '../store/records.js';
import { emptyEffects, type IncidentFilter, type InstanceFilter, type JobFilter, type Page, type PageRequest, type TaskFilter } from '../store/Store.js';
import { parseBpmn } from '../parser/index.js';
import { completeActivity, modify, rethrowUncaught, terminateInstance } from '../runtime/inputs.js';
import { assertJsonVariables } from '../runtime/variables.js';
import type {
  ActivateJobsCommand, CorrelateCommand, CorrelateResult, DeployCommand, DeployResult, EngineApi, FailJobCommand, InstanceDetails, ModifyCommand, StartCommand, ThrowErrorCommand, CompletionCheck,
} from './EngineApi.js';
import { EngineContext, type EngineOptions, type TxScope } from './EngineContext.js';
import { deploy } from './deploy.js';
import { historyNote, startInTx, stepInTx, writeEffects } from './steps.js';
import { deliverMessage } from './correlation.js';
import { deliverRows } from './outbox/delivery.js';
import { fanOutSignal } from './outbox/signals.js';
import { activateJobs, completeJob, failJob, releaseJobs, throwJobError } from './jobs.js';
import { fireDueTimers, fireTimer } from './timers.js';
import { MessageNotCorrelatedError } from '../errors/LifelineError.js';
import { isParkedIncident, refuseResolve, retryParkedIncident } from './incidents.js';
import { Sweeper, sweepOnce, type SweepResult } from './sweep.js';
import { deleteCalendar, saveCalendar, type SaveCalendarCommand } from './calendars.js';
import { assignTask, retryUnknownAssignee } from './tasks.js';
import { claimNotificationEmails, emailForJob, recordEmail, resolveMailRecipients, settleNotificationEmail, type ResolvedRecipients } from './mail.js';
import type { NotificationContent } from './notifications.js';
import type { EmailRecord, NotificationRecord } from '../store/records.js';
import type { EmailFilter, NotificationFilter, SlaState, TimelineEntry } from '../store/Store.js';
import type { CalendarRecord } from '../store/records.js';
import { reactivateFailedJob } from './jobRetry.js';
import { reassignTasks, type ReassignCommand, type Reassignment } from './reassign.js';
import { businessKeyFromVariables, startableProcess, startableProcesses, type StartableProcess } from './startForms.js';

function checkVariables(variables: JsonObject | undefined): JsonObject {
  if (variables === undefined) return {};
  if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) throw new ValidationError('variables must be a JSON object');
  const problem = assertJsonVariables(variables);
  if (problem) throw new ValidationError(problem);
  return variables;
}

export class Engine implements EngineApi {
  private readonly ctx: EngineContext;

  constructor(options: EngineOptions) {
    this.ctx = new EngineContext(options);
    // cross-instance work a command set off is done before it returns (outbox/delivery.ts)
    if (options.deliverEagerly !== false) this.ctx.deliverOutbox = async (rows, watch) => void (await deliverRows(this.ctx, rows, watch));
  }

  // ── deployments ──────────────────────────────────────────────────────────
  async deploy(command: DeployCommand): Promise<DeployResult> {
    const result = await deploy(this.ctx, command);
    for (const definition of result.definitions) if (definition.isNew) this.ctx.newestVersions.delete(definition.key);
    return result;
  }

  async validate(xml: string): Promise<Problem[]> {
    return (await parseBpmn(xml)).problems;
  }

  async inspect(xml: string | Uint8Array): Promise<{ problems: Problem[]; warnings: Problem[] }> {
    const { problems, warnings } = await parseBpmn(xml);
    return { problems, warnings };
  }

  async getDefinition(id: string): Promise<DefinitionRecord> {
    const definition = await this.ctx.store.getDefinition(id);
    if (!definition) throw new NotFoundError('process definition', id);
    return definition;
  }

  listDefinitions(filter: PageRequest & { key?: string; latestOnly?: boolean }): Promise<Page<DefinitionRecord>> {
    return this.ctx.store.listDefinitions(filter);
  }

  async deleteDefinition(id: string): Promise<void> {
    const key = await this.ctx.transaction(async ({ tx }) => {
      const definition = await tx.getDefinition(id);
      if (!definition) throw new NotFoundError('process definition', id);
      await tx.lockDefinitionKeys([definition.key]);
      const count = await tx.countInstances(id);
      if (count > 0) throw new ConflictError(`process definition ${definition.key} version ${definition.version} has ${count} instance(s) and cannot be deleted`, { definitionId: id, instances: count });
      await tx.deleteDefinition(id);
      return definition.key;
    });
    this.ctx.models.forget(id);
    this.ctx.newestVersions.delete(key);
  }

  async getForm(formId: string): Promise<FormRecord> {
    const form = await this.ctx.store.latestForm(formId);
    if (!form) throw new NotFoundError('form', formId);
    return form;
  }

  // ── instances ────────────────────────────────────────────────────────────
  async startInstance(command: StartCommand): Promise<InstanceRecord> {
    const variables = checkVariables(command.variables);
    try {
      return await this.startOnce(command, variables, true);
    } catch (error) {
      if (!(error instanceof StaleDefinitionError) || !command.definitionKey) throw error;
      // another process deployed (or deleted) a version since this one remembered the newest: read it this time
      this.ctx.newestVersions.delete(command.definitionKey);
      return this.startOnce(command, variables, false);
    }
  }

  /**
   * One attempt at a start. By key, the newest version is the one this
   * process remembers (checked in the step's write statement, so a start
   * that reads nothing is one statement) or, the first time, read.
   */
  private startOnce(command: StartCommand, variables: JsonObject, remember: boolean): Promise<InstanceRecord> {
    return this.ctx.transaction(async (scope) => {
      const key = command.definitionId ? undefined : command.definitionKey;
      const remembered = key && remember ? this.ctx.newestVersions.get(key) : undefined;
      const id = command.definitionId ?? remembered ?? (key ? await scope.tx.latestDefinitionId(key) : undefined);
      const definition = id ? (await this.ctx.models.find(scope.tx, id))?.definition : undefined;
      if (!definition && remembered) throw new StaleDefinitionError(`the remembered newest version of ${key} is gone`);
      if (!definition) throw new NotFoundError('process definition', command.definitionId ?? command.definitionKey ?? '(none given)');
      if (key && remembered) scope.tx.expectLatestDefinition(key, definition.version);
      else if (key) this.ctx.newestVersions.set(key, definition.id);
      const noneStart = definition.ir.startEvents.find((id) => (definition.ir.nodes[id].event?.type ?? 'none') === 'none');
      // A process without start events starts at every node no flow leads to (BPMN 10.5.2).
      if (!noneStart && definition.ir.startEvents.length > 0) throw new ConflictError(`process ${definition.key} has no none start event: it starts by message, signal or timer`);
      const businessKey = command.businessKey ?? businessKeyFromVariables(definition.ir, noneStart, variables) ?? null;
      const instance = await startInTx(this.ctx, scope, definition, { businessKey, variables, actor: command.actor ?? null, ...(noneStart ? { startEventId: noneStart } : {}) });
      return scope.latest.get(instance.id) ?? instance;
    });
  }

  /** The processes a person can start by hand, with their start forms (Tasklist's "Processes"). */
  startableProcesses(): Promise<StartableProcess[]> {
    return startableProcesses(this.ctx.store);
  }

  /** One process as a person starts it: its latest version, start event and start form. */
  startableProcess(key: string): Promise<StartableProcess> {
    return startableProcess(this.ctx.store, key);
  }

  async getInstance(id: string): Promise<InstanceDetails> {
    const store = this.ctx.store;
    const instance = await store.getInstance(id);
    if (!instance) throw new NotFoundError('process instance', id);
    const [tasks, timers, jobs, subscriptions, incidents] = await Promise.all([
      store.listTasks({ instanceId: id, limit: 1000 }),
      store.listTimers({ instanceId: id }),
      store.listJobs({ instanceId: id, limit: 1000 }),
      store.listSubscriptions({ instanceId: id }),
      store.listIncidents({ instanceId: id, limit: 1000 }),
    ]);
    return { ...instance, tasks: tasks.items, timers, jobs: jobs.items, subscriptions, incidents: incidents.items };
  }

  listInstances(filter: InstanceFilter): Promise<Page<InstanceRecord>> {
    return this.ctx.store.listInstances(filter);
  }

  private async step(id: string, actor: string | null, input: Parameters<typeof stepInTx>[4]): Promise<InstanceRecord> {
    return this.ctx.transaction(async (scope) => {
      await stepInTx(this.ctx, scope, id, actor, input);
      return scope.latest.get(id)!;
    });
  }

  cancelInstance(id: string, actor?: string): Promise<InstanceRecord> {
    return this.step(id, actor ?? null, (rt) => {
      rt.history('process.cancel.requested', null);
      terminateInstance(rt);
    });
  }

  setVariables(id: string, variables: JsonObject, actor?: string): Promise<InstanceRecord> {
    const checked = checkVariables(variables);
    return this.step(id, actor ?? null, (rt) => {
      Object.assign(rt.tree.root.variables, checked);
      rt.history('variables.set', null, { names: Object.keys(checked) });
      rt.run(); // conditional events see the new values
    });
  }

  modifyInstance(id: string, command: ModifyCommand): Promise<InstanceRecord> {
    const variables = checkVariables(command.variables);
    return this.step(id, command.actor ?? null, (rt) => {
      Object.assign(rt.tree.root.variables, variables);
      rt.history('process.modified', null, { activate: command.activate ?? [], cancel: command.cancel ?? [] });
      modify(rt, (command.activate ?? []).map((a) => a.elementId), (command.cancel ?? []).map((c) => c.elementId));
    });
  }

  history(instanceId: string): Promise<HistoryEventRecord[]> {
    return this.ctx.store.history(instanceId);
  }

  // ── user tasks ───────────────────────────────────────────────────────────
  listTasks(filter: TaskFilter): Promise<Page<UserTaskRecord>> {
    return this.ctx.store.listTasks({ now: this.ctx.now(), ...filter });
  }

  async getTask(id: string): Promise<UserTaskRecord> {
    const task = await this.ctx.store.getTask(id);
    if (!task) throw new NotFoundError('task', id);
    return task;
  }

  private async openTask(scope: TxScope, id: string): Promise<UserTaskRecord> {
    const task = await scope.tx.getTask(id);
    if (!task) throw new NotFoundError('task', id);
    if (task.state !== 'created') throw new ConflictError(`task ${id} is ${task.state}`, { taskId: id, state: task.state });
    return task;
  }

  private async changeTask(id: string, actor: string | null, change: (task: UserTaskRecord) => Partial<UserTaskRecord>, event: string): Promise<UserTaskRecord> {
    return this.ctx.transaction(async (scope) => {
      const first = await this.openTask(scope, id);
      await scope.tx.lockInstance(first.instanceId);
      const task = await this.openTask(scope, id);
      const patch = change(task);
      await scope.tx.updateOpenTask(id, patch);
      await writeEffects(scope, { ...emptyEffects(), history: [historyNote(task.instanceId, scope.now, event, task.elementId, { taskId: id, assignee: patch.assignee ?? null }, actor)] });
      return { ...task, ...patch };
    });
  }

  claimTask(id: string, userId: string): Promise<UserTaskRecord> {
    if (!userId) throw new ValidationError('a claim needs a user');
    return this.changeTask(id, userId, (task) => {
      if (task.assignee && task.assignee !== userId) throw new ConflictError(`task ${id} is already claimed by ${task.assignee}`, { taskId: id, assignee: task.assignee });
      return { assignee: userId, claimedAt: this.ctx.now() };
    }, 'task.claimed');
  }

  unclaimTask(id: string, actor?: string): Promise<UserTaskRecord> {
    return this.changeTask(id, actor ?? null, () => ({ assignee: null, claimedAt: null }), 'task.unclaimed');
  }

  assignTask(id: string, assignee: string | null, actor?: string): Promise<UserTaskRecord> {
    return assignTask(this.ctx, id, assignee, actor ?? null);
  }

  /** Hands several open tasks to one user, or each to the least-loaded member of a group; all in one transaction or none (reassign.ts). */
  reassignTasks(command: ReassignCommand): Promise<Reassignment[]> {
    return reassignTasks(this.ctx, command);
  }

  async completeTask(id: string, variables?: JsonObject, actor?: string, options: { check?: CompletionCheck } = {}): Promise<void> {
    const checked = checkVariables(variables);
    await this.ctx.transaction(async (scope) => {
      // one round trip: the instance locked and the task read under that lock
      const locked = await scope.tx.lockInstanceOfTask(id);
      if (!locked) throw new NotFoundError('task', id);
      const { task, instance } = locked;
      if (options.check) await options.check(task, async () => (task.formId ? scope.tx.latestForm(task.formId) : undefined));
      if (task.state !== 'created') throw new ConflictError(`task ${id} is ${task.state}`, { taskId: id, state: task.state });
      await stepInTx(
        this.ctx, scope, task.instanceId, actor ?? null,
        (rt) => {
          rt.history('task.completed', rt.index.get(task.activityInstanceId) ?? null, { taskId: id });
          completeActivity(rt, task.activityInstanceId, checked, { task: id });
        },
        () => scope.tx.completeLockedTask(task, scope.now, actor ?? null),
        { locked: instance },
      );
    });
  }

  // ── messages and signals ─────────────────────────────────────────────────
  async correlateMessage(command: CorrelateCommand): Promise<CorrelateResult> {
    if (!command.name) throw new ValidationError('a message needs a name');
    const variables = checkVariables(command.variables);
    const result = await this.ctx.transaction((scope) => deliverMessage(this.ctx, scope, { ...command, variables, actor: command.actor ?? null }));
    if (result.correlated.length === 0 && result.started.length === 0) throw new MessageNotCorrelatedError(command.name, command.correlationKey);
    return result;
  }

  async broadcastSignal(name: string, variables?: JsonObject, actor?: string): Promise<{ instanceIds: string[] }> {
    if (!name) throw new ValidationError('a signal needs a name');
    const checked = checkVariables(variables);
    // one outbox row per catching or starting instance, each delivered in a transaction of its own before this returns
    const instanceIds = await this.ctx.transaction((scope) => fanOutSignal(this.ctx, scope, { name, variables: checked, actor: actor ?? null, sender: null, elementId: null, hops: 0, key: this.ctx.newId() }));
    return { instanceIds };
  }

  // ── jobs ─────────────────────────────────────────────────────────────────
  activateJobs(command: ActivateJobsCommand): Promise<ActivatedJob[]> {
    return activateJobs(this.ctx, command);
  }

  completeJob(id: string, variables?: JsonObject, actor?: string): Promise<void> {
    return completeJob(this.ctx, id, checkVariables(variables), actor ?? null);
  }

  failJob(id: string, command: FailJobCommand): Promise<void> {
    return failJob(this.ctx, id, command);
  }

  throwJobError(id: string, command: ThrowErrorCommand): Promise<void> {
    return throwJobError(this.ctx, id, { ...command, variables: checkVariables(command.variables) });
  }

  /** Gives jobs locked by `worker` back at once (their activation never reached the worker). */
  releaseJobs(ids: string[], worker: string): Promise<number> {
    return releaseJobs(this.ctx, ids, worker);
  }

  listJobs(filter: JobFilter): Promise<Page<JobRecord>> {
    return this.ctx.store.listJobs(filter);
  }

  // ── incidents ────────────────────────────────────────────────────────────
  listIncidents(filter: IncidentFilter): Promise<Page<IncidentRecord>> {
    return this.ctx.store.listIncidents(filter);
  }

  async retryIncident(id: string, options: { retries?: number; actor?: string } = {}): Promise<void> {
    let retimer: string | null = null;
    await this.ctx.transaction(async (scope) => {
      const incident = await scope.tx.getIncident(id);
      if (!incident) throw new NotFoundError('incident', id);
      if (incident.state !== 'open') throw new ConflictError(`incident ${id} is already resolved`);
      const actor = options.actor ?? null;
      if (isParkedIncident(incident)) return retryParkedIncident(this.ctx, scope, incident, actor);
      const resolve = { ...emptyEffects(), resolveIncidents: [id], history: [historyNote(incident.instanceId, scope.now, 'incident.resolved', incident.elementId, { incidentId: id, type: incident.type }, actor)] };
      switch (incident.type) {
        case 'job_no_retries': {
          await reactivateFailedJob(scope, incident, options.retries ?? 1);
          await writeEffects(scope, resolve);
          return;
        }
        case 'unhandled_error': {
          await writeEffects(scope, resolve);
          await stepInTx(this.ctx, scope, incident.instanceId, actor, (rt) => rethrowUncaught(rt, incident.activityInstanceId!));
          return;
        }
        case 'expression_failed': {
          await writeEffects(scope, resolve);
          if (incident.timerId) {
            await scope.tx.rescheduleTimer(incident.timerId, scope.now);
            retimer = incident.timerId;
          }
          return;
        }
        case 'unknown_assignee':
          await retryUnknownAssignee(this.ctx, scope, incident, actor);
          return;
        case 'delivery_failed': {
          // the parked outbox row is due again: delivered after commit, like any row this transaction wrote
          for (const rowId of await scope.tx.requeueOutboxOfIncident(id, scope.now)) scope.outbox.push({ id: rowId, kind: 'retry' });
          await writeEffects(scope, resolve);
          return;
        }
        case 'called_process_missing':
          throw new ConflictError(`incident ${id}: deploy process for ${incident.elementId} first, then modify the instance to re-enter ${incident.elementId}`);
        default:
          throw new ConflictError(`incident ${id} of type ${incident.type} cannot be retried`);
      }
    });
    if (retimer) await fireTimer(this.ctx, retimer);
  }

  async resolveIncident(id: string, actor?: string): Promise<void> {
    await this.ctx.transaction(async (scope) => {
      const incident = await scope.tx.getIncident(id);
      if (!incident) throw new NotFoundError('incident', id);
      if (incident.state !== 'open') throw new ConflictError(`incident ${id} is already resolved`);
      if (isParkedIncident(incident)) refuseResolve(incident);
      await writeEffects(scope, { ...emptyEffects(), resolveIncidents: [id], history: [historyNote(incident.instanceId, scope.now, 'incident.resolved', incident.elementId, { incidentId: id, type: incident.type, retried: false }, actor ?? null)] });
    });
  }

  elementCounts(definitionKey: string): Promise<Record<string, { active: number; incidents: number; overdue: number }>> {
    return this.ctx.store.elementCounts(definitionKey, this.ctx.now());
  }

  // ── timers ───────────────────────────────────────────────────────────────
  fireDueTimers(): Promise<number> {
    return fireDueTimers(this.ctx);
  }

  fireTimer(id: string): Promise<boolean> {
    return fireTimer(this.ctx, id);
  }

  // ── due work ─────────────────────────────────────────────────────────────
  /** One due-work sweep: timers, expired job locks. */
  sweep(): Promise<SweepResult> {
    return sweepOnce(this.ctx);
  }

  private sweeper?: Sweeper;

  /** Sweeps every `intervalMs` in the background (every engine process should). */
  startSweeping(intervalMs: number): void {
    this.sweeper ??= new Sweeper(this.ctx, intervalMs);
    this.sweeper.start();
  }

  /** Stops the background sweep, waiting for one in progress. */
  async stopSweeping(): Promise<void> {
    await this.sweeper?.stop();
  }

  // ── business calendars ───────────────────────────────────────────────────
  listCalendars(): Promise<CalendarRecord[]> {
    return this.ctx.store.listCalendars();
  }

  async getCalendar(name: string): Promise<CalendarRecord> {
    const calendar = (await this.ctx.store.listCalendars()).find((c) => c.name === name);
    if (!calendar) throw new NotFoundError('business calendar', name);
    return calendar;
  }

  saveCalendar(command: SaveCalendarCommand): Promise<CalendarRecord> {
    return saveCalendar(this.ctx, command);
  }

  deleteCalendar(name: string): Promise<void> {
    return deleteCalendar(this.ctx, name);
  }

  // ── notifications, mail, monitoring ──────────────────────────────────────
  listNotifications(filter: NotificationFilter): Promise<Page<NotificationRecord> & { unread: number }> {
    return this.ctx.store.listNotifications(filter);
  }

  markNotificationsRead(userId: string, ids?: string[]): Promise<number> {
    return this.ctx.transaction(({ tx, now }) => tx.markNotificationsRead(userId, ids, now));
  }

  listEmails(filter: EmailFilter): Promise<Page<EmailRecord>> {
    return this.ctx.store.listEmails(filter);
  }

  resolveMailRecipients(list: string | string[]): Promise<ResolvedRecipients> {
    return resolveMailRecipients(this.ctx, list);
  }

  recordEmail(email: EmailRecord, staff?: string[], notice?: NotificationContent): Promise<void> {
    return recordEmail(this.ctx, email, staff, notice);
  }

  emailForJob(jobId: string): Promise<EmailRecord | undefined> {
    return emailForJob(this.ctx, jobId);
  }

  claimNotificationEmails(max: number): Promise<{ notification: NotificationRecord; email: string | null; attempts: number }[]> {
    return claimNotificationEmails(this.ctx, max);
  }

  settleNotificationEmail(id: string, outcome: Parameters<typeof settleNotificationEmail>[2], email?: EmailRecord): Promise<void> {
    return settleNotificationEmail(this.ctx, id, outcome, email);
  }

  slaCounts(): Promise<Record<string, Record<SlaState, number>>> {
    return this.ctx.store.slaCounts(this.ctx.now());
  }

  timeline(businessKey: string, limit = 500): Promise<TimelineEntry[]> {
    return this.ctx.store.timeline(businessKey, limit);
  }

  /** The engine's clock (workers and routes judge SLAs and backoffs by it). */
  now(): Date {
    return this.ctx.now();
  }

  /** A fresh id for records made outside the engine (mails). */
  newId(): string {
    return this.ctx.newId();
  }
}
