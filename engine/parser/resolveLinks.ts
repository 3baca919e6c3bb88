/**
 * Link events: each link throw event jumps to the link catch event with
 * the same name in the same scope; the IR records that catch as `target`.
 */
import type { ScopeIR } from '../ir/types.js';
import type { Problems } from './Problems.js';

/** Sets `target` on the link throw events of `scope`; reports missing and ambiguous targets. */
export function resolveLinks(scope: ScopeIR, problems: Problems): void {
  const catches = new Map<string, string>();
  for (const node of Object.values(scope.nodes)) {
    if (node.kind !== 'intermediateCatchEvent' || node.event?.type !== 'link' || !node.event.linkName) continue;
    const other = catches.get(node.event.linkName);
    if (other) problems.at(node.id, `link catch event '${other}' has the same name '${node.event.linkName}': link names must be unique in a scope`);
    else catches.set(node.event.linkName, node.id);
  }
  for (const node of Object.values(scope.nodes)) {
    const event = node.event;
    if (node.kind !== 'intermediateThrowEvent' || event?.type !== 'link' || !event.linkName) continue;
    const target = catches.get(event.linkName);
    if (target) event.target = target;
    else problems.at(node.id, `no link catch event named '${event.linkName}' in the same scope: the link throw leads nowhere`);
  }
}
