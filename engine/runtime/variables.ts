/**
 * Variable scoping, Zeebe style: every execution may hold local variables;
 * an expression sees the merge from the root down to the execution; a write
 * lands in the nearest scope that already has the variable, else in the
 * process (root) scope.
 */
import { TreeIndex, type Execution, type ExecutionTree } from './tree.js';

/** The variables visible to `execution` (locals shadow outer ones). */
export function visibleVariables(index: TreeIndex, execution: Execution): Record<string, unknown> {
  const chain = index.ancestry(execution).reverse();
  const merged: Record<string, unknown> = {};
  for (const e of chain) Object.assign(merged, e.variables);
  return merged;
}

/**
 * The variables execution `executionId` sees in a stored instance, whose
 * tree keeps the process variables apart (`variables`): what a worker gets
 * when it activates a job. Undefined when the execution is gone. Reads the
 * tree without copying it.
 */
export function storedVariablesSeenBy(stored: { snapshot: unknown; variables: Record<string, unknown> }, executionId: string, index = new TreeIndex((stored.snapshot as ExecutionTree).root)): Record<string, unknown> | undefined {
  const execution = index.get(executionId);
  if (!execution) return undefined;
  const merged: Record<string, unknown> = { ...stored.variables };
  for (const e of index.ancestry(execution).reverse().slice(1)) Object.assign(merged, e.variables);
  return merged;
}

/**
 * Propagates variables from `from` upwards: each one is set where it already
 * exists (nearest first, starting at `from`'s parent, or at `from` itself
 * with `includeSelf`), else in the root.
 */
export function propagateVariables(index: TreeIndex, from: Execution, variables: Record<string, unknown>, includeSelf = false): void {
  const chain = index.ancestry(from).slice(includeSelf ? 0 : 1);
  const root = chain[chain.length - 1] ?? from;
  for (const [name, value] of Object.entries(variables)) {
    const owner = chain.find((e) => Object.prototype.hasOwnProperty.call(e.variables, name)) ?? root;
    owner.variables[name] = value;
  }
}

/** Sets variables directly on an execution (local variables). */
export function setLocalVariables(execution: Execution, variables: Record<string, unknown>): void {
  Object.assign(execution.variables, variables);
}

/** Rejects values that would not survive JSON: functions, undefined, NaN, cyclic objects. */
export function assertJsonVariables(variables: Record<string, unknown>): string | undefined {
  for (const [name, value] of Object.entries(variables)) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return `variable name '${name}' is not a valid identifier`;
    try {
      const text = JSON.stringify(value);
      if (text === undefined) return `variable '${name}' has no JSON value`;
    } catch {
      return `variable '${name}' is not JSON-serialisable`;
    }
    if (typeof value === 'number' && !Number.isFinite(value)) return `variable '${name}' is not a finite number`;
  }
  return undefined;
}
