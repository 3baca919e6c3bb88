/**
 * The monitor's pages as single answers: an instance with everything a
 * manager repairs it by, a definition version with its counts. A fixed
 * number of queries per page, whatever the instance holds.
 */
import type { ProcessIR, ScopeIR } from '../../engine/index.js';
import { definitionCounts, deploymentName, displayNames, elementStats } from '../../db/index.js';
import type { Services } from '../http/route.js';
import { stuckSince } from './instances.js';

/** Name and kind of every flow node of a process, subprocesses included (for history lines and overlays). */
export function elementsOf(ir: ProcessIR): Record<string, { name: string | null; kind: string }> {
  const elements: Record<string, { name: string | null; kind: string }> = {};
  const walk = (scope: ScopeIR) => {
    for (const node of Object.values(scope.nodes)) {
      elements[node.id] = { name: node.name ?? null, kind: node.kind };
      if (node.scope) walk(node.scope);
    }
  };
  walk(ir);
  return elements;
}

/** One instance: its state, variables, waits, incidents, history, token counts, and the names of the people in them. */
export async function instanceView(services: Services, id: string) {
  const { engine, knex } = services;
  const { snapshot: _snapshot, ...instance } = await engine.getInstance(id);
  const [definition, history, stats] = await Promise.all([engine.getDefinition(instance.definitionId), engine.history(id), elementStats(knex, { instanceId: id })]);
  const named = [...history.map((h) => h.actor), ...instance.tasks.flatMap((t) => [t.assignee, t.completedBy, ...t.candidateUsers]), instance.startedBy, ...history.map((h) => h.data?.assignee)];
  return {
    now: services.clock.now(),
    instance,
    definition: { id: definition.id, key: definition.key, version: definition.version, name: definition.name },
    variables: instance.variables,
    tasks: instance.tasks,
    timers: instance.timers,
    jobs: instance.jobs.map(({ headers: _h, ...job }) => job),
    subscriptions: instance.subscriptions,
    incidents: instance.incidents,
    history,
    elementStats: stats,
    elements: elementsOf(definition.ir),
    people: await displayNames(knex, named.filter((n): n is string => typeof n === 'string')),
  };
}

/** One definition version: deploy-time metadata, every version of its key with counts, and token counts across its running instances. */
export async function definitionView(services: Services, id: string, stuckFor: string) {
  const { engine, knex, clock } = services;
  const definition = await engine.getDefinition(id);
  const now = clock.now();
  const [versions, stats, deployment, names] = await Promise.all([
    definitionCounts(knex, { now, stuckBefore: stuckSince(stuckFor, now), key: definition.key }),
    elementStats(knex, { definitionId: id }),
    deploymentName(knex, definition.deploymentId),
    displayNames(knex, definition.deployedBy ? [definition.deployedBy] : []),
  ]);
  return {
    now,
    definition: {
      id: definition.id, key: definition.key, version: definition.version, name: definition.name, versionTag: definition.ir.versionTag ?? null,
      deploymentId: definition.deploymentId, deploymentName: deployment, deployedAt: definition.deployedAt, deployedBy: definition.deployedBy,
      deployedByName: definition.deployedBy ? (names[definition.deployedBy] ?? null) : null, checksum: definition.checksum,
    },
    versions,
    elementStats: stats,
    elements: elementsOf(definition.ir),
    stuckFor,
  };
}
