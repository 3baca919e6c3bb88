/**
 * FEEL through feelin: evaluation with JSON-safe results, and syntax checks
 * for the parser. Camunda 8 style: `=expr` is FEEL, anything else a literal.
 */
import { evaluate, parseExpression, date, dateAndTime, FeelDate, FeelDateTime, FeelDuration, FeelTime } from 'feelin';
import type { Expr } from '../ir/types.js';
import { LifelineError } from '../errors/LifelineError.js';

/** Raised when an expression cannot be evaluated at run time; becomes an incident on the element. */
export class ExpressionError extends LifelineError {
  constructor(message: string, readonly expression: string) {
    super('EXPRESSION_FAILED', message, { expression });
  }
}

/** Reads an attribute value as written in a model: `=...` is FEEL, otherwise a literal. */
export function toExpr(text: string): Expr {
  const trimmed = text.trim();
  return trimmed.startsWith('=') ? { source: trimmed.slice(1).trim(), isFeel: true } : { source: text, isFeel: false };
}

/** Returns a syntax error message for a FEEL expression, or undefined when it parses. */
export function feelSyntaxError(source: string): string | undefined {
  if (source.trim() === '') return 'the expression is empty';
  let error: number | undefined;
  try {
    parseExpression(source, {}, undefined).iterate({
      enter(node) {
        if (node.type.isError && error === undefined) error = node.from;
      },
    });
  } catch (e) {
    return (e as Error).message;
  }
  return error === undefined ? undefined : `invalid FEEL at position ${error + 1}: '${source}'`;
}

/** Converts FEEL results (dates, durations, nested contexts) into plain JSON values. */
export function toJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof FeelDateTime || value instanceof FeelDate || value instanceof FeelTime || value instanceof FeelDuration) {
    return (value as { iso: string }).iso;
  }
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v !== 'function') out[k] = toJson(v);
    }
    return out;
  }
  if (typeof value === 'function') return null;
  return value;
}

const namesBySource = new Map<string, Set<string>>();

/** Every identifier an expression mentions (cached per source text): a superset of the variables it reads. */
function namesIn(source: string): Set<string> {
  let names = namesBySource.get(source);
  if (!names) {
    names = new Set();
    try {
      parseExpression(source, {}, undefined).iterate({
        enter(node) {
          if (node.type.name === 'Identifier') names!.add(source.slice(node.from, node.to));
        },
      });
    } catch {
      // a syntax error surfaces when the expression is evaluated
    }
    if (namesBySource.size > 10_000) namesBySource.clear();
    namesBySource.set(source, names);
  }
  return names;
}

/**
 * The variables an expression can see, narrowed to those it mentions:
 * feelin copies its whole context on every evaluation, so a big variable
 * (a campaign's invitee list) would make every expression of every inner
 * instance pay for it. Variable names are identifiers, so a name the
 * expression does not mention cannot change its result.
 */
function narrow(source: string, variables: Record<string, unknown>): Record<string, unknown> {
  const names = namesIn(source);
  const context: Record<string, unknown> = {};
  for (const name of names) if (name in variables) context[name] = variables[name];
  return context;
}

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const LITERAL_WORDS = new Set(['true', 'false', 'null']);

/**
 * A plain variable or path (`invitee.email`), read the way FEEL reads it (a
 * missing name or property is null; a path on a list maps over it) without
 * parsing: most mappings, assignees and keys are just that.
 */
function readPath(source: string, variables: Record<string, unknown>): unknown {
  const [first, ...rest] = source.split('.');
  let value: unknown = Object.prototype.hasOwnProperty.call(variables, first) ? variables[first] : null;
  const step = (v: unknown, name: string): unknown => {
    if (Array.isArray(v)) return v.map((item) => step(item, name));
    if (v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, name)) return (v as Record<string, unknown>)[name] ?? null;
    return null;
  };
  for (const name of rest) value = step(value, name);
  return value ?? null;
}

