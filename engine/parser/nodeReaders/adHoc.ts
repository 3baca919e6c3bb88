/**
 * Ad-hoc subprocesses (BPMN 10.3.5.3): ordering, completion condition,
 * whether remaining instances are cancelled when it is done, and the
 * activities to start (`zeebe:adHoc activeElementsCollection`).
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { AdHocDefinition, NodeIR } from '../../ir/types.js';
import { toExpr } from '../../expressions/feel.js';
import { ext } from '../extensions.js';
import { readFormalExpression } from '../formalExpressions.js';
import type { ReadContext } from './NodeReader.js';

/** Sets `adHoc` on the subprocess node read from a `bpmn:adHocSubProcess`. */
export function readAdHoc(element: ModdleElement, node: NodeIR, ctx: ReadContext): void {
  const ordering = element.ordering === 'Sequential' ? 'Sequential' : 'Parallel';
  if (element.ordering !== undefined && element.ordering !== 'Sequential' && element.ordering !== 'Parallel') {
    ctx.problems.at(node.id, `ordering '${element.ordering}' is not Parallel or Sequential (BPMN XSD tAdHocOrdering)`);
  }
  const adHoc: AdHocDefinition = { ordering, cancelRemainingInstances: element.cancelRemainingInstances !== false };
  const completion = readFormalExpression(element.completionCondition, node.id, 'the completion condition', ctx.problems);
  if (completion) adHoc.completionCondition = completion;
  const active = ext(element, 'zeebe:AdHoc')?.activeElementsCollection;
  if (active !== undefined && String(active).trim() !== '') adHoc.activeElements = toExpr(String(active));
  node.adHoc = adHoc;
}
