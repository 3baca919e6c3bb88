/**
 * Wait states become rows: user tasks, jobs, timers and subscriptions that
 * the outside world sees and answers. Each row id is remembered on the
 * execution so that ending it cancels exactly what it opened.
 */
import type { EventDefinition, NodeIR, TimerDefinition } from '../../ir/types.js';
import { evaluateExpr, evaluateRaw, evaluateString, evaluateStringList, ExpressionError } from '../../expressions/feel.js';
import { resolveTimer } from '../../time/timerExpression.js';
import { resolveDueDate } from '../../time/dueDate.js';
import type { Runtime } from '../Runtime.js';
import type { Execution } from '../tree.js';
import { visibleVariables } from '../variables.js';
import { openSla } from './sla.js';
import { resolveStalls } from '../stalls.js';

/** Opens a timer row for `elementId` (a catch event, boundary event or event subprocess start). */
export function openTimer(rt: Runtime, owner: Execution, elementId: string, timer: TimerDefinition): void {
  const variables = rt.context(owner);
  const value = evaluateRaw(timer.value, variables);
  const time = rt.timeContext(elementId);
  let resolved;
  try {
    resolved = resolveTimer(timer.kind, value, rt.env.now, time);
  } catch (e) {
    throw new ExpressionError(`${elementId}: invalid timer value ${JSON.stringify(String(value))}: ${(e as Error).message}`, timer.value.source);
  }
  const id = rt.env.newId();
  rt.env.effects.timers.push({
    id,
    instanceId: rt.env.instance.id,
    definitionId: rt.env.instance.definitionId,
    activityInstanceId: owner.id,
    elementId,
    dueAt: resolved.dueAt,
    cycle: resolved.cycle,
    state: 'scheduled',
    createdAt: rt.env.now,
    firedAt: null,
  });
  owner.waits!.timers.push(id);
}

/** Opens a message or signal subscription for `elementId`. */
export function openSubscription(rt: Runtime, owner: Execution, elementId: string, event: EventDefinition): void {
  if (event.type !== 'message' && event.type !== 'signal') return;
  const variables = rt.context(owner);
  const name = evaluateString(event.type === 'message' ? event.messageName : event.signalName, variables, `${elementId} ${event.type} name`);
  const correlationKey = event.type === 'message' && event.correlationKey ? evaluateString(event.correlationKey, variables, `${elementId} correlation key`) : null;
  const id = rt.env.newId();
  rt.env.effects.subscriptions.push({
    id,
    kind: event.type,
    name,
    correlationKey,
    instanceId: rt.env.instance.id,
    definitionId: rt.env.instance.definitionId,
    activityInstanceId: owner.id,
    elementId,
    state: 'open',
    createdAt: rt.env.now,
  });
  owner.waits!.subscriptions.push(id);
}

/**
 * Opens whatever an event definition waits on (timer, subscription, or a
 * condition to watch); for a multiple event, one per definition, each row
 * remembered with its part so that a parallel multiple event knows which
 * of its definitions have occurred.
 */
export function openEventWait(rt: Runtime, owner: Execution, elementId: string, event: EventDefinition | undefined, part?: number): void {
  const rowsOf = () => [...(owner.waits?.timers ?? []), ...(owner.waits?.subscriptions ?? [])];
  const before = new Set(rowsOf());
  if (event?.type === 'timer') openTimer(rt, owner, elementId, event.timer);
  else if (event?.type === 'message' || event?.type === 'signal') openSubscription(rt, owner, elementId, event);
  else if (event?.type === 'conditional') (owner.conditions ??= []).push({ elementId, last: false, ...(part !== undefined ? { part } : {}) });
  else if (event?.type === 'multiple') event.definitions.forEach((definition, index) => openEventWait(rt, owner, elementId, definition, index));
  if (part === undefined) return;
  for (const row of rowsOf()) if (!before.has(row)) (owner.eventParts ??= {})[row] = part;
}

