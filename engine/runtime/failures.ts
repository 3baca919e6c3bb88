/**
 * Run-time failures become incidents on the element that failed, as in
 * Camunda 8: a FEEL error, a gateway with no way out, a step that spent its
 * budget. The token stops *before* the event that failed (nothing of it is
 * kept), the rest of the step goes on and commits, and retrying the
 * incident sends the same event again.
 *
 * A behaviour may fail only while it evaluates, before it changes anything
 * outside its own execution (behaviours evaluate first, then act); a
 * savepoint taken before its actions undoes what it changed there.
 */
import { LifelineError } from '../errors/LifelineError.js';
import type { IncidentRecord } from '../store/records.js';
import type { Effects } from '../store/Store.js';
import type { Outbox } from './Outbox.js';
import type { Execution } from './tree.js';

/** How much one step may do before it stops with an incident (`step_budget_exceeded`). */
export interface StepLimits {
  /** Element activations in one step. */
  maxActivations: number;
  /** Milliseconds of run-time work in one step (time spent waiting for the database not counted). */
  maxMs: number;
  /** The step yields to the event loop after this many milliseconds of work, so other requests are served meanwhile. */
  sliceMs: number;
}

/** Defaults: far above what any model drawn by hand needs in one step, well below what stalls the server. */
export const DEFAULT_STEP_LIMITS: StepLimits = { maxActivations: 20_000, maxMs: 2_000, sliceMs: 10 };

const INCIDENT_TYPES: Record<string, IncidentRecord['type']> = {
  EXPRESSION_FAILED: 'expression_failed',
  NO_OUTGOING_FLOW: 'no_outgoing_flow',
};

/** The incident type of an error raised while a behaviour ran, or undefined when it is not a run-time failure of the model. */
export function incidentTypeOf(error: unknown): IncidentRecord['type'] | undefined {
  return error instanceof LifelineError ? INCIDENT_TYPES[error.code] : undefined;
}

/** What a behaviour may change before it fails, captured before its actions run. */
export interface Savepoint {
  effects: Record<keyof Effects, number>;
  outbox: { lengths: Record<string, number>; ended: Outbox['ended'] };
  queue: number;
  /** The execution's own fields (state, variables, waits, bookkeeping), deep-copied; not its children. */
  own: Omit<Execution, 'children'>;
  children: Execution[];
  triggered: boolean;
  start?: string;
}

const OUTBOX_LISTS = ['messages', 'signals', 'calls', 'cancelInstances', 'toParent', 'unhandledErrors'] as const;

function lengths<T extends object>(record: T, keys: readonly (keyof T)[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const key of keys) out[key as string] = (record[key] as unknown[]).length;
  return out;
}

/** Captures `execution` and the step's output lists before a transition's actions run. */
export function takeSavepoint(execution: Execution, effects: Effects, outbox: Outbox, queue: number, triggered: boolean, start: string | undefined): Savepoint {
  const { children, ...own } = execution;
  return {
    effects: lengths(effects, Object.keys(effects) as (keyof Effects)[]) as Record<keyof Effects, number>,
    outbox: { lengths: lengths(outbox, OUTBOX_LISTS.filter((key) => Array.isArray((outbox as unknown as Record<string, unknown>)[key]))), ended: outbox.ended },
    queue,
    own: structuredClone(own),
    children: [...children],
    triggered,
    start,
  };
}

/** Truncates the step's output lists back to the savepoint and restores the execution's own fields. */
export function restoreSavepoint(savepoint: Savepoint, execution: Execution, effects: Effects, outbox: Outbox): void {
  for (const [key, length] of Object.entries(savepoint.effects)) (effects[key as keyof Effects] as unknown[]).length = length;
  for (const [key, length] of Object.entries(savepoint.outbox.lengths)) ((outbox as unknown as Record<string, unknown[]>)[key]).length = length;
  outbox.ended = savepoint.outbox.ended;
  for (const key of Object.keys(execution) as (keyof Execution)[]) if (key !== 'children') delete execution[key];
  Object.assign(execution, structuredClone(savepoint.own));
}
