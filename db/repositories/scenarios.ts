/** Scenarios: recorded rehearsals saved with their process key (live schema). */
import { ConflictError, type ScenarioRecord } from '../../engine/index.js';
import { rowMapper, type Db } from './rows.js';

/** Row mapping of `rehearsal_scenarios`. */
export const scenarioRows = rowMapper<ScenarioRecord>(['recordedOn', 'steps', 'lastReplay']);

/** Saves a scenario; a name taken for the same process key is a ConflictError. */
export async function insertScenario(db: Db, scenario: ScenarioRecord): Promise<void> {
  try {
    await db('rehearsal_scenarios').insert(scenarioRows.toRow(scenario));
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    throw new ConflictError(`process ${scenario.processKey} already has a scenario named '${scenario.name}'`, { processKey: scenario.processKey, name: scenario.name });
  }
}

/** One scenario with its steps. */
export async function getScenario(db: Db, id: string): Promise<ScenarioRecord | undefined> {
  const row = await db('rehearsal_scenarios').where({ id }).first();
  return row ? scenarioRows.fromRow(row) : undefined;
}

/** Scenarios of a process key (or all), by name, without their steps. */
export async function listScenarios(db: Db, processKey?: string): Promise<Omit<ScenarioRecord, 'steps'>[]> {
  let query = db('rehearsal_scenarios').select('id', 'process_key', 'name', 'start_at', 'workers', 'recorded_on', 'last_replay', 'created_by', 'created_at', db.raw('jsonb_array_length(steps) as step_count'));
  if (processKey) query = query.where({ process_key: processKey });
  return (await query.orderBy('process_key').orderBy('name')).map((row) => scenarioRows.fromRow(row));
}

/** Deletes a scenario; false when there was none. */
export async function deleteScenario(db: Db, id: string): Promise<boolean> {
  return (await db('rehearsal_scenarios').where({ id }).delete()) === 1;
}

/** Keeps the verdict of a scenario's last replay. */
export async function saveReplay(db: Db, id: string, report: NonNullable<ScenarioRecord['lastReplay']>): Promise<void> {
  await db('rehearsal_scenarios').where({ id }).update({ last_replay: JSON.stringify(report) });
}
