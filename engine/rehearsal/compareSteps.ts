/**
 * Comparing a replayed step with the recorded one. Within one step the
 * order of lines is not compared (two timers due at one moment are one
 * moment), only what happened: every recorded line must happen again and
 * nothing else may, the clock must end where it ended, and the same mails
 * and inbox entries must come out.
 */
import { eventLine } from './pathEvents.js';
import type { InboxEntry, OutboxMail, PathEvent, StepOutcome } from './steps.js';

/** How a replayed step differs from its recording. */
export interface OutcomeDifference {
  clock?: { expected: string; actual: string };
  missing: PathEvent[];
  unexpected: PathEvent[];
  missingMails: OutboxMail[];
  unexpectedMails: OutboxMail[];
  missingNotifications: InboxEntry[];
  unexpectedNotifications: InboxEntry[];
}

/** Multiset difference by a key: what `a` has more of than `b`. */
function minus<T>(a: T[], b: T[], key: (x: T) => string): T[] {
  const counts = new Map<string, number>();
  for (const x of b) counts.set(key(x), (counts.get(key(x)) ?? 0) + 1);
  const rest: T[] = [];
  for (const x of a) {
    const n = counts.get(key(x)) ?? 0;
    if (n > 0) counts.set(key(x), n - 1);
    else rest.push(x);
  }
  return rest;
}

const mailKey = (m: OutboxMail) => JSON.stringify([m.template, m.recipients, m.subject]);
const noteKey = (n: InboxEntry) => JSON.stringify([n.userId, n.type, n.title]);

/** The difference between a recorded and a replayed outcome; undefined when they agree. */
export function compareOutcomes(expected: StepOutcome, actual: StepOutcome): OutcomeDifference | undefined {
  const difference: OutcomeDifference = {
    missing: minus(expected.events, actual.events, eventLine),
    unexpected: minus(actual.events, expected.events, eventLine),
    missingMails: minus(expected.mails, actual.mails, mailKey),
    unexpectedMails: minus(actual.mails, expected.mails, mailKey),
    missingNotifications: minus(expected.notifications, actual.notifications, noteKey),
    unexpectedNotifications: minus(actual.notifications, expected.notifications, noteKey),
  };
  if (expected.clock !== actual.clock) difference.clock = { expected: expected.clock, actual: actual.clock };
  const same = !difference.clock && [difference.missing, difference.unexpected, difference.missingMails, difference.unexpectedMails, difference.missingNotifications, difference.unexpectedNotifications].every((list) => list.length === 0);
  return same ? undefined : difference;
}

/** The elements a difference is about (to mark on the diagram). */
export function differingElements(difference: OutcomeDifference): string[] {
  return [...new Set([...difference.missing, ...difference.unexpected].map((e) => e.elementId).filter((id): id is string => Boolean(id)))];
}

/** A sentence saying the first thing that differs. */
export function summariseDifference(difference: OutcomeDifference): string {
  const parts: string[] = [];
  if (difference.missing.length) parts.push(`expected but did not happen: ${difference.missing.slice(0, 3).map(eventLine).join('; ')}${difference.missing.length > 3 ? ` (+${difference.missing.length - 3} more)` : ''}`);
  if (difference.unexpected.length) parts.push(`happened instead: ${difference.unexpected.slice(0, 3).map(eventLine).join('; ')}${difference.unexpected.length > 3 ? ` (+${difference.unexpected.length - 3} more)` : ''}`);
  if (difference.clock) parts.push(`the clock ended at ${difference.clock.actual} instead of ${difference.clock.expected}`);
  if (difference.missingMails.length) parts.push(`mails not sent: ${difference.missingMails.map((m) => m.subject).join('; ')}`);
  if (difference.unexpectedMails.length) parts.push(`mails sent instead: ${difference.unexpectedMails.map((m) => m.subject).join('; ')}`);
  if (difference.missingNotifications.length) parts.push(`inbox entries missing: ${difference.missingNotifications.map((n) => `${n.userId}: ${n.title}`).join('; ')}`);
  if (difference.unexpectedNotifications.length) parts.push(`inbox entries instead: ${difference.unexpectedNotifications.map((n) => `${n.userId}: ${n.title}`).join('; ')}`);
  return parts.join('. ');
}
