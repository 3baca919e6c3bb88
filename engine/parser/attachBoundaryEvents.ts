/**
 * Boundary events onto their activities: each activity lists the boundary
 * events attached to it. A boundary event must sit on an activity of its
 * own scope.
 */
import type { ScopeIR } from '../ir/types.js';
import { isActivity } from './elementKinds.js';
import type { BuildContext } from './buildScope.js';

/** Fills `boundaryEvents` of the activities of `scope`, reporting boundary events with no valid host. */
export function attachBoundaryEvents(scope: ScopeIR, ctx: BuildContext): void {
  for (const node of Object.values(scope.nodes)) {
    if (node.kind !== 'boundaryEvent') continue;
    if (!node.attachedTo) {
      if (!ctx.unresolved.has(node.id)) ctx.problems.at(node.id, 'the boundary event is attached to nothing: attachedToRef is missing');
      continue;
    }
    if (ctx.unsupported.has(node.attachedTo)) continue;
    const host = scope.nodes[node.attachedTo];
    if (!host) ctx.problems.at(node.id, `the boundary event is attached to '${node.attachedTo}', which is not an activity of the same scope`);
    else if (!isActivity(host.kind)) ctx.problems.at(node.id, `the boundary event is attached to '${host.id}' (${host.kind}), which is not an activity`);
    else (host.boundaryEvents ??= []).push(node.id);
  }
}
