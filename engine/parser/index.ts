/**
 * BPMN 2.0 XML (Camunda 8 dialect) → typed, JSON-serialisable IR, validated.
 * The parser never stops at the first problem: a deploy lists them all,
 * each with the id of its element.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { Problem, ProcessIR } from '../ir/types.js';
import { BpmnValidationError } from '../errors/LifelineError.js';
import { Problems } from './Problems.js';
import { readModdle } from './readModdle.js';
import { readProcess } from './readProcess.js';
import { decodeXml } from './decodeXml.js';
import { checkDocumentRules } from './rules/index.js';
import { checkShape, checkSize } from './modelLimits.js';
import { validateCycles } from './validateCycles.js';

export { decodeXml, declaredEncoding } from './decodeXml.js';
export { LIFELINE_NAMESPACE, lifelineDescriptor, ASSIGNMENT_STRATEGIES } from './lifelineModdle.js';
export { MODEL_LIMITS } from './modelLimits.js';

/** The outcome of parsing one BPMN file: every executable process, and every problem found. */
export interface ParseResult {
  processes: ProcessIR[];
  problems: Problem[];
  /** What the standard tolerates but has no effect here, and loops with no wait state that may spin: shown, never a reason to refuse a deployment. */
  warnings: Problem[];
}

/**
 * Parses and validates a BPMN file. Never throws for bad input: malformed
 * XML, unsupported elements and invalid models all come back as problems.
 * The processes are returned even when there are problems (for tooling);
 * only a file without problems may be deployed.
 */
export async function parseBpmn(source: string | Uint8Array): Promise<ParseResult> {
  const problems = new Problems();
  let xml: string;
  try {
    xml = typeof source === 'string' ? source : decodeXml(source);
  } catch (e) {
    problems.general((e as Error).message);
    return { processes: [], problems: problems.all, warnings: [] };
  }
  if (!checkSize(xml, problems)) return { processes: [], problems: problems.all, warnings: [] };
  const { definitions, unresolved } = await readModdle(xml, problems);
  if (!definitions) return { processes: [], problems: problems.all, warnings: problems.warnings };
  const processes: ProcessIR[] = [];
  // Size and depth first: past them, the other checks would cost too much (or recurse too deep).
  const shapes = ((definitions.rootElements ?? []) as ModdleElement[]).filter((e) => e.$type === 'bpmn:Process').map((p) => checkShape(p, problems));
  if (shapes.includes(false)) return { processes: [], problems: problems.all, warnings: [] };
  try {
    checkDocumentRules(definitions, problems);
    const executable = ((definitions.rootElements ?? []) as ModdleElement[]).filter((e) => e.$type === 'bpmn:Process' && e.isExecutable === true);
    if (executable.length === 0) problems.general('the file has no executable process: mark one with isExecutable="true"');
    for (const process of executable) {
      if (!process.id) problems.general('an executable process has no id');
      else {
        const ir = readProcess(process, process.id, unresolved, problems);
        validateCycles(ir, problems);
        processes.push(ir);
      }
    }
  } catch (e) {
    // A model no check foresaw is still refused with a reason, never a server error.
    problems.general(`the model could not be checked: ${(e as Error).message}`);
  }
  return { processes, problems: problems.all, warnings: problems.warnings };
}

/** Parses a BPMN file for deployment: its processes, or a BpmnValidationError listing every problem. */
export async function parseBpmnOrThrow(xml: string): Promise<ProcessIR[]> {
  const { processes, problems } = await parseBpmn(xml);
  if (problems.length) throw new BpmnValidationError(problems);
  return processes;
}
