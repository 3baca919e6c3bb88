/**
 * Loop characteristics of activities: multi-instance (BPMN attributes plus
 * `zeebe:loopCharacteristics` for the collection) and standard loops.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { EventDefinition, MultiInstanceDefinition, NodeIR, StandardLoopDefinition } from '../../ir/types.js';
import { readEventDefinition } from '../eventDefinitions.js';
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
  readBehavior(loop, id, mi, problems);
  return mi;
}

const BEHAVIORS = ['None', 'One', 'All', 'Complex'] as const;

/** An event definition that a multi-instance activity throws itself (signal, message, escalation or error). */
function readThrown(definition: ModdleElement, id: string, what: string, problems: Problems): EventDefinition | undefined {
  const event = readEventDefinition({ $type: 'bpmn:ImplicitThrowEvent', id, eventDefinitions: [definition] } as unknown as ModdleElement, 'end', problems);
  if (!['signal', 'message', 'escalation', 'error'].includes(event.type)) {
    problems.at(id, `the ${what} of the multi-instance behavior is a ${event.type} event: only signal, message, escalation and error events are thrown`);
    return undefined;
  }
  return event;
}

/** `behavior` with its events (BPMN 10.3.8, table 10.29). */
function readBehavior(loop: ModdleElement, id: string, mi: MultiInstanceDefinition, problems: Problems): void {
  const behavior = loop.behavior;
  if (behavior === undefined) return;
  if (!BEHAVIORS.includes(behavior)) {
    problems.at(id, `multi-instance behavior '${behavior}' is not one of None, One, All, Complex (BPMN XSD tMultiInstanceFlowCondition)`);
    return;
  }
  if (behavior !== 'All') mi.behavior = behavior; // All, the default, throws nothing
  const complex: ModdleElement[] = loop.complexBehaviorDefinition ?? [];
  if (complex.length && behavior !== 'Complex') problems.at(id, `complexBehaviorDefinition is only allowed when behavior is Complex, not ${behavior} (BPMN 10.3.8)`);
  if (loop.oneBehaviorEventRef && behavior !== 'One') problems.at(id, `oneBehaviorEventRef is only used when behavior is One, not ${behavior} (BPMN 10.3.8)`);
  if (loop.noneBehaviorEventRef && behavior !== 'None') problems.at(id, `noneBehaviorEventRef is only used when behavior is None, not ${behavior} (BPMN 10.3.8)`);
  if (behavior === 'One' && loop.oneBehaviorEventRef) mi.oneBehaviorEvent = readThrown(loop.oneBehaviorEventRef, id, 'oneBehaviorEventRef', problems);
  if (behavior === 'None' && loop.noneBehaviorEventRef) mi.noneBehaviorEvent = readThrown(loop.noneBehaviorEventRef, id, 'noneBehaviorEventRef', problems);
  if (behavior === 'Complex') {
    if (complex.length === 0) problems.at(id, 'behavior Complex needs at least one complexBehaviorDefinition (BPMN 10.3.8)');
    mi.complexBehavior = [];
    for (const definition of complex) {
      const condition = readFormalExpression(definition.condition, id, 'the condition of a complexBehaviorDefinition', problems);
      const thrown = (definition.event?.eventDefinitions ?? [])[0];
      if (!condition || !thrown) {
        if (!thrown) problems.at(id, 'a complexBehaviorDefinition needs an event to throw');
        continue;
      }
      const event = readThrown(thrown, id, 'complexBehaviorDefinition', problems);
      if (event) mi.complexBehavior.push({ condition, event });
    }
  }
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

/** startQuantity and completionQuantity (BPMN 10.3.1: whole numbers, at least 1, default 1). */
function readQuantities(element: ModdleElement, node: NodeIR, problems: Problems): void {
  for (const attribute of ['startQuantity', 'completionQuantity'] as const) {
    const raw = element[attribute] ?? element.$attrs?.[attribute];
    if (raw === undefined || raw === null) continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 1) {
      problems.at(node.id, `${attribute} '${raw}' must be a whole number of at least 1 (BPMN 10.3.1)`);
      continue;
    }
    if (value !== 1) node[attribute] = value;
  }
}

/** Sets `multiInstance` or `standardLoop` on `node` from the activity's loop characteristics, and its token quantities. */
export function readLoop(element: ModdleElement, node: NodeIR, problems: Problems): void {
  readQuantities(element, node, problems);
  const loop: ModdleElement | undefined = element.loopCharacteristics;
  if (!loop) return;
  if (loop.$type === 'bpmn:MultiInstanceLoopCharacteristics') node.multiInstance = readMultiInstance(loop, node.id, problems);
  else if (loop.$type === 'bpmn:StandardLoopCharacteristics') node.standardLoop = readStandardLoop(loop, node.id, problems);
  else problems.at(node.id, `unsupported loop characteristics ${loop.$type}`);
}
