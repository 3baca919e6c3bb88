/**
 * Writes everything one step produced: one multi-row statement per
 * non-empty kind, and nothing for empty ones (a step's SQL budget is small).
 */
import type { Effects } from '../../engine/index.js';
import type { Db } from './rows.js';
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
  if (effects.tasks.length) await db('user_tasks').insert(effects.tasks.map((r) => taskRows.toRow(r)));
  if (effects.timers.length) await db('timers').insert(effects.timers.map((r) => timerRows.toRow(r)));
  if (effects.jobs.length) await db('jobs').insert(effects.jobs.map((r) => jobRows.toRow(r)));
  if (effects.subscriptions.length) await db('message_subscriptions').insert(effects.subscriptions.map((r) => subscriptionRows.toRow(r)));
  if (effects.incidents.length) await db('incidents').insert(effects.incidents.map((r) => incidentRows.toRow(r)));
  if (effects.cancelTasks.length) await db('user_tasks').whereIn('id', effects.cancelTasks).andWhere({ state: 'created' }).update({ state: 'cancelled' });
  if (effects.cancelTimers.length) await db('timers').whereIn('id', effects.cancelTimers).andWhere({ state: 'scheduled' }).update({ state: 'cancelled' });
  if (effects.cancelJobs.length) await db('jobs').whereIn('id', effects.cancelJobs).whereIn('state', ['activatable', 'activated', 'failed']).update({ state: 'cancelled', lock_expires_at: null });
  if (effects.cancelSubscriptions.length) await db('message_subscriptions').whereIn('id', effects.cancelSubscriptions).andWhere({ state: 'open' }).update({ state: 'cancelled' });
  if (effects.resolveIncidents.length) await db('incidents').whereIn('id', effects.resolveIncidents).andWhere({ state: 'open' }).update({ state: 'resolved', resolved_at: now });
  if (effects.notifications.length) await db('notifications').insert(effects.notifications.map((r) => notificationRows.toRow(r)));
  if (effects.history.length) await db('history_events').insert(effects.history.map(({ seq: _seq, ...r }) => historyRows.toRow(r)));
}
