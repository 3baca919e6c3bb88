/** The register of rehearsals (live schema): one row each, and the steps taken in it. */
import type { Page, RecordedStep, RehearsalFilter, RehearsalRecord } from '../../engine/index.js';
import { page, rowMapper, type Db } from './rows.js';

/** Row mapping of `rehearsals` (model and aliases are jsonb). */
export const rehearsalRows = rowMapper<RehearsalRecord>(['model', 'aliases']);

/** Registers a new rehearsal. */
export async function insertRehearsal(db: Db, rehearsal: RehearsalRecord): Promise<void> {
  await db('rehearsals').insert(rehearsalRows.toRow(rehearsal));
}

/** One rehearsal by id, with its model. */
export async function getRehearsal(db: Db, id: string): Promise<RehearsalRecord | undefined> {
  const row = await db('rehearsals').where({ id }).first();
  return row ? rehearsalRows.fromRow(row) : undefined;
}

/** Newest first, the model without its XML and forms (lists stay small). */
export async function listRehearsals(db: Db, filter: RehearsalFilter): Promise<Page<RehearsalRecord>> {
  let query = db('rehearsals').select(
    'id', 'name', 'purpose', 'process_key', 'schema_name', 'workers', 'start_at', 'clock_at', 'aliases', 'step_count', 'created_by', 'created_at',
    db.raw("model - 'resources' - 'forms' as model"),
  );
  if (filter.processKey) query = query.where({ process_key: filter.processKey });
  if (filter.purpose) query = query.where({ purpose: filter.purpose });
  return page(query, (row) => rehearsalRows.fromRow(row), [['created_at', 'desc'], ['id', 'asc']], filter.limit, filter.offset);
}

/** Deletes a rehearsal's register row (its steps go with it); false when there was none. */
export async function deleteRehearsal(db: Db, id: string): Promise<boolean> {
  return (await db('rehearsals').where({ id }).delete()) === 1;
}

/** The steps taken in a rehearsal, in order. */
export async function steps(db: Db, rehearsalId: string): Promise<RecordedStep[]> {
  const rows = await db('rehearsal_steps').where({ rehearsal_id: rehearsalId }).orderBy('seq');
  return rows.map((row: { seq: number; input: RecordedStep['input']; outcome: RecordedStep['outcome'] }) => ({ seq: row.seq, input: row.input, outcome: row.outcome }));
}

/** Appends a step if the rehearsal still has `step.seq - 1` steps, with the clock and numbers it left; false otherwise. */
export async function appendStep(db: Db, rehearsalId: string, step: RecordedStep, state: { clockAt: Date; aliases: Record<string, number>; actor: string | null; at: Date }): Promise<boolean> {
  const moved = await db('rehearsals')
    .where({ id: rehearsalId, step_count: step.seq - 1 })
    .update({ step_count: step.seq, clock_at: state.clockAt, aliases: JSON.stringify(state.aliases) });
  if (moved !== 1) return false;
  await db('rehearsal_steps').insert({ rehearsal_id: rehearsalId, seq: step.seq, input: JSON.stringify(step.input), outcome: JSON.stringify(step.outcome), actor: state.actor, created_at: state.at });
  return true;
}
