/** form-js forms deployed with processes, versioned by their own form id. */
import type { FormRecord } from '../../engine/index.js';
import { rowMapper, type Db } from './rows.js';

/** Row mapping of `forms` (the schema is jsonb). */
export const formRows = rowMapper<FormRecord>(['schema']);

/** Inserts new form versions in one statement. */
export async function insertForms(db: Db, records: FormRecord[]): Promise<void> {
  if (records.length) await db('forms').insert(records.map((r) => formRows.toRow(r)));
}

/** The newest version of a form id, if any. */
export async function latestForm(db: Db, formId: string): Promise<FormRecord | undefined> {
  const row = await db('forms').where({ form_id: formId }).orderBy('version', 'desc').first();
  return row ? formRows.fromRow(row) : undefined;
}
