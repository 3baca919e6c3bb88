/**
 * Jobs for workers: activation with a lock, completion, failure with
 * retries and backoff (an incident at zero retries), and BPMN errors thrown
 * by workers. A lock that expires makes the job activatable again.
 */
import { ConflictError, NotFoundError, ValidationError } from '../errors/LifelineError.js';
import type { ActivatedJob, JobRecord, JsonObject } from '../store/records.js';
import { TreeIndex, type ExecutionTree } from '../runtime/tree.js';
import { storedVariablesSeenBy } from '../runtime/variables.js';
import { emptyEffects } from '../store/Store.js';
import { completeActivity, throwErrorAt } from '../runtime/inputs.js';
import type { ActivateJobsCommand, FailJobCommand, ThrowErrorCommand } from './EngineApi.js';
import type { EngineContext, TxScope } from './EngineContext.js';
import { historyNote, stepInTx, writeEffects } from './steps.js';

/**
 * Locks up to `maxJobs` jobs of a type for a worker, each with the
 * variables its activity sees now (read in the same transaction, one read
 * for the batch): a variable a manager or a parallel branch set after the
 * job was created reaches the worker, as in Zeebe.
 */
export async function activateJobs(ctx: EngineContext, command: ActivateJobsCommand): Promise<ActivatedJob[]> {
  if (command.maxJobs < 1) throw new ValidationError('maxJobs must be at least 1');
  if (command.lockDurationMs < 1) throw new ValidationError('lockDurationMs must be positive');
  return ctx.transaction(async ({ tx, now }) => {
    const jobs = await tx.activateJobs(command.type, command.worker, command.maxJobs, now, new Date(now.getTime() + command.lockDurationMs));
    if (jobs.length === 0) return [];
    const trees = new Map((await tx.instanceTrees([...new Set(jobs.map((j) => j.instanceId))])).map((t) => [t.id, { stored: t, index: new TreeIndex((t.snapshot as ExecutionTree).root) }]));
    return jobs.map((job) => {
      const tree = trees.get(job.instanceId);
      return { ...job, variables: (tree && storedVariablesSeenBy(tree.stored, job.activityInstanceId, tree.index)) ?? {} };
    });
  });
}

async function activeJob(scope: TxScope, id: string): Promise<JobRecord> {
  const job = await scope.tx.getJob(id);
  if (!job) throw new NotFoundError('job', id);
  if (job.state !== 'activated' && job.state !== 'activatable') throw new ConflictError(`job ${id} is ${job.state}`, { jobId: id, state: job.state });
  return job;
}

/** Completes a job: its activity completes with the variables. */
export async function completeJob(ctx: EngineContext, id: string, variables: JsonObject = {}, actor: string | null = null): Promise<void> {
  await ctx.transaction(async (scope) => {
    const job = await activeJob(scope, id);
    await stepInTx(
      ctx, scope, job.instanceId, actor,
      (rt) => completeActivity(rt, job.activityInstanceId, variables, { job: id }),
      async () => {
        const fresh = await activeJob(scope, id);
        await scope.tx.updateJob(fresh.id, { state: 'completed', lockExpiresAt: null });
      },
    );
  });
}

/** Fails a job: retried after the backoff while retries remain, else an incident. */
export async function failJob(ctx: EngineContext, id: string, command: FailJobCommand): Promise<void> {
  if (!Number.isInteger(command.retries) || command.retries < 0) throw new ValidationError('retries must be a whole number ≥ 0');
  await ctx.transaction(async (scope) => {
    const { tx, now } = scope;
    await tx.lockInstance((await activeJob(scope, id)).instanceId);
    const job = await activeJob(scope, id);
    const message = command.errorMessage ?? 'job failed';
    const effects = emptyEffects();
    if (command.retries > 0) {
      await tx.updateJob(id, { state: 'activatable', retries: command.retries, worker: null, lockExpiresAt: null, nextRunAt: new Date(now.getTime() + (command.backoffMs ?? 0)), lastError: message });
    } else {
      await tx.updateJob(id, { state: 'failed', retries: 0, worker: null, lockExpiresAt: null, lastError: message });
      effects.incidents.push({
        id: ctx.newId(), instanceId: job.instanceId, activityInstanceId: job.activityInstanceId, elementId: job.elementId, definitionKey: job.definitionKey,
        type: 'job_no_retries', message: `${job.elementId}: job of type '${job.type}' failed with no retries left: ${message}`, jobId: id, state: 'open', createdAt: now, resolvedAt: null,
      });
      effects.history.push(historyNote(job.instanceId, now, 'incident.created', job.elementId, { type: 'job_no_retries', jobId: id }, command.actor ?? null));
    }
    effects.history.push(historyNote(job.instanceId, now, 'job.failed', job.elementId, { jobId: id, retries: command.retries, message }, command.actor ?? null));
    await writeEffects(scope, effects);
  });
}

/** A worker reports a business error: it travels to the nearest error boundary or event subprocess. */
export async function throwJobError(ctx: EngineContext, id: string, command: ThrowErrorCommand): Promise<void> {
  if (!command.errorCode) throw new ValidationError('errorCode is required');
  await ctx.transaction(async (scope) => {
    const job = await activeJob(scope, id);
    await stepInTx(
      ctx, scope, job.instanceId, command.actor ?? null,
      (rt) => throwErrorAt(rt, job.activityInstanceId, command.errorCode, command.errorMessage, command.variables ?? {}, id),
      async () => {
        await activeJob(scope, id);
        await scope.tx.updateJob(id, { state: 'error_thrown', lockExpiresAt: null, lastError: command.errorMessage ?? command.errorCode });
      },
    );
  });
}

/** Hands jobs locked by `worker` back (activatable at once): an activation whose answer could not be delivered, or a worker stopping. */
export async function releaseJobs(ctx: EngineContext, ids: string[], worker: string): Promise<number> {
  return ctx.transaction(async ({ tx }) => {
    let released = 0;
    for (const id of ids) {
      const job = await tx.getJob(id);
      if (job?.state !== 'activated' || job.worker !== worker) continue;
      await tx.updateJob(id, { state: 'activatable', worker: null, lockExpiresAt: null });
      released += 1;
    }
    return released;
  });
}
