/**
 * The register of rehearsals and scenarios, kept with live data (db/
 * implements it in the live schema): which rehearsals exist and where
 * their rows are, where each virtual clock stands, the steps taken, and
 * the scenarios saved with each process key. A rehearsal's own instances
 * and tasks are not here: they live in its own store.
 */
import type { Page, PageRequest } from '../store/Store.js';
import type { ReplayReport } from './replay.js';
import type { RecordedStep } from './steps.js';

/** The model a rehearsal runs: where it came from, and what was deployed in it. */
export interface RehearsalModel {
  /** A deployed version, or a drawing sent as XML (not deployed live). */
  source: { kind: 'deployed'; definitionId: string; key: string; version: number } | { kind: 'drawing' };
  /** Every process deployed in the rehearsal; `related`: brought along because the model calls it or sends to it. */
  processes: { key: string; liveVersion: number | null; related: boolean }[];
  resources: { name: string; xml: string }[];
  forms: { name: string; json: string }[];
}

/** One rehearsal. */
export interface RehearsalRecord {
  id: string;
  name: string;
  /** A designer's rehearsal, or a replay of a scenario kept to look at. */
  purpose: 'rehearsal' | 'replay';
  /** The process rehearsed (scenarios are saved under this key). */
  processKey: string;
  /** Where its rows live. */
  schemaName: string;
  model: RehearsalModel;
  /** Built-in workers run after every step (`auto`), or only when asked (`manual`). */
  workers: 'auto' | 'manual';
  startAt: Date;
  clockAt: Date;
  /** Instance id → its number in the rehearsal. */
  aliases: Record<string, number>;
  stepCount: number;
  createdBy: string | null;
  createdAt: Date;
}

/** A recorded rehearsal saved with its process: replayable against later versions. */
export interface ScenarioRecord {
  id: string;
  processKey: string;
  name: string;
  startAt: Date;
  workers: 'auto' | 'manual';
  /** The model it was recorded on. */
  recordedOn: RehearsalModel['source'] & { processes: RehearsalModel['processes'] };
  steps: RecordedStep[];
  lastReplay: (ReplayReport & { at: Date; against: string }) | null;
  createdBy: string | null;
  createdAt: Date;
}

export interface RehearsalFilter extends PageRequest {
  processKey?: string;
  purpose?: RehearsalRecord['purpose'];
}

export interface RehearsalRegister {
  insertRehearsal(rehearsal: RehearsalRecord): Promise<void>;
  getRehearsal(id: string): Promise<RehearsalRecord | undefined>;
  /** Newest first; without the model's XML and forms. */
  listRehearsals(filter: RehearsalFilter): Promise<Page<RehearsalRecord>>;
  /** Removes a rehearsal and its steps; false when there was none. */
  deleteRehearsal(id: string): Promise<boolean>;
  steps(rehearsalId: string): Promise<RecordedStep[]>;
  /**
   * Appends step `step.seq` and saves the clock and instance numbers, only
   * if the rehearsal still has `step.seq - 1` steps: false when another
   * step came first.
   */
  appendStep(rehearsalId: string, step: RecordedStep, state: { clockAt: Date; aliases: Record<string, number>; actor: string | null; at: Date }): Promise<boolean>;

  insertScenario(scenario: ScenarioRecord): Promise<void>;
  getScenario(id: string): Promise<ScenarioRecord | undefined>;
  /** A process key's scenarios (all when none given), by name; without their steps. */
  listScenarios(processKey?: string): Promise<Omit<ScenarioRecord, 'steps'>[]>;
  deleteScenario(id: string): Promise<boolean>;
  saveReplay(id: string, report: NonNullable<ScenarioRecord['lastReplay']>): Promise<void>;
}
