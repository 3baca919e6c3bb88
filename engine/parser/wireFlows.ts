/**
 * Sequence flows → FlowIR, and each node's incoming and outgoing flow ids,
 * derived from `sourceRef`/`targetRef` (bpmn-moddle leaves `outgoing`
 * undefined when the XML has no `<bpmn:outgoing>` children). A flow must
 * connect two nodes of the same scope.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { FlowIR, ScopeIR } from '../ir/types.js';
import { readFormalExpression } from './formalExpressions.js';
import type { BuildContext } from './buildScope.js';

function describeScope(scope: ScopeIR, flow: ModdleElement): string {
  return flow.$parent?.$type === 'bpmn:SubProcess' ? `subprocess '${scope.id}'` : `process '${scope.id}'`;
}

/** Adds `flows` (the sequence flows of `scope`'s container) to the scope and its nodes. */
export function wireFlows(scope: ScopeIR, flows: ModdleElement[], ctx: BuildContext): void {
  const { problems } = ctx;
  for (const flow of flows) {
    const id = flow.id ?? '';
    const source: string | undefined = flow.sourceRef?.id;
    const target: string | undefined = flow.targetRef?.id;
    if (target) ctx.targeted.add(target);
    if (source) ctx.sourced.add(source);
    if (!source || !target) {
      if (!ctx.unresolved.has(id)) problems.at(id, `the sequence flow has no ${source ? 'targetRef' : 'sourceRef'}`);
      continue;
    }
    if (ctx.unsupported.has(source) || ctx.unsupported.has(target)) continue;
    const outside = [source, target].filter((ref) => !scope.nodes[ref]);
    if (outside.length) {
      problems.at(id, `the sequence flow connects '${source}' to '${target}', but ${outside.map((r) => `'${r}'`).join(' and ')} ${outside.length > 1 ? 'are' : 'is'} not a flow node of ${describeScope(scope, flow)}: sequence flows cannot cross a subprocess boundary`);
      continue;
    }
    const condition = readFormalExpression(flow.conditionExpression, id, 'the condition', problems);
    const ir: FlowIR = { id, source, target, ...(flow.name ? { name: String(flow.name) } : {}), ...(condition ? { condition } : {}) };
    scope.flows[id] = ir;
    scope.nodes[source].outgoing.push(id);
    scope.nodes[target].incoming.push(id);
  }
}
