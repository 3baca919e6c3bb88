/** The bench's two models (bench/models): straight through, and one user task. */
import { readFile } from 'node:fs/promises';

/** Which model a scenario runs. */
export type ModelName = 'straight-through' | 'one-task';

/** The process key of each model. */
export const PROCESS_KEY: Record<ModelName, string> = { 'straight-through': 'bench-straight-through', 'one-task': 'bench-one-task' };

/** Steps per instance: a start, and for the user task its completion. */
export const STEPS: Record<ModelName, number> = { 'straight-through': 1, 'one-task': 2 };

/** The BPMN of a model. */
export function modelXml(model: ModelName): Promise<string> {
  return readFile(new URL(`../models/${model}.bpmn`, import.meta.url), 'utf8');
}

/** Something that runs a model's instances: Lifeline through its API or HTTP, the reference driver, the peer. */
export interface Driver {
  readonly name: string;
  /** Runs `n` instances of `model` with `clients` concurrent callers; timed phases go through `meter`. */
  run(model: ModelName, n: number, clients: number, meter: import('../measure/meter.js').Meter): Promise<void>;
  close?(): Promise<void>;
}
