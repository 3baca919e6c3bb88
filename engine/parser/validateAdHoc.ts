/**
 * The standard's rules for ad-hoc subprocesses (BPMN 10.3.5.3): at least
 * one activity inside, and no start or end events (its activities start
 * without them).
 */
import type { NodeIR } from '../ir/types.js';
import { isActivity } from './elementKinds.js';
import type { Problems } from './Problems.js';

/** Checks the ad-hoc subprocess `node` (whose `adHoc` is set). */
export function validateAdHoc(node: NodeIR, problems: Problems): void {
  const inner = Object.values(node.scope?.nodes ?? {});
  if (!inner.some((n) => isActivity(n.kind))) problems.at(node.id, 'an ad-hoc subprocess must contain at least one activity (BPMN 10.3.5.3)');
  for (const n of inner) {
    if (n.kind === 'startEvent' || n.kind === 'endEvent') problems.at(n.id, `${n.kind === 'startEvent' ? 'a start' : 'an end'} event cannot be used in an ad-hoc subprocess (BPMN 10.3.5.3)`);
  }
}