/** Opens a job for a worker of the node's job type. */
export function openJob(rt: Runtime, execution: Execution, node: NodeIR): void {
  const job = node.job!;
  const context = rt.context(execution);
  const type = evaluateString(job.type, context, `${node.id} job type`);
  const retries = Number(evaluateExpr(job.retries, context));
  if (!Number.isInteger(retries) || retries < 0) throw new ExpressionError(`${node.id}: job retries must be a whole number, got ${JSON.stringify(retries)}`, job.retries.source);
  const id = rt.env.newId();
  rt.env.effects.jobs.push({
    id,
    type,
    instanceId: rt.env.instance.id,
    activityInstanceId: execution.id,
    elementId: node.id,
    definitionKey: rt.env.instance.definitionKey,
    retries,
    state: 'activatable',
    headers: job.headers,
    worker: null,
    lockExpiresAt: null,
    nextRunAt: rt.env.now,
    lastError: null,
    createdAt: rt.env.now,
    businessKey: rt.env.instance.businessKey,
  });
  execution.waits!.jobs.push(id);
}

/** Opens a user task with its assignment, schedule, priority and form. */
export function openUserTask(rt: Runtime, execution: Execution, node: NodeIR): void {
  const def = node.userTask ?? {};
  const variables = visibleVariables(rt.index, execution);
  const context = rt.context(execution);
  const optionalString = (expr: typeof def.assignee, what: string) => (expr ? nullIfEmpty(evaluateString(expr, context, `${node.id} ${what}`)) : null);
  const time = rt.timeContext(node.id);
  const optionalDate = (expr: typeof def.dueDate, what: string) => {
    if (!expr) return null;
    const value = evaluateRaw(expr, context);
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
    try {
      return resolveDueDate(value, rt.env.now, time);
    } catch (e) {
      throw new ExpressionError(`${node.id}: ${what}: ${(e as Error).message}`, expr.source);
    }
  };
  const priority = def.priority ? Number(evaluateExpr(def.priority, context)) : 50;
  if (!Number.isFinite(priority)) throw new ExpressionError(`${node.id}: priority must be a number`, def.priority!.source);
  const id = rt.env.newId();
  const sla = openSla(rt, execution, node, id);
  const dueAt = optionalDate(def.dueDate, 'due date') ?? sla.slaBreachAt;
  rt.env.effects.tasks.push({
    id,
    instanceId: rt.env.instance.id,
    activityInstanceId: execution.id,
    elementId: node.id,
    name: node.name ?? null,
    definitionKey: rt.env.instance.definitionKey,
    businessKey: rt.env.instance.businessKey,
    assignee: optionalString(def.assignee, 'assignee'),
    candidateGroups: def.candidateGroups ? evaluateStringList(def.candidateGroups, context, `${node.id} candidate groups`) : [],
    candidateUsers: def.candidateUsers ? evaluateStringList(def.candidateUsers, context, `${node.id} candidate users`) : [],
    priority,
    dueAt,
    followUpAt: optionalDate(def.followUpDate, 'follow-up date'),
    formKey: def.formKey ?? null,
    formId: def.formId ?? null,
    form: def.formJson ? (JSON.parse(def.formJson) as Record<string, unknown>) : null,
    variables,
    state: 'created',
    createdAt: rt.env.now,
    claimedAt: null,
    completedAt: null,
    completedBy: null,
    ...sla,
  });
  execution.waits!.tasks.push(id);
  rt.history('task.created', execution, { taskId: id });
}

function nullIfEmpty(text: string): string | null {
  return text.trim() === '' ? null : text;
}

/** Cancels every open row of an execution (tasks, jobs, timers, subscriptions, a called instance), and resolves what stalled in its waits. */
export function cancelWaits(rt: Runtime, execution: Execution): void {
  if (execution.stalled) resolveStalls(rt, execution, rt.endReason(execution));
  const waits = execution.waits;
  if (!waits) return;
  const effects = rt.env.effects;
  effects.cancelTasks.push(...waits.tasks);
  effects.cancelJobs.push(...waits.jobs);
  effects.cancelTimers.push(...waits.timers);
  effects.cancelSubscriptions.push(...waits.subscriptions);
  if (waits.childInstanceId) rt.env.outbox.cancelInstances.push(waits.childInstanceId);
  execution.waits = { tasks: [], jobs: [], timers: [], subscriptions: [] };
  delete execution.conditions;
  delete execution.eventParts;
  delete execution.partsSeen;
}