/**
 * Evaluates an expression against variables and returns the raw FEEL value
 * (dates and durations stay FEEL objects: timers need them).
 */
export function evaluateRaw(expr: Expr, variables: Record<string, unknown>): unknown {
  if (!expr.isFeel) return expr.source;
  const source = expr.source.trim();
  if (PATH.test(source) && !LITERAL_WORDS.has(source) && typeof variables[source.split('.')[0]] !== 'function') return readPath(source, variables);
  try {
    return evaluate(expr.source, narrow(expr.source, variables)).value;
  } catch (e) {
    throw new ExpressionError(`failed to evaluate '=${expr.source}': ${(e as Error).message}`, expr.source);
  }
}

/** Evaluates an expression, keeping FEEL's warnings ("Variable 'x' not found"): for messages that explain a failure. */
export function evaluateWithWarnings(expr: Expr, variables: Record<string, unknown>): { value: unknown; warnings: string[] } {
  if (!expr.isFeel) return { value: expr.source, warnings: [] };
  try {
    const result = evaluate(expr.source, variables);
    return { value: toJson(result.value), warnings: result.warnings.map((w) => w.message) };
  } catch (e) {
    return { value: null, warnings: [(e as Error).message] };
  }
}

/**
 * Evaluates an expression whose result is kept (a script task's result):
 * FEEL answers null when evaluation fails (a missing variable, adding text
 * to a number), so null with warnings is a failure, not a value.
 */
export function evaluateStrict(expr: Expr, variables: Record<string, unknown>, what: string): unknown {
  if (!expr.isFeel) return expr.source;
  let result;
  try {
    result = evaluate(expr.source, variables);
  } catch (e) {
    throw new ExpressionError(`${what}: failed to evaluate '=${expr.source}': ${(e as Error).message}`, expr.source);
  }
  if ((result.value === null || result.value === undefined) && result.warnings.length) {
    throw new ExpressionError(`${what}: '=${expr.source}' could not be evaluated: ${result.warnings.map((w) => w.message).join('; ')}`, expr.source);
  }
  return toJson(result.value);
}

/** Evaluates an expression to a JSON value. */
export function evaluateExpr(expr: Expr, variables: Record<string, unknown>): unknown {
  return toJson(evaluateRaw(expr, variables));
}

/** Evaluates a condition: only `true` counts as true (null and non-booleans are false). */
export function evaluateCondition(expr: Expr, variables: Record<string, unknown>): boolean {
  return evaluateRaw(expr, variables) === true;
}

/** Evaluates to a string, or throws naming the expression when the result is not one. */
export function evaluateString(expr: Expr, variables: Record<string, unknown>, what: string): string {
  const value = evaluateExpr(expr, variables);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new ExpressionError(`${what} '=${expr.source}' evaluated to ${JSON.stringify(value)}, expected a string`, expr.source);
}

/** Evaluates to a list of strings: a FEEL list, or a comma-separated string ("sales, support"). */
export function evaluateStringList(expr: Expr, variables: Record<string, unknown>, what: string): string[] {
  const value = evaluateExpr(expr, variables);
  if (value === null) return [];
  if (Array.isArray(value)) return value.map((v) => String(v));
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter(Boolean);
  throw new ExpressionError(`${what} '${expr.isFeel ? '=' : ''}${expr.source}' evaluated to ${JSON.stringify(value)}, expected a list`, expr.source);
}

/**
 * The evaluation context for `variables` at `now`: FEEL's `now()` and
 * `today()` read the engine's Clock, not the wall clock, so due dates such
 * as `=now() + duration("P2D")` are testable and agree across engines.
 */
export function feelContext(variables: Record<string, unknown>, now: Date): Record<string, unknown> {
  const iso = now.toISOString();
  return { ...variables, now: () => dateAndTime(iso), today: () => date(iso.slice(0, 10)) };
}
