/**
 * A flow node may list its sequence flows as `incoming` and `outgoing`;
 * when it does, the list must agree with the flows' own sourceRef and
 * targetRef (BPMN 8.3.13, table 8.74): a node cannot claim a flow that
 * starts or ends elsewhere.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { Problems } from '../Problems.js';
import { walkModdle } from './walkModdle.js';

/** Reports incoming/outgoing lists that contradict the flows they name. */
export function checkDeclaredFlows(definitions: ModdleElement, problems: Problems): void {
  walkModdle(definitions, (node) => {
    for (const flow of (node.incoming ?? []) as ModdleElement[]) {
      if (flow.$type === 'bpmn:SequenceFlow' && flow.targetRef && flow.targetRef !== node) {
        problems.at(node.id, `lists '${flow.id}' as incoming, but that sequence flow leads to '${flow.targetRef.id}' (BPMN 8.3.13)`);
      }
    }
    for (const flow of (node.outgoing ?? []) as ModdleElement[]) {
      if (flow.$type === 'bpmn:SequenceFlow' && flow.sourceRef && flow.sourceRef !== node) {
        problems.at(node.id, `lists '${flow.id}' as outgoing, but that sequence flow starts at '${flow.sourceRef.id}' (BPMN 8.3.13)`);
      }
    }
  });
}
