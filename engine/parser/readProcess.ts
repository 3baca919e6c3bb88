/**
 * One executable `bpmn:process` → ProcessIR: its scopes built and
 * validated, with the process's id, name, documentation and
 * `zeebe:versionTag`.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { ProcessIR } from '../ir/types.js';
import { buildScope, type BuildContext } from './buildScope.js';
import { checkExtensions } from './checkExtensions.js';
import { readEmbeddedForms, readVersionTag } from './extensions.js';
import { validateScope } from './validateScope.js';
import { readCalendar } from './readLifeline.js';
import type { Problems } from './Problems.js';

/** Reads and validates `process`; problems go to `problems`, the IR is returned either way. */
export function readProcess(process: ModdleElement, processId: string, unresolved: Set<string>, problems: Problems): ProcessIR {
  checkExtensions(process, 'process', problems);
  const ctx: BuildContext = { problems, forms: readEmbeddedForms(process, problems), unresolved, unsupported: new Set(), targeted: new Set(), sourced: new Set() };
  const scope = buildScope(process, 'process', ctx);
  validateScope(scope, 'process', { targeted: ctx.targeted, sourced: ctx.sourced }, problems);
  const versionTag = readVersionTag(process);
  const calendar = readCalendar(process);
  const documentation = ((process.documentation ?? []) as ModdleElement[]).map((d) => String(d.text ?? '').trim()).filter(Boolean).join('\n\n');
  return {
    ...(documentation ? { documentation } : {}),
    ...(calendar ? { calendar } : {}),
    ...scope,
    processId,
    ...(process.name ? { name: String(process.name) } : {}),
    ...(versionTag ? { versionTag } : {}),
  };
}
