/**
 * Loop characteristics of activities: multi-instance (BPMN attributes plus
 * `zeebe:loopCharacteristics` for the collection) and standard loops.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { MultiInstanceDefinition, NodeIR, StandardLoopDefinition } from '../../ir/types.js';
import { toExpr } from '../../expressions/feel.js';
import { checkExtensions } from '../checkExtensions.js';
import { ext } from '../extensions.js';
import { readFormalExpression } from '../formalExpressions.js';
import type { Problems } from '../Problems.js';

function readMultiInstance(loop: ModdleElement, id: string, problems: Problems): MultiInstanceDefinition {
  checkExtensions(loop, 'multiInstance', problems, id);
  const zeebe = ext(loop, 'zeebe:LoopCharacteristics');
  const mi: MultiInstanceDefinition = { sequential: loop.isSequential === true };
  const written = (value: unknown) => (value === undefined || String(value).trim() === '' ? undefined : String(value));
  const inputCollection = written(zeebe?.inputCollection);
  const inputElement = written(zeebe?.inputElement);
  const outputCollection = written(zeebe?.outputCollection);
  const outputElement = written(zeebe?.outputElement);
  if (inputCollection) mi.inputCollection = toExpr(inputCollection);
  if (inputElement) mi.inputElement = inputElement;
  if (outputCollection) mi.outputCollection = outputCollection;
  if (outputElement) mi.outputElement = toExpr(outputElement);
  const cardinality = readFormalExpression(loop.loopCardinality, id, 'the loop cardinality', problems);
  if (cardinality) mi.loopCardinality = cardinality;
  const completion = readFormalExpression(loop.completionCondition, id, 'the completion condition', problems);
  if (completion) mi.completionCondition = completion;
  return mi;
}

function readStandardLoop(loop: ModdleElement, id: string, problems: Problems): StandardLoopDefinition {
  const standard: StandardLoopDefinition = { testBefore: loop.testBefore === true };
  const condition = readFormalExpression(loop.loopCondition, id, 'the loop condition', problems);
  if (condition) standard.loopCondition = condition;
  if (loop.loopMaximum !== undefined && loop.loopMaximum !== null) {
    const maximum = Number(loop.loopMaximum);
    if (!Number.isInteger(maximum) || maximum < 0) problems.at(id, `loopMaximum '${loop.loopMaximum}' is not a whole number`);
    else standard.loopMaximum = maximum;
  }
  return standard;
}

/** Sets `multiInstance` or `standardLoop` on `node` from the activity's loop characteristics. */
export function readLoop(element: ModdleElement, node: NodeIR, problems: Problems): void {
  const loop: ModdleElement | undefined = element.loopCharacteristics;
  if (!loop) return;
  if (loop.$type === 'bpmn:MultiInstanceLoopCharacteristics') node.multiInstance = readMultiInstance(loop, node.id, problems);
  else if (loop.$type === 'bpmn:StandardLoopCharacteristics') node.standardLoop = readStandardLoop(loop, node.id, problems);
  else problems.at(node.id, `unsupported loop characteristics ${loop.$type}`);
}
