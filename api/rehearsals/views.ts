/**
 * How rehearsal things look in the API: like their live counterparts
 * (instances without the snapshot, tasks with their SLA state), plus the
 * instance's number in the rehearsal (#1, #2, ...) that steps and
 * scenarios refer to.
 */
import { describeStep, slaOf, type InstanceRecord, type RecordedStep, type RehearsalRecord, type RehearsalSession, type UserTaskRecord } from '../../engine/index.js';
import type { TakenStep } from './Rehearsals.js';

/** Adds `number` (the instance's number in the rehearsal) to anything that has an `instanceId`. */
export function numbered<T extends { instanceId: string | null }>(session: RehearsalSession, item: T): T & { number: number | null } {
  return { ...item, number: item.instanceId ? session.numberOf(item.instanceId) ?? null : null };
}

/** An instance as the API shows it: no snapshot, with its number. */
export function instanceView(session: RehearsalSession, instance: InstanceRecord) {
  const { snapshot: _snapshot, ...rest } = instance;
  return { ...rest, number: session.numberOf(instance.id) ?? null };
}

/** A task with its SLA state at the rehearsal's time, and its instance number. */
export function taskView(session: RehearsalSession, task: UserTaskRecord, now: Date) {
  return { ...numbered(session, task), sla: slaOf(task, now) };
}

/** A step with a description people read. */
export function stepView(step: RecordedStep) {
  return { ...step, description: describeStep(step.input) };
}

/** A rehearsal without the model's XML and forms (GET …/model has them). */
export function rehearsalView(record: RehearsalRecord, extra: Record<string, unknown> = {}) {
  const { model, aliases: _aliases, ...rest } = record;
  return { ...rest, model: { source: model.source, processes: model.processes }, ...extra };
}

/** The answer to a step: the step, the clock after it, and what the engine returned. */
export function takenView(session: RehearsalSession, taken: TakenStep) {
  const { result } = taken;
  const shown = result && typeof result === 'object' && 'snapshot' in result ? instanceView(session, result as InstanceRecord) : result ?? null;
  return { step: stepView(taken.step), clock: taken.step.outcome.clock, result: shown };
}
