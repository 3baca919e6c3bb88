/**
 * A variable as a manager types it: a name the engine accepts and a JSON
 * value. Plain words without quotes are taken as text, so `4111` is a
 * number, `true` a boolean and `Ann Smith` the text "Ann Smith".
 */
export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Why a variable name is refused, or undefined when it is fine. */
export function nameProblem(name: string): string | undefined {
  if (!name) return 'Give the variable a name.';
  if (!NAME.test(name)) return 'A name starts with a letter or _ and has only letters, digits and _.';
  return undefined;
}

export function parseValue(text: string): Parsed {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, message: 'Give the variable a value (JSON, or plain text).' };
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch {
    if (/^[[{"]/.test(trimmed)) return { ok: false, message: 'This looks like JSON but is not valid JSON.' };
    return { ok: true, value: trimmed };
  }
}

/** The kind of a parsed value, to show what will be stored. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'text';
  return `a ${typeof value}`;
}
