/**
 * The writes of a transaction, held until its next read or its commit and
 * then sent as ONE statement (data-modifying CTEs, one per kind of row):
 * new and changed instances, every effect (tasks, timers, jobs,
 * subscriptions, incidents, notifications, history, cancellations),
 * completed tasks and fired timers. A step then costs one write statement,
 * sent together with COMMIT.
 *
 * The CTEs of one statement see the same snapshot and must not touch a row
 * twice, so a row inserted and ended within the same batch (a task created
 * and cancelled in one step) is inserted in its final state instead.
 * Updates that must touch exactly the rows read under the step's locks are
 * checked in the same statement (`lifeline_expect`, migration 030).
 *
 * An update joined to its rows (`jsonb_to_recordset`, which the planner
 * guesses at a hundred rows) also names its ids as an array (`id = any(...)`):
 * without it the planner chose a hash join over a sequential scan of the
 * whole table, so every completion read every instance and task there is.
 */
import type { Effects, InstanceRecord, JobRecord, SubscriptionRecord, TimerRecord, UserTaskRecord, IncidentRecord, OutboxRecord } from '../../engine/index.js';
import type { Statement } from './Sql.js';
import { HISTORY, INCIDENTS, INSTANCES, JOBS, NOTIFICATIONS, OUTBOX, SUBSCRIPTIONS, TASKS, TIMERS, insertSql, rowsJson, type TableSpec } from './tables.js';

/** Rows per kind per statement: a big step is written a thousand rows at a time. */
export const CHUNK = 1_000;

interface InstanceUpdate {
  record: InstanceRecord;
  /** The revision the step read (and the row must still have). */
  expected: number;
}


export class StepWrites {
  private inserted = new Map<string, InstanceRecord>();
  private updated = new Map<string, InstanceUpdate>();
  private tasks: UserTaskRecord[] = [];
  private timers: TimerRecord[] = [];
  private jobs: JobRecord[] = [];
  private subscriptions: SubscriptionRecord[] = [];
  private incidents: IncidentRecord[] = [];
  private history: Effects['history'] = [];
  private notifications: Effects['notifications'] = [];
  private cancelTasks = new Set<string>();
  private cancelTimers = new Set<string>();
  private cancelJobs = new Set<string>();
  private cancelSubscriptions = new Set<string>();
  private resolveIncidents = new Map<string, Date>();
  private completedTasks = new Map<string, { instanceId: string; at: Date; by: string | null }>();
  private firedTimers = new Map<string, Date>();
  /** Outbox rows written by a sender's step, and delivered rows to delete. */
  private outbox: OutboxRecord[] = [];
  private deleteOutbox = new Set<string>();
  /** Delivered outbox rows recorded in their target's inbox (migration 140). */
  private inbox: { instanceId: string; outboxId: string; at: Date }[] = [];
  private latestDefinitions = new Map<string, number>();
  /** Rows waiting, to bound memory: the Store sends them once there are many. */
  rows = 0;

  /** Whether anything waits to be written. */
  get empty(): boolean {
    return this.rows === 0;
  }

  addInstance(instance: InstanceRecord): void {
    this.inserted.set(instance.id, { ...instance });
    this.rows += 1;
  }

  /** A changed instance: folded into its insert or an earlier update of the same batch. */
  updateInstance(instance: InstanceRecord): void {
    const inserted = this.inserted.get(instance.id);
    if (inserted) {
      this.inserted.set(instance.id, { ...instance, revision: instance.revision + 1 });
      return;
    }
    const earlier = this.updated.get(instance.id);
    this.updated.set(instance.id, { record: { ...instance, revision: instance.revision + 1 }, expected: earlier?.expected ?? instance.revision });
    if (!earlier) this.rows += 1;
  }

