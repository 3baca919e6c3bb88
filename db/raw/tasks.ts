/** User tasks on the hot path. */
import type { UserTaskRecord } from '../../engine/index.js';
import type { Sql } from './Sql.js';
import { TASKS, fromRow } from './tables.js';

/** One task by id. */
export async function getTask(sql: Sql, id: string): Promise<UserTaskRecord | undefined> {
  const [row] = await sql.query('select * from user_tasks where id = $1', [id]);
  return row ? fromRow(TASKS, row) : undefined;
}
