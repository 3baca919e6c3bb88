/**
 * FEEL expressions parsed once. feelin parses (and builds its evaluator
 * for) an expression on every `evaluate`, which costs 100-500 µs: more than
 * the rest of a step. Through its public API it can still compile once: the
 * expression becomes the body of a FEEL function whose parameters are the
 * variables it mentions (`function(amount) amount * 2`); evaluating that
 * definition once yields a function value, and each later evaluation only
 * calls it with the variables' values.
 *
 * Same results as `evaluate` with the same variables: a parameter whose
 * variable is absent is passed as undefined, which feelin resolves exactly
 * as a name missing from the context (a builtin of that name, or null with
 * a warning). Names with spaces are FEEL's context-sensitive corner: an
 * expression is compiled as it parses without context (where such names
 * are builtins like `string length`), and refused at run time when a
 * variable has one of them; callers then fall back to `evaluate`, as they
 * do whenever they need warnings. A compiled
 * function is rebuilt after RUNS_PER_COMPILE calls: its warnings pile up in
 * the evaluation that defined it, and must not grow without bound.
 */
import { evaluate, parseExpression, type FeelFunction } from 'feelin';

/** A compiled expression: call with the variables. */
export type CompiledFeel = (variables: Record<string, unknown>) => unknown;

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RUNS_PER_COMPILE = 10_000;
const MAX_CACHED = 10_000;

interface Entry {
  parameters: string[];
  /** Names with spaces (builtins such as `string length`): resolved by feelin unless a variable has that name. */
  spaced: string[];
  fn?: (...args: unknown[]) => unknown;
  runs: number;
}

/** Per source text: its compiled function, or null when it cannot be compiled. */
const cache = new Map<string, Entry | null>();

/** The names an expression reads (VariableName nodes), or undefined when it does not parse cleanly. */
function variablesOf(source: string): Pick<Entry, 'parameters' | 'spaced'> | undefined {
  const names = new Set<string>();
  let clean = true;
  try {
    parseExpression(source, {}, undefined).iterate({
      enter(node) {
        if (node.type.isError) clean = false;
        if (node.type.name === 'VariableName') names.add(source.slice(node.from, node.to));
      },
    });
  } catch {
    return undefined;
  }
  if (!clean) return undefined;
  return { parameters: [...names].filter((n) => IDENTIFIER.test(n)), spaced: [...names].filter((n) => !IDENTIFIER.test(n)) };
}

let definitions = 0;

/** How many times an expression was compiled so far (tests: once per expression, not per evaluation). */
export function feelCompilations(): number {
  return definitions;
}

function define(source: string, parameters: string[]): ((...args: unknown[]) => unknown) | undefined {
  definitions += 1;
  try {
    const { value } = evaluate(`function(${parameters.join(', ')}) ${source}`, {});
    const fn = (value as FeelFunction | null)?.fn;
    return typeof fn === 'function' ? fn : undefined;
  } catch {
    return undefined;
  }
}

/** The compiled form of `source`, or undefined when it must go through `evaluate`. */
export function compiledFeel(source: string): CompiledFeel | undefined {
  let entry = cache.get(source);
  if (entry === undefined) {
    const names = variablesOf(source);
    entry = names ? { ...names, runs: 0 } : null;
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(source, entry);
  }
  if (!entry) return undefined;
  const compiled = entry;
  return (variables) => {
    for (const name of compiled.spaced) if (Object.prototype.hasOwnProperty.call(variables, name)) throw new Error(`'${name}' is a variable here: feelin parses by its context`);
    if (!compiled.fn || compiled.runs >= RUNS_PER_COMPILE) {
      compiled.fn = define(source, compiled.parameters);
      compiled.runs = 0;
      if (!compiled.fn) {
        cache.set(source, null);
        throw new Error(`cannot compile '${source}'`);
      }
    }
    compiled.runs += 1;
    const args = compiled.parameters.map((name) => (Object.prototype.hasOwnProperty.call(variables, name) ? variables[name] : undefined));
    return compiled.fn(...args);
  };
}