  addEffects(effects: Effects): void {
    this.tasks.push(...effects.tasks);
    this.timers.push(...effects.timers);
    this.jobs.push(...effects.jobs);
    this.subscriptions.push(...effects.subscriptions);
    this.incidents.push(...effects.incidents);
    this.notifications.push(...effects.notifications);
    this.history.push(...effects.history);
    if (effects.outbox?.length) this.outbox.push(...effects.outbox);
    for (const id of effects.cancelTasks) this.cancelTasks.add(id);
    for (const id of effects.cancelTimers) this.cancelTimers.add(id);
    for (const id of effects.cancelJobs) this.cancelJobs.add(id);
    for (const id of effects.cancelSubscriptions) this.cancelSubscriptions.add(id);
    const at = effects.history[0]?.at ?? new Date();
    for (const id of effects.resolveIncidents) this.resolveIncidents.set(id, at);
    this.rows += effects.tasks.length + effects.timers.length + effects.jobs.length + effects.subscriptions.length + effects.incidents.length + effects.notifications.length + effects.history.length
      + effects.cancelTasks.length + effects.cancelTimers.length + effects.cancelJobs.length + effects.cancelSubscriptions.length + effects.resolveIncidents.length + (effects.outbox?.length ?? 0);
  }

  /** An open task of a locked instance completes (it was read as open under the lock). */
  completeTask(id: string, instanceId: string, at: Date, by: string | null): void {
    this.completedTasks.set(id, { instanceId, at, by });
    this.rows += 1;
  }

  /** A delivered outbox row goes (it was locked by this transaction). */
  deleteOutboxRow(id: string): void {
    this.deleteOutbox.add(id);
    this.rows += 1;
  }

  /** A delivered outbox row is recorded in its target's inbox (one that is there already is left as it is). */
  receiveOutboxRow(instanceId: string, outboxId: string, at: Date): void {
    this.inbox.push({ instanceId, outboxId, at });
    this.rows += 1;
  }

  /** Claimed timers fire. */
  fireTimers(ids: string[], at: Date): void {
    for (const id of ids) this.firedTimers.set(id, at);
    this.rows += ids.length;
  }

  /** The statement fails (LL410) if `key` has a version newer than `version` (migration 130). */
  expectLatestDefinition(key: string, version: number): void {
    this.latestDefinitions.set(key, version);
    this.rows += 1;
  }

  /** Rows inserted and ended in this batch are inserted ended; rows ended twice are ended once. */
  private fold(): void {
    const end = <T extends { id: string }>(rows: T[], ids: Set<string>, ended: (row: T) => T): T[] =>
      ids.size === 0 ? rows : rows.map((row) => (ids.delete(row.id) ? ended(row) : row));
    this.tasks = end(this.tasks, this.cancelTasks, (t) => (t.state === 'created' ? { ...t, state: 'cancelled' } : t));
    for (const id of this.completedTasks.keys()) this.cancelTasks.delete(id);
    this.timers = end(this.timers, this.cancelTimers, (t) => (t.state === 'scheduled' ? { ...t, state: 'cancelled' } : t));
    for (const id of this.firedTimers.keys()) this.cancelTimers.delete(id);
    this.jobs = end(this.jobs, this.cancelJobs, (j) => (['activatable', 'activated', 'failed'].includes(j.state) ? { ...j, state: 'cancelled', lockExpiresAt: null } : j));
    this.subscriptions = end(this.subscriptions, this.cancelSubscriptions, (s) => (s.state === 'open' ? { ...s, state: 'cancelled' } : s));
    if (this.resolveIncidents.size) {
      this.incidents = this.incidents.map((i) => {
        const at = this.resolveIncidents.get(i.id);
        if (!at) return i;
        this.resolveIncidents.delete(i.id);
        return i.state === 'open' ? { ...i, state: 'resolved', resolvedAt: at } : i;
      });
    }
  }

