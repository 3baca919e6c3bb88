/**
 * What each element needs to run: a job type for job-based elements, a
 * script for script tasks, a called process for call activities, a
 * collection or cardinality for multi-instance, complete input/output
 * mappings. Message catches need no correlation key: without one they are
 * correlated by the message name alone, as the standard does.
 */
import type { NodeIR, ScopeIR } from '../ir/types.js';
import type { ScopeKind } from './nodeReaders/index.js';
import type { Problems } from './Problems.js';

type Report = (message: string) => void;

function validateWork(node: NodeIR, at: Report): void {
  if (node.kind === 'serviceTask' && !node.job) at('a service task needs a job type: add zeebe:taskDefinition with a type');
  if (node.job && node.job.type.source.trim() === '') at('zeebe:taskDefinition has no type');
  if (node.kind === 'scriptTask' && !node.job) {
    if (!node.script) at('a script task needs zeebe:script (expression and resultVariable) or a zeebe:taskDefinition');
    else {
      if (node.script.expression.source.trim() === '') at('zeebe:script has no expression');
      else if (!node.script.expression.isFeel) at('the zeebe:script expression must be FEEL: start it with =');
      if (!node.script.resultVariable) at('zeebe:script has no resultVariable');
    }
  }
  if (node.kind === 'callActivity' && !node.calledElement) at('a call activity needs the process it calls: a calledElement attribute or zeebe:calledElement with a processId');
}

function validateLoops(node: NodeIR, at: Report): void {
  const mi = node.multiInstance;
  if (mi) {
    if (!mi.inputCollection && !mi.loopCardinality) at('a multi-instance activity needs an input collection (zeebe:loopCharacteristics inputCollection) or a loop cardinality');
    if (mi.inputElement && !mi.inputCollection) at('multi-instance inputElement is set but there is no inputCollection');
    if (mi.outputCollection && !mi.outputElement) at('multi-instance outputCollection is set but there is no outputElement');
    if (mi.outputElement && !mi.outputCollection) at('multi-instance outputElement is set but there is no outputCollection');
  }
  const loop = node.standardLoop;
  if (loop && !loop.loopCondition && loop.loopMaximum === undefined) at('a standard loop needs a loopCondition or a loopMaximum, or it never ends');
}

function validateMappings(node: NodeIR, at: Report): void {
  for (const [direction, list] of [['input', node.inputs], ['output', node.outputs]] as const) {
    for (const mapping of list ?? []) {
      if (!mapping.target.trim()) at(`an ${direction} mapping has no target`);
      if (!mapping.source.source.trim()) at(`the ${direction} mapping to '${mapping.target}' has no source`);
    }
  }
}

/** Checks that every node of `scope` (not of its subprocesses) carries what it needs. */
export function validateRequirements(scope: ScopeIR, _scopeKind: ScopeKind, problems: Problems): void {
  for (const node of Object.values(scope.nodes)) {
    const at: Report = (message) => problems.at(node.id, message);
    validateWork(node, at);
    validateLoops(node, at);
    validateMappings(node, at);
  }
}
