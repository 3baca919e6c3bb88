/**
 * Writes everything one step produced: one multi-row statement per
 * non-empty kind, and nothing for empty ones (a step's SQL budget is small).
 */
import type { Effects } from '../../engine/index.js';
import { insertAll, type Db } from './rows.js';
import { taskRows } from './tasks.js';
import { timerRows } from './timers.js';
import { jobRows } from './jobs.js';
import { subscriptionRows } from './subscriptions.js';
import { incidentRows } from './incidents.js';
import { historyRows } from './history.js';
import { notificationRows } from './notifications.js';

/**
 * Inserts (tasks, timers, jobs, subscriptions, incidents), then cancels
 * and resolves (only rows still open), then history. Cancelling a row that
 * already ended changes nothing.
 */
export async function applyEffects(db: Db, effects: Effects): Promise<void> {
  const now = effects.history[0]?.at ?? new Date();
  await insertAll(db, 'user_tasks', effects.tasks.map((r) => taskRows.toRow(r)));
  await insertAll(db, 'timers', effects.timers.map((r) => timerRows.toRow(r)));
  await insertAll(db, 'jobs', effects.jobs.map((r) => jobRows.toRow(r)));
  await insertAll(db, 'message_subscriptions', effects.subscriptions.map((r) => subscriptionRows.toRow(r)));
  await insertAll(db, 'incidents', effects.incidents.map((r) => incidentRows.toRow(r)));
  if (effects.cancelTasks.length) await db('user_tasks').whereIn('id', effects.cancelTasks).andWhere({ state: 'created' }).update({ state: 'cancelled' });
  if (effects.cancelTimers.length) await db('timers').whereIn('id', effects.cancelTimers).andWhere({ state: 'scheduled' }).update({ state: 'cancelled' });
  if (effects.cancelJobs.length) await db('jobs').whereIn('id', effects.cancelJobs).whereIn('state', ['activatable', 'activated', 'failed']).update({ state: 'cancelled', lock_expires_at: null });
  if (effects.cancelSubscriptions.length) await db('message_subscriptions').whereIn('id', effects.cancelSubscriptions).andWhere({ state: 'open' }).update({ state: 'cancelled' });
  if (effects.resolveIncidents.length) await db('incidents').whereIn('id', effects.resolveIncidents).andWhere({ state: 'open' }).update({ state: 'resolved', resolved_at: now });
  await insertAll(db, 'notifications', effects.notifications.map((r) => notificationRows.toRow(r)));
  await insertAll(db, 'history_events', effects.history.map(({ seq: _seq, ...r }) => historyRows.toRow(r)));
}