  /**
   * Takes everything waiting and empties the batch; the statements (one, or
   * one per thousand rows of the biggest kind) are built as they are
   * iterated, so a caller may yield to the event loop between them.
   */
  take(): Iterable<Statement> {
    this.fold();
    const kinds = {
      inserted: [...this.inserted.values()],
      updated: [...this.updated.values()],
      tasks: this.tasks, timers: this.timers, jobs: this.jobs, subscriptions: this.subscriptions, incidents: this.incidents,
      notifications: this.notifications, history: this.history,
      cancelTasks: [...this.cancelTasks], cancelTimers: [...this.cancelTimers], cancelJobs: [...this.cancelJobs], cancelSubscriptions: [...this.cancelSubscriptions],
      resolveIncidents: [...this.resolveIncidents], completedTasks: [...this.completedTasks], firedTimers: [...this.firedTimers],
      outbox: this.outbox, deleteOutbox: [...this.deleteOutbox], inbox: this.inbox,
      latestDefinitions: [...this.latestDefinitions],
    };
    Object.assign(this, new StepWrites());
    const longest = Math.max(...Object.values(kinds).map((list) => list.length));
    return (function* () {
      for (let from = 0; from < longest; from += CHUNK) {
        const part = <T>(list: T[]) => list.slice(from, from + CHUNK);
        yield buildStatement({
          inserted: part(kinds.inserted), updated: part(kinds.updated), tasks: part(kinds.tasks), timers: part(kinds.timers), jobs: part(kinds.jobs),
          subscriptions: part(kinds.subscriptions), incidents: part(kinds.incidents), notifications: part(kinds.notifications), history: part(kinds.history),
          cancelTasks: part(kinds.cancelTasks), cancelTimers: part(kinds.cancelTimers), cancelJobs: part(kinds.cancelJobs), cancelSubscriptions: part(kinds.cancelSubscriptions),
          resolveIncidents: part(kinds.resolveIncidents), completedTasks: part(kinds.completedTasks), firedTimers: part(kinds.firedTimers),
          outbox: part(kinds.outbox), deleteOutbox: part(kinds.deleteOutbox), inbox: part(kinds.inbox),
          latestDefinitions: part(kinds.latestDefinitions),
        });
      }
    })();
  }
}

interface Batch {
  inserted: InstanceRecord[];
  updated: InstanceUpdate[];
  tasks: UserTaskRecord[];
  timers: TimerRecord[];
  jobs: JobRecord[];
  subscriptions: SubscriptionRecord[];
  incidents: IncidentRecord[];
  notifications: Effects['notifications'];
  history: Effects['history'];
  cancelTasks: string[];
  cancelTimers: string[];
  cancelJobs: string[];
  cancelSubscriptions: string[];
  resolveIncidents: [string, Date][];
  completedTasks: [string, { instanceId: string; at: Date; by: string | null }][];
  firedTimers: [string, Date][];
  outbox: OutboxRecord[];
  deleteOutbox: string[];
  inbox: { instanceId: string; outboxId: string; at: Date }[];
  latestDefinitions: [string, number][];
}

