/**
 * Limits on the size of a model, checked before anything else reads it:
 * past them, parsing, compiling and running one step cost more than a
 * server shared by everyone should spend, and deeply nested subprocesses
 * would overflow recursive code. Generous for models drawn by hand
 * (README, "Limits").
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { Problems } from './Problems.js';

/** The documented limits of one BPMN file. */
export const MODEL_LIMITS = {
  /** Size of one BPMN file in bytes (UTF-8). */
  maxBytes: 4 * 1024 * 1024,
  /** Flow elements (events, activities, gateways, sequence flows) of one process, all subprocesses included. */
  maxFlowElements: 5_000,
  /** Subprocesses inside subprocesses (embedded and event subprocesses). */
  maxNesting: 32,
} as const;

/** Opening tags of flow elements, whatever the namespace prefix. */
const FLOW_ELEMENT_TAG = /<(?:[\w.-]+:)?(?:sequenceFlow|task|userTask|serviceTask|scriptTask|sendTask|receiveTask|manualTask|businessRuleTask|callActivity|subProcess|transaction|adHocSubProcess|startEvent|endEvent|intermediateCatchEvent|intermediateThrowEvent|boundaryEvent|exclusiveGateway|parallelGateway|inclusiveGateway|eventBasedGateway|complexGateway)[\s/>]/g;

/**
 * False (with a problem) when the XML text is larger than a model may be,
 * or has more flow elements than any process may have: checked on the
 * text, before the (synchronous) XML parse would hold the event loop.
 */
export function checkSize(xml: string, problems: Problems): boolean {
  const bytes = Buffer.byteLength(xml, 'utf8');
  if (bytes > MODEL_LIMITS.maxBytes) {
    problems.general(`the BPMN file is ${(bytes / 1024 / 1024).toFixed(1)} MiB; at most ${MODEL_LIMITS.maxBytes / 1024 / 1024} MiB is accepted`);
    return false;
  }
  const tags = xml.match(FLOW_ELEMENT_TAG)?.length ?? 0;
  if (tags > MODEL_LIMITS.maxFlowElements) {
    const process = /<(?:[\w.-]+:)?process\b[^>]*\bid="([^"]+)"/.exec(xml)?.[1];
    problems.at(process, `the file has ${tags} flow elements; at most ${MODEL_LIMITS.maxFlowElements} are accepted (split it with call activities)`);
    return false;
  }
  return checkTextNesting(xml, problems);
}

/** Subprocess tags, opening or closing, whatever the namespace prefix. */
const SUBPROCESS_TAG = /<(\/?)(?:[\w.-]+:)?(?:subProcess|transaction|adHocSubProcess)\b([^>]*)>/g;

/** False (with a problem naming the element) when subprocess tags nest deeper than allowed: found on the text, without parsing. */
function checkTextNesting(xml: string, problems: Problems): boolean {
  let depth = 0;
  for (const match of xml.matchAll(SUBPROCESS_TAG)) {
    if (match[1]) depth -= 1;
    else if (!match[2].trimEnd().endsWith('/')) {
      depth += 1;
      if (depth > MODEL_LIMITS.maxNesting) {
        problems.at(/\bid="([^"]+)"/.exec(match[2])?.[1], `subprocesses are nested more than ${MODEL_LIMITS.maxNesting} deep here; flatten the model or use call activities`);
        return false;
      }
    }
  }
  return true;
}

/**
 * False (with problems naming elements) when `process` has more flow
 * elements or deeper subprocess nesting than allowed. Walks without
 * recursion, so any depth is safe to check.
 */
export function checkShape(process: ModdleElement, problems: Problems): boolean {
  let count = 0;
  let ok = true;
  const stack: { container: ModdleElement; depth: number }[] = [{ container: process, depth: 0 }];
  while (stack.length) {
    const { container, depth } = stack.pop()!;
    for (const element of (container.flowElements ?? []) as ModdleElement[]) {
      count += 1;
      if (element.$type !== 'bpmn:SubProcess' && element.$type !== 'bpmn:Transaction' && element.$type !== 'bpmn:AdHocSubProcess') continue;
      if (depth + 1 > MODEL_LIMITS.maxNesting) {
        if (ok) problems.at(element.id, `subprocesses are nested more than ${MODEL_LIMITS.maxNesting} deep here; flatten the model or use call activities`);
        ok = false;
        continue;
      }
      stack.push({ container: element, depth: depth + 1 });
    }
  }
  if (count > MODEL_LIMITS.maxFlowElements) {
    problems.at(process.id, `the process has ${count} flow elements; at most ${MODEL_LIMITS.maxFlowElements} are accepted (split it with call activities)`);
    ok = false;
  }
  return ok;
}
