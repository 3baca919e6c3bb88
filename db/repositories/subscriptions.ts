/** Message and signal subscriptions of waiting elements and of start events. */
import type { SubscriptionKind, SubscriptionRecord } from '../../engine/index.js';
import { rowMapper, type Db } from './rows.js';

const mapper = rowMapper<SubscriptionRecord>([]);

/** Row mapping of `message_subscriptions` (`seq` only orders rows: it stays in the database). */
export const subscriptionRows = {
  toRow: mapper.toRow,
  fromRow: ({ seq: _seq, ...row }: Record<string, unknown>): SubscriptionRecord => mapper.fromRow(row),
};

/** Open instance subscriptions by name, first come first: a given key matches that key, no key matches key-less subscriptions. */
export async function findSubscriptions(db: Db, kind: SubscriptionKind, name: string, correlationKey: string | null): Promise<SubscriptionRecord[]> {
  let query = db('message_subscriptions').where({ kind, name, state: 'open' }).whereNotNull('instance_id');
  query = correlationKey === null ? query.whereNull('correlation_key') : query.where({ correlation_key: correlationKey });
  return (await query.orderBy('created_at').orderBy('seq')).map((row) => subscriptionRows.fromRow(row));
}

/** Open start-event subscriptions, of the latest version of each key only. */
export async function findStartSubscriptions(db: Db, kind: SubscriptionKind, name: string): Promise<SubscriptionRecord[]> {
  const rows = await db('message_subscriptions as s')
    .join('process_definitions as d', 'd.id', 's.definition_id')
    .select('s.*')
    .where({ 's.kind': kind, 's.name': name, 's.state': 'open' })
    .whereNull('s.instance_id')
    .whereRaw('d.version = (select max(d2.version) from process_definitions d2 where d2.key = d.key)')
    .orderBy('d.key');
  return rows.map((row) => subscriptionRows.fromRow(row));
}

/** Marks a subscription correlated if it is still open; false when someone else took it. */
export async function markSubscriptionCorrelated(db: Db, id: string): Promise<boolean> {
  return (await db('message_subscriptions').where({ id, state: 'open' }).update({ state: 'correlated' })) === 1;
}

/** Cancels the open start subscriptions (instance-less) of every version of a key, in one statement. */
export async function cancelStartSubscriptions(db: Db, definitionKey: string): Promise<void> {
  await db('message_subscriptions')
    .whereNull('instance_id')
    .andWhere({ state: 'open' })
    .whereIn('definition_id', db('process_definitions').select('id').where({ key: definitionKey }))
    .update({ state: 'cancelled' });
}

/** Subscriptions of an instance and/or in a state, oldest first (monitoring). */
export async function listSubscriptions(db: Db, filter: { instanceId?: string; state?: SubscriptionRecord['state'] }): Promise<SubscriptionRecord[]> {
  let query = db('message_subscriptions').select('*');
  if (filter.instanceId) query = query.where({ instance_id: filter.instanceId });
  if (filter.state) query = query.where({ state: filter.state });
  return (await query.orderBy('created_at').orderBy('seq')).map((row) => subscriptionRows.fromRow(row));
}

/** Of `keys`, those an open instance subscription of message `name` waits for. */
export async function keysAwaited(db: Db, name: string, keys: string[]): Promise<string[]> {
  if (keys.length === 0) return [];
  const rows = await db('message_subscriptions')
    .distinct('correlation_key')
    .where({ kind: 'message', name, state: 'open' })
    .whereNotNull('instance_id')
    .whereRaw('correlation_key = any(?::text[])', [keys]);
  return rows.map((r: { correlation_key: string }) => r.correlation_key);
}
