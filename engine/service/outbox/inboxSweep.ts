/**
 * Keeps the inbox (migration 140) from growing forever: the sweep deletes
 * inbox rows received more than a day ago.
 *
 * Why a day, and not when the target ends: an inbox row guards against a
 * redelivery of its outbox row, which can come as long as that row exists
 * on the sender's side (a crash between the delivery and the row's
 * deletion: the pump delivers it again at its next sweep, seconds later).
 * Ended instances still receive rows (a parent's cancel racing its child's
 * end, a message correlated to whoever waits next), so deleting a target's
 * rows at its end would let such a redelivery through; a day is far past
 * any redelivery (the pump retries within 10 s, a parked row was never
 * received: its delivery rolled back), and the delete is one indexed
 * statement per sweep.
 */
import type { EngineContext } from '../EngineContext.js';

/** How long an inbox row is kept. */
export const INBOX_RETENTION_MS = 24 * 60 * 60 * 1000;

/** Deletes inbox rows older than INBOX_RETENTION_MS; returns how many. */
export async function sweepInbox(ctx: EngineContext): Promise<number> {
  return ctx.transaction((scope) => scope.tx.sweepInbox(new Date(scope.now.getTime() - INBOX_RETENTION_MS)));
}
