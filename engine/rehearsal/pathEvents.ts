/**
 * A step's outcome in a form that two runs of a model can be compared in:
 * history lines with the instance's number instead of its id, and with
 * every id (task, timer, job, incident) left out of their data, because a
 * replay makes new ones. What stays (element, virtual time, assignee, error
 * code, loads seen, variable values) is what a designer means by "the path
 * and what it did".
 */
import type { EmailRecord, HistoryEventRecord, NotificationRecord } from '../store/records.js';
import type { InboxEntry, OutboxMail, PathEvent } from './steps.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_DETAIL = 400;

/** JSON with sorted keys and ids dropped, so equal data prints equal. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => !(typeof v === 'string' && UUID.test(v))).map(stable);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (typeof v === 'string' && UUID.test(v)) continue;
      out[key] = stable(v);
    }
    return out;
  }
  return value;
}

/** The detail of a history line: its data without ids, as short stable JSON (undefined when nothing is left). */
export function eventDetail(data: Record<string, unknown> | null): string | undefined {
  if (!data) return undefined;
  const kept = stable(data) as Record<string, unknown>;
  if (Object.keys(kept).length === 0) return undefined;
  const text = JSON.stringify(kept);
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

/** History lines as path events; `number` gives an instance's number in the rehearsal. */
export function pathEvents(history: HistoryEventRecord[], number: (instanceId: string) => number | undefined): PathEvent[] {
  return history.map((h) => {
    const event: PathEvent = { instance: number(h.instanceId) ?? 0, type: h.type, elementId: h.elementId, at: h.at.toISOString() };
    const detail = eventDetail(h.data);
    if (detail !== undefined) event.detail = detail;
    return event;
  });
}

/** Mails as the outcome records them. */
export function outboxMails(mails: EmailRecord[]): OutboxMail[] {
  return mails.map((m) => ({ template: m.template, recipients: [...m.recipients].sort(), subject: m.subject }));
}

/** Inbox entries as the outcome records them. */
export function inboxEntries(notifications: NotificationRecord[]): InboxEntry[] {
  return notifications.map((n) => ({ userId: n.userId, type: n.type, title: n.title }));
}

/** One line per path event, for messages and multiset comparison. */
export function eventLine(e: PathEvent): string {
  return `#${e.instance} ${e.at} ${e.type}${e.elementId ? ` ${e.elementId}` : ''}${e.detail ? ` ${e.detail}` : ''}`;
}
