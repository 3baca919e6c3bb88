/**
 * Live updates of the task list, for server-sent events: each subscriber
 * (a browser tab) hears about the tasks it may see — the rule of
 * `canSeeTask`, before or after the change, so a task claimed away from a
 * group list still reaches the group — and nothing about the others.
 *
 * Changes come from PostgreSQL (db's task change listener), so a change made
 * by any engine process sharing the database reaches every tab. Bursts are
 * coalesced per subscriber: at most one message per `coalesceMs`, naming up
 * to `maxIds` task ids, else saying "many" (a campaign creating thousands of
 * tasks costs each tab one refetch, not thousands).
 */
import type { Knex } from 'knex';
import { listenForTaskChanges, type TaskChange, type TaskChangeListener } from '../../db/index.js';
import { canSeeTask, type AuthUser } from '../auth/AuthUser.js';

/** What a subscriber is told: these tasks changed (refetch them and the lists), or many did. */
export interface TaskFeedMessage {
  ids: string[];
  many: boolean;
}

export interface TaskFeedOptions {
  coalesceMs?: number;
  maxIds?: number;
  /** For logging a lost listening connection (it is re-opened). */
  onError?: (error: Error) => void;
}

/** Where a subscriber's messages go, and how its stream is ended when the feed closes. */
export interface TaskFeedSink {
  send(message: TaskFeedMessage): void;
  end(): void;
}

interface Subscriber {
  user: AuthUser;
  sink: TaskFeedSink;
  pending: Set<string>;
  many: boolean;
  timer?: NodeJS.Timeout;
}

/** May this user hear of the change: could they see the task before it, or after it? */
export function mayHearOf(user: AuthUser, change: TaskChange): boolean {
  if (change.partial) return true;
  const after = { assignee: change.assignee, candidateGroups: change.candidateGroups, candidateUsers: change.candidateUsers };
  return canSeeTask(user, after) || (change.previousAssignee !== change.assignee && canSeeTask(user, { ...after, assignee: change.previousAssignee }));
}

export class TaskFeed {
  private readonly subscribers = new Set<Subscriber>();
  private listening?: Promise<TaskChangeListener>;
  private closed = false;
  private readonly coalesceMs: number;
  private readonly maxIds: number;

  constructor(
    private readonly knex: Knex,
    private readonly options: TaskFeedOptions = {},
  ) {
    this.coalesceMs = options.coalesceMs ?? 150;
    this.maxIds = options.maxIds ?? 50;
  }

  /**
   * Adds a subscriber; resolves once the database listener is active (changes
   * committed from then on are delivered). Returns the unsubscribe function.
   */
  async subscribe(user: AuthUser, sink: TaskFeedSink): Promise<() => void> {
    if (this.closed) throw new Error('the task feed is closed');
    await this.listen();
    const subscriber: Subscriber = { user, sink, pending: new Set(), many: false };
    this.subscribers.add(subscriber);
    return () => {
      if (subscriber.timer) clearTimeout(subscriber.timer);
      this.subscribers.delete(subscriber);
    };
  }

  /** How many tabs are subscribed (for tests and metrics). */
  get size(): number {
    return this.subscribers.size;
  }

  /** Stops listening and ends every subscriber's stream (the server is stopping). */
  async close(): Promise<void> {
    this.closed = true;
    const subscribers = [...this.subscribers];
    this.subscribers.clear();
    for (const subscriber of subscribers) {
      if (subscriber.timer) clearTimeout(subscriber.timer);
      subscriber.sink.end();
    }
    const listener = await this.listening?.catch(() => undefined);
    await listener?.close();
  }

  private listen(): Promise<TaskChangeListener> {
    this.listening ??= listenForTaskChanges(this.knex, {
      onChange: (change) => this.deliver(change),
      // Changes may have been missed while the connection was down: everyone refetches.
      onReconnect: () => this.subscribers.forEach((s) => this.queue(s, undefined)),
      onError: this.options.onError,
    }).catch((error) => {
      this.listening = undefined;
      throw error;
    });
    return this.listening;
  }

  private deliver(change: TaskChange): void {
    for (const subscriber of this.subscribers) if (mayHearOf(subscriber.user, change)) this.queue(subscriber, change.taskId);
  }

  /** Queues a task id (undefined: "many") and flushes after the coalescing pause. */
  private queue(subscriber: Subscriber, taskId: string | undefined): void {
    if (taskId === undefined || subscriber.pending.size >= this.maxIds) subscriber.many = true;
    else subscriber.pending.add(taskId);
    subscriber.timer ??= setTimeout(() => {
      subscriber.timer = undefined;
      const message = { ids: subscriber.many ? [] : [...subscriber.pending], many: subscriber.many };
      subscriber.pending.clear();
      subscriber.many = false;
      if (this.subscribers.has(subscriber)) subscriber.sink.send(message);
    }, this.coalesceMs);
  }
}
