/**
 * The names of a process's elements (subprocesses included), for history
 * lines people read ("Answer request was completed" rather than
 * "answerRequest"). A deployed definition never changes, so names are
 * cached by definition id.
 */
import type { ProcessIR, ScopeIR } from '../../engine/index.js';

const cache = new Map<string, Record<string, string>>();
const CACHE_LIMIT = 500;

function collect(scope: ScopeIR, names: Record<string, string>): void {
  for (const node of Object.values(scope.nodes)) {
    if (node.name) names[node.id] = node.name;
    if (node.scope) collect(node.scope, names);
  }
}

/** Element id → name for the definition, read once per definition id. */
export async function elementNames(definitionId: string, load: () => Promise<ProcessIR>): Promise<Record<string, string>> {
  const cached = cache.get(definitionId);
  if (cached) return cached;
  const names: Record<string, string> = {};
  collect(await load(), names);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(definitionId, names);
  return names;
}
