/**
 * BPMN 2.0 XML → typed IR. Never throws for bad input: every problem comes
 * back at once, each with its element id, so a deploy can list them all.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { Problem, ProcessIR, ScopeIR } from '../ir/types.js';
import { BpmnValidationError } from '../errors/LifelineError.js';
import { readModdle } from './readModdle.js';
import { buildScope, type BuildContext, type ScopeKind } from './buildScope.js';
import { validateScope } from './validateScope.js';
import { checkExpressions } from './checkExpressions.js';
import { ext } from './extensions.js';

function embeddedForms(process: ModdleElement): Map<string, string> {
  const forms = new Map<string, string>();
  for (const value of process.extensionElements?.values ?? []) {
    if (value.$type === 'zeebe:UserTaskForm' && value.id) forms.set(value.id, value.body ?? '');
  }
  return forms;
}

function validateTree(scope: ScopeIR, kind: ScopeKind, problems: Problem[]): void {
  problems.push(...validateScope(scope, kind), ...checkExpressions(scope));
  for (const node of Object.values(scope.nodes)) {
    if (node.scope) validateTree(node.scope, node.triggeredByEvent ? 'eventSubprocess' : 'subprocess', problems);
  }
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.elementId ?? ''}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Parses and validates a BPMN file: every executable process as IR, and every problem found. */
export async function parseBpmn(xml: string): Promise<{ processes: ProcessIR[]; problems: Problem[] }> {
  const { definitions, problems } = await readModdle(xml);
  if (!definitions) return { processes: [], problems };
  const processes: ProcessIR[] = [];
  const executable = (definitions.rootElements ?? []).filter((e: ModdleElement) => e.$type === 'bpmn:Process' && e.isExecutable === true);
  for (const element of (definitions.rootElements ?? []) as ModdleElement[]) {
    if (element.$type === 'bpmn:Collaboration' && element.conversations?.length) problems.push({ elementId: element.id, message: `${element.id}: conversations are not supported` });
  }
  if (executable.length === 0) problems.push({ message: 'the file has no executable process (isExecutable="true")' });
  for (const element of executable) {
    const ctx: BuildContext = { problems, forms: embeddedForms(element) };
    const scope = buildScope(element, 'process', ctx);
    validateTree(scope, 'process', problems);
    const versionTag = ext(element, 'zeebe:VersionTag')?.value;
    processes.push({ ...scope, processId: element.id, ...(element.name ? { name: element.name } : {}), ...(versionTag ? { versionTag } : {}) });
  }
  return { processes, problems: dedupe(problems) };
}

/** Parses a BPMN file or throws a BpmnValidationError listing every problem. */
export async function parseBpmnOrThrow(xml: string): Promise<ProcessIR[]> {
  const { processes, problems } = await parseBpmn(xml);
  if (problems.length) throw new BpmnValidationError(problems);
  return processes;
}
