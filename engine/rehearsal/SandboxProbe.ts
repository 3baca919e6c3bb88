/**
 * What a rehearsal reads of its own store beyond the engine's API: the
 * history, mails, inbox entries and instances a step produced, and the
 * timers still to fire. A rehearsal's store holds nothing but the
 * rehearsal, so these reads need no filter by rehearsal. db/ implements it.
 */
import type { EmailRecord, HistoryEventRecord, InstanceRecord, JobRecord, NotificationRecord, TimerRecord } from '../store/records.js';

export interface SandboxProbe {
  /** The newest history sequence number (0 when there is none). */
  historySeq(): Promise<number>;
  /** History events after `seq`, in order. */
  historySince(seq: number): Promise<HistoryEventRecord[]>;
  /** Mails created at or after `at`, oldest first. */
  mailsSince(at: Date): Promise<EmailRecord[]>;
  /** Inbox entries (of every user) created at or after `at`, oldest first. */
  notificationsSince(at: Date): Promise<NotificationRecord[]>;
  /** Instances started at or after `at`. */
  instancesSince(at: Date): Promise<InstanceRecord[]>;
  /** Scheduled timers that can fire (none waiting on an open incident), earliest first, at most `limit`. */
  scheduledTimers(limit: number): Promise<TimerRecord[]>;
  /** Per element of a process key: how many times it completed (the diagram's counts). */
  completions(definitionKey: string): Promise<Record<string, number>>;
  /** One job by id. */
  job(id: string): Promise<JobRecord | undefined>;
}
