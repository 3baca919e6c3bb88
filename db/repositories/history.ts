/** History events: append-only, ordered by a sequence (global, so also ordered within an instance). */
import type { HistoryEventRecord } from '../../engine/index.js';
import { rowMapper, type Db } from './rows.js';

/** Row mapping of `history_events` (data is jsonb; seq is assigned by the database). */
export const historyRows = rowMapper<HistoryEventRecord>(['data']);

/** An instance's history in the order it happened. */
export async function history(db: Db, instanceId: string): Promise<HistoryEventRecord[]> {
  const rows = await db('history_events').where({ instance_id: instanceId }).orderBy('seq');
  return rows.map((row) => historyRows.fromRow(row));
}
