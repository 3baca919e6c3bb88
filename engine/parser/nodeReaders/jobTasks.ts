/**
 * Service and script tasks. A service task is always a job for a worker
 * (`zeebe:taskDefinition`); a script task either evaluates its
 * `zeebe:script` FEEL expression in the engine or, with a task definition,
 * is a job like a service task.
 */
import { readJob, readScript } from '../extensions.js';
import type { NodeReader } from './NodeReader.js';

/** Service tasks: the job type, retries and headers. */
export const readServiceTask: NodeReader = (element, node) => {
  const job = readJob(element);
  if (job) node.job = job;
};

/** Script tasks: the FEEL script and its result variable, or a job. */
export const readScriptTask: NodeReader = (element, node, ctx) => {
  const job = readJob(element);
  const script = readScript(element);
  if (job) node.job = job;
  if (script) node.script = script;
  if (job && script) ctx.problems.at(node.id, 'a script task has either zeebe:script or zeebe:taskDefinition, not both');
};
