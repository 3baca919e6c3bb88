/** History events, ordered by their global sequence. */
import type { HistoryEventRecord } from '../../engine/index.js';
import { rowMapper, type Db } from './rows.js';

export const historyRows = rowMapper<HistoryEventRecord>(['data']);

export async function history(db: Db, instanceId: string): Promise<HistoryEventRecord[]> {
  const rows = await db('history_events').where({ instance_id: instanceId }).orderBy('seq');
  return rows.map((row) => historyRows.fromRow(row));
}
