/** Variables typed as JSON in the Rehearse mode's inputs: read, or a message saying what is wrong. */
export function readVariables(text: string): Record<string, unknown> {
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`The variables are not JSON: ${(error as Error).message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('The variables must be a JSON object, such as {"severity": "critical"}');
  return value as Record<string, unknown>;
}
