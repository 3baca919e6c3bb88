/**
 * Retrying a job whose retries ran out: the job gets retries again and is
 * activatable at once. The worker that takes it gets the variables its
 * activity sees then (jobs carry no copy; see activateJobs), so a manager
 * who set the missing variable before retrying gives the worker what it lacked.
 */
import { NotFoundError } from '../errors/LifelineError.js';
import type { IncidentRecord } from '../store/records.js';
import type { TxScope } from './EngineContext.js';

/** Makes the failed job of a `job_no_retries` incident activatable now, with `retries` (under the instance's lock). */
export async function reactivateFailedJob(scope: TxScope, incident: IncidentRecord, retries: number): Promise<void> {
  const instance = await scope.tx.lockInstance(incident.instanceId);
  if (!instance) throw new NotFoundError('process instance', incident.instanceId);
  const job = await scope.tx.getJob(incident.jobId!);
  if (!job) throw new NotFoundError('job', incident.jobId!);
  await scope.tx.updateJob(job.id, { state: 'activatable', retries, nextRunAt: scope.now, worker: null, lockExpiresAt: null });
}
