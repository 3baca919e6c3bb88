/**
 * Writes everything one step produced: one multi-row statement per
 * non-empty kind (several past PostgreSQL's bind-parameter limit), and
 * nothing for empty ones (a step's SQL budget is small).
 */
import type { Effects } from '../../engine/index.js';
import { idIn, insertAll, type Db } from './rows.js';
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
  await insertAll(db, 'user_tasks', effects.tasks, (r) => taskRows.toRow(r));
  await insertAll(db, 'timers', effects.timers, (r) => timerRows.toRow(r));
  await insertAll(db, 'jobs', effects.jobs, (r) => jobRows.toRow(r));
  await insertAll(db, 'message_subscriptions', effects.subscriptions, (r) => subscriptionRows.toRow(r));
  await insertAll(db, 'incidents', effects.incidents, (r) => incidentRows.toRow(r));
  if (effects.cancelTasks.length) await db('user_tasks').whereRaw(...idIn(effects.cancelTasks)).andWhere({ state: 'created' }).update({ state: 'cancelled' });
  if (effects.cancelTimers.length) await db('timers').whereRaw(...idIn(effects.cancelTimers)).andWhere({ state: 'scheduled' }).update({ state: 'cancelled' });
  if (effects.cancelJobs.length) await db('jobs').whereRaw(...idIn(effects.cancelJobs)).whereIn('state', ['activatable', 'activated', 'failed']).update({ state: 'cancelled', lock_expires_at: null });
  if (effects.cancelSubscriptions.length) await db('message_subscriptions').whereRaw(...idIn(effects.cancelSubscriptions)).andWhere({ state: 'open' }).update({ state: 'cancelled' });
  if (effects.resolveIncidents.length) await db('incidents').whereRaw(...idIn(effects.resolveIncidents)).andWhere({ state: 'open' }).update({ state: 'resolved', resolved_at: now });
  await insertAll(db, 'notifications', effects.notifications, (r) => notificationRows.toRow(r));
  await insertAll(db, 'history_events', effects.history, ({ seq: _seq, ...r }) => historyRows.toRow(r));
}