/** One statement writing a batch: a CTE per non-empty kind, then the checks. */
function buildStatement(b: Batch): Statement {
  const parts: string[] = [];
  const checks: string[] = [];
  const values: unknown[] = [];
  const param = (value: unknown) => {
    values.push(value);
    return values.length;
  };
  const cte = (sql: string) => parts.push(`w${parts.length} as (${sql})`);
  if (b.inserted.length) cte(insertSql(INSTANCES as TableSpec<never>, param(rowsJson(INSTANCES, b.inserted))));
  if (b.updated.length) {
    const rows = JSON.stringify(b.updated.map(({ record: i, expected }) => ({
      id: i.id, snapshot: i.snapshot, variables: i.variables, state: i.state, active_elements: i.activeElements, ended_at: i.endedAt, updated_at: i.updatedAt, revision: i.revision, expected,
    })));
    cte(`update process_instances p set snapshot = r.snapshot, variables = r.variables, state = r.state, active_elements = r.active_elements, ended_at = r.ended_at, updated_at = r.updated_at, revision = r.revision
         from jsonb_to_recordset($${param(rows)}::jsonb) as r(id uuid, snapshot jsonb, variables jsonb, state text, active_elements text[], ended_at timestamptz, updated_at timestamptz, revision int, expected int)
         where p.id = any($${param(b.updated.map(({ record }) => record.id))}::uuid[]) and p.id = r.id and p.revision = r.expected returning p.id`);
    checks.push(`lifeline_expect((select count(*) from w${parts.length - 1}) = $${param(b.updated.length)}, 'a process instance was changed concurrently')`);
  }
  if (b.completedTasks.length) {
    const rows = JSON.stringify(b.completedTasks.map(([id, c]) => ({ id, instance_id: c.instanceId, at: c.at, by: c.by })));
    cte(`update user_tasks t set state = 'completed', completed_at = r.at, completed_by = r.by from jsonb_to_recordset($${param(rows)}::jsonb) as r(id uuid, instance_id uuid, at timestamptz, by text)
         where t.id = any($${param(b.completedTasks.map(([id]) => id))}::uuid[]) and t.instance_id = r.instance_id and t.id = r.id and t.state = 'created' returning t.id`);
    checks.push(`lifeline_expect((select count(*) from w${parts.length - 1}) = $${param(b.completedTasks.length)}, 'a task was completed by someone else')`);
  }
  if (b.firedTimers.length) {
    const rows = JSON.stringify(b.firedTimers.map(([id, at]) => ({ id, at })));
    cte(`update timers t set state = 'fired', fired_at = r.at from jsonb_to_recordset($${param(rows)}::jsonb) as r(id uuid, at timestamptz)
         where t.id = any($${param(b.firedTimers.map(([id]) => id))}::uuid[]) and t.id = r.id and t.state = 'scheduled' returning t.id`);
    checks.push(`lifeline_expect((select count(*) from w${parts.length - 1}) = $${param(b.firedTimers.length)}, 'a timer was fired or cancelled by someone else')`);
  }
  if (b.tasks.length) cte(insertSql(TASKS as TableSpec<never>, param(rowsJson(TASKS, b.tasks))));
  if (b.timers.length) cte(insertSql(TIMERS as TableSpec<never>, param(rowsJson(TIMERS, b.timers))));
  if (b.jobs.length) cte(insertSql(JOBS as TableSpec<never>, param(rowsJson(JOBS, b.jobs))));
  if (b.subscriptions.length) cte(insertSql(SUBSCRIPTIONS as TableSpec<never>, param(rowsJson(SUBSCRIPTIONS, b.subscriptions))));
  if (b.incidents.length) cte(insertSql(INCIDENTS as TableSpec<never>, param(rowsJson(INCIDENTS, b.incidents))));
  if (b.cancelTasks.length) cte(`update user_tasks set state = 'cancelled' where id = any($${param(b.cancelTasks)}::uuid[]) and state = 'created'`);
  if (b.cancelTimers.length) cte(`update timers set state = 'cancelled' where id = any($${param(b.cancelTimers)}::uuid[]) and state = 'scheduled'`);
  if (b.cancelJobs.length) cte(`update jobs set state = 'cancelled', lock_expires_at = null where id = any($${param(b.cancelJobs)}::uuid[]) and state in ('activatable', 'activated', 'failed')`);
  if (b.cancelSubscriptions.length) cte(`update message_subscriptions set state = 'cancelled' where id = any($${param(b.cancelSubscriptions)}::uuid[]) and state = 'open'`);
  if (b.resolveIncidents.length) {
    const rows = JSON.stringify(b.resolveIncidents.map(([id, at]) => ({ id, at })));
    cte(`update incidents i set state = 'resolved', resolved_at = r.at from jsonb_to_recordset($${param(rows)}::jsonb) as r(id uuid, at timestamptz) where i.id = any($${param(b.resolveIncidents.map(([id]) => id))}::uuid[]) and i.id = r.id and i.state = 'open'`);
  }
  if (b.notifications.length) cte(insertSql(NOTIFICATIONS as TableSpec<never>, param(rowsJson(NOTIFICATIONS, b.notifications))));
  if (b.history.length) cte(insertSql(HISTORY as TableSpec<never>, param(rowsJson(HISTORY, b.history))));
  if (b.outbox.length) cte(insertSql(OUTBOX as TableSpec<never>, param(rowsJson(OUTBOX, b.outbox))));
  if (b.deleteOutbox.length) {
    // a row delivered by another engine process meanwhile is a conflict: this delivery rolls back
    cte(`delete from instance_outbox where id = any($${param(b.deleteOutbox)}::uuid[]) returning id`);
    checks.push(`lifeline_expect((select count(*) from w${parts.length - 1}) = $${param(b.deleteOutbox.length)}, 'an outbox row was delivered by someone else')`);
  }
  if (b.inbox.length) {
    const rows = JSON.stringify(b.inbox.map((r) => ({ instance_id: r.instanceId, outbox_id: r.outboxId, received_at: r.at })));
    cte(`insert into instance_inbox (instance_id, outbox_id, received_at) select * from jsonb_to_recordset($${param(rows)}::jsonb) as r(instance_id uuid, outbox_id uuid, received_at timestamptz) on conflict do nothing`);
  }
  for (const [key, version] of b.latestDefinitions) checks.push(`lifeline_latest($${param(key)}, $${param(version)})`);
  return { text: `${parts.length ? `with ${parts.join(', ')} ` : ''}select ${checks.length ? checks.join(', ') : '1'}`, values };
}
