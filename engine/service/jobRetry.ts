/**
 * Retrying a job whose retries ran out. The job gets retries again and the
 * variables its activity sees NOW (as Zeebe hands a worker the variables of
 * the moment it activates a job): a manager who set the missing variable
 * before retrying gives the worker what it lacked.
 */
import { NotFoundError } from '../errors/LifelineError.js';
import type { IncidentRecord, InstanceRecord, JsonObject } from '../store/records.js';
import { TreeIndex, type ExecutionTree } from '../runtime/tree.js';
import { visibleVariables } from '../runtime/variables.js';
import type { TxScope } from './EngineContext.js';

/** The variables `activityInstanceId` sees in the instance's current tree (undefined when it is no longer there). */
export function currentVariables(instance: InstanceRecord, activityInstanceId: string): JsonObject | undefined {
  const tree = structuredClone(instance.snapshot) as ExecutionTree;
  tree.root.variables = structuredClone(instance.variables);
  const index = new TreeIndex(tree.root);
  const execution = index.get(activityInstanceId);
  return execution ? visibleVariables(index, execution) : undefined;
}

/** Makes the failed job of a `job_no_retries` incident activatable now, with `retries` and fresh variables (under the instance's lock). */
export async function reactivateFailedJob(scope: TxScope, incident: IncidentRecord, retries: number): Promise<void> {
  const instance = await scope.tx.lockInstance(incident.instanceId);
  if (!instance) throw new NotFoundError('process instance', incident.instanceId);
  const job = await scope.tx.getJob(incident.jobId!);
  if (!job) throw new NotFoundError('job', incident.jobId!);
  const variables = currentVariables(instance, job.activityInstanceId);
  await scope.tx.updateJob(job.id, { state: 'activatable', retries, nextRunAt: scope.now, worker: null, lockExpiresAt: null, ...(variables ? { variables } : {}) });
}
