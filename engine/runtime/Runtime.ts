/**
 * Runs one step of one process instance: an input (start, task completed,
 * timer fired, message, ...) moves the execution tree through its compiled
 * statecharts; the actions they return are BPMN behaviours that change the
 * tree and record effects (rows to write) and outbox entries. Synchronous
 * and free of I/O: the engine loads before and commits after.
 */
import type { Effects } from '../store/Store.js';
import type { NodeIR } from '../ir/types.js';
import type { ProcessModel } from './ProcessModel.js';
import type { Outbox } from './Outbox.js';
import type { RuntimeEvent } from './machines.js';
import { noWaits, TreeIndex, type Execution, type ExecutionTree } from './tree.js';
import { actionHandlers } from './behaviours/actions.js';
import { settleScope } from './behaviours/flow.js';
import { isBody } from './behaviours/multiInstance.js';
import { settleConditions } from './behaviours/conditions.js';
import { feelContext } from '../expressions/feel.js';
import { visibleVariables } from './variables.js';
import type { CalendarBook } from '../time/CalendarBook.js';
import type { TimeContext } from '../time/timerExpression.js';
import { DEFAULT_STEP_LIMITS, incidentTypeOf, restoreSavepoint, takeSavepoint, type Savepoint, type StepLimits } from './failures.js';
import type { IncidentRecord } from '../store/records.js';
import { forgetUndoneStalls, retryStalls } from './stalls.js';
import { describeEnding, ENDED_WITHOUT_COMPLETING } from './endings.js';
import { redoStalled } from './behaviours/stalledRetry.js';

/** Everything a step needs from outside: time, ids, the instance, and where its effects go. */
export interface StepEnv {
  now: Date;
  newId(): string;
  instance: {
    id: string;
    definitionId: string;
    definitionKey: string;
    businessKey: string | null;
    parentInstanceId: string | null;
  };
  model: ProcessModel;
  effects: Effects;
  outbox: Outbox;
  actor: string | null;
  /** The business calendars elements may be bound to. */
  calendars: CalendarBook;
  /** The step's budget; DEFAULT_STEP_LIMITS when absent. */
  limits?: StepLimits;
}

const FINAL_STATES = new Set(['completed', 'interrupted', 'failed', 'terminated']);

export class Runtime {
  readonly index: TreeIndex;
  /** Executions entered because their event already happened (complete at once). */
  readonly triggered = new Set<string>();
  /** Which start event a scope (or event subprocess activity) is entered through. */
  readonly pendingStarts = new Map<string, string>();
  private readonly queue: (() => void)[] = [];
  private readonly dirtyScopes = new Set<Execution>();
  private readonly limits: StepLimits;
  private activations = 0;
  /** Milliseconds of work done in earlier slices of this step. */
  private busyMs = 0;
  private sliceStarted = 0;
  /** Incidents of this step's budget, one per element (tokens stopped at one element share it). */
  private readonly budgetIncidents = new Map<string, string>();
  /** Evaluations stalled in this step, by incident (an undone transition takes its incidents back: see runtime/stalls.ts). */
  readonly stalledInStep = new Map<string, Execution>();
  /**
   * Executions that ended without completing in this step, with why: the
   * engine resolves the incidents they held (failed jobs, uncaught errors,
   * missing called processes...) in the same step (runtime/endings.ts).
   */
  readonly endedTokens = new Map<string, string>();
  /** Why the tokens ending now end, while a behaviour ends them (see `ending`). */
  private endingCause: string | undefined;

  constructor(
    readonly env: StepEnv,
    readonly tree: ExecutionTree,
  ) {
    this.index = new TreeIndex(tree.root);
    this.limits = env.limits ?? DEFAULT_STEP_LIMITS;
    this.sliceStarted = performance.now();
  }

  /** A fresh tree whose root scope is ready to be activated. */
  static newTree(env: StepEnv): ExecutionTree {
    const processId = env.model.ir.id;
    return {
      version: 1,
      root: { id: env.instance.id, kind: 'scope', nodeId: processId, machine: `scope:${processId}`, state: 'ready', variables: {}, children: [], joins: {}, waits: noWaits() },
    };
  }

  get model(): ProcessModel {
    return this.env.model;
  }

  /**
   * Sends an event to an execution's statechart and runs the actions it
   * returns. False when the execution ignored the event (not in a state
   * that handles it): a late timer or message for something already gone.
   */
  send(execution: Execution, event: RuntimeEvent): boolean {
    if (event.type === 'ACTIVATE' && execution.kind === 'activity' && execution.state === 'ready') {
      if (this.budgetSpent()) {
        this.parkForBudget(execution);
        return true;
      }
      this.activations += 1;
    }
    const { next, actions } = this.model.transitions(execution.machine).decide(execution.state, event);
    if (next === execution.state && actions.length === 0) return false;
    const savepoint = takeSavepoint(execution, this.env.effects, this.env.outbox, this.queue.length, this.triggered.has(execution.id), this.pendingStarts.get(execution.id));
    const previous = execution.state;
    execution.state = next;
    const outerCause = this.endingCause;
    if (previous !== execution.state) {
      if (ENDED_WITHOUT_COMPLETING.has(execution.state)) {
        this.endingCause ??= describeEnding(execution, event);
        this.endedTokens.set(execution.id, this.endingCause);
      }
      this.recordStateChange(execution, previous);
    }
    try {
      for (const action of actions) {
        const handler = actionHandlers[action.type];
        if (!handler) throw new Error(`no behaviour bound for action ${action.type}`);
        handler(this, execution, (action.params ?? {}) as unknown as Record<string, string>, event);
      }
    } catch (error) {
      const type = incidentTypeOf(error);
      if (!type) throw error;
      this.endedTokens.delete(execution.id);
      this.undo(execution, savepoint);
      this.park(execution, event, savepoint, type, (error as Error).message);
      return true;
    } finally {
      this.endingCause = outerCause;
    }
    if (execution.incident && FINAL_STATES.has(execution.state)) this.resolveParked(execution);
    return true;
  }

  /** Undoes what a transition whose behaviour failed did: its outputs, its own fields, the children it created. */
  private undo(execution: Execution, savepoint: Savepoint): void {
    restoreSavepoint(savepoint, execution, this.env.effects, this.env.outbox);
    forgetUndoneStalls(this);
    this.queue.length = savepoint.queue;
    for (const child of [...execution.children]) {
      if (!savepoint.children.includes(child)) this.index.removeChild(execution, child);
    }
    this.triggered.delete(execution.id);
    this.pendingStarts.delete(execution.id);
  }

  /** Stops the token at `execution` with an open incident; retrying it sends `event` again. */
  private park(execution: Execution, event: RuntimeEvent, at: Pick<Savepoint, 'triggered' | 'start'>, type: IncidentRecord['type'], message: string, incidentId?: string): void {
    const id = incidentId ?? this.env.newId();
    const { code, message: eventMessage } = event as { code?: string; message?: string };
    execution.incident = {
      id,
      event: { type: event.type, ...(code !== undefined ? { code } : {}), ...(eventMessage !== undefined ? { message: eventMessage } : {}) },
      ...(at.triggered ? { triggered: true } : {}),
      ...(at.start ? { start: at.start } : {}),
    };
    if (incidentId) return;
    const { instance } = this.env;
    this.env.effects.incidents.push({
      id, instanceId: instance.id, activityInstanceId: execution.id, elementId: execution.nodeId, definitionKey: instance.definitionKey,
      type, message, jobId: null, state: 'open', createdAt: this.env.now, resolvedAt: null,
    });
    this.history('incident.created', execution, { incidentId: id, type, message });
  }

  /** The step's budget is spent: the token stops before `execution` with the element's budget incident. */
  private parkForBudget(execution: Execution): void {
    const at = { triggered: this.triggered.delete(execution.id), start: this.pendingStarts.get(execution.id) };
    this.pendingStarts.delete(execution.id);
    const existing = this.budgetIncidents.get(execution.nodeId);
    const message = `${execution.nodeId}: the step stopped here after ${this.activations} element activations and ${Math.round(this.elapsedMs())} ms without reaching a wait state ` +
      `(limits: ${this.limits.maxActivations} activations, ${this.limits.maxMs} ms). A loop with no wait state? Fix the data or the model, then retry the incident to go on.`;
    this.park(execution, { type: 'ACTIVATE' }, at, 'step_budget_exceeded', message, existing);
    if (!existing) this.budgetIncidents.set(execution.nodeId, execution.incident!.id);
  }

  /** A token that waited on an incident ended (cancelled, interrupted): its incident is resolved with it. */
  private resolveParked(execution: Execution): void {
    const id = execution.incident!.id;
    delete execution.incident;
    if ([...this.index.walk()].some((e) => e.incident?.id === id)) return;
    this.env.effects.resolveIncidents.push(id);
    this.history('incident.resolved', execution, { incidentId: id, reason: this.endReason(execution) });
  }

  /** Runs `end`, which ends tokens, giving `cause` as the reason they end (unless a cause above it already gave one). */
  ending(cause: string, end: () => void): void {
    const outer = this.endingCause;
    this.endingCause ??= cause;
    try {
      end();
    } finally {
      this.endingCause = outer;
    }
  }

  /** Why `execution` ended, for the history of what ended with it. */
  endReason(execution: Execution): string {
    return this.endedTokens.get(execution.id) ?? `token ${execution.state}`;
  }

  /**
   * Sends again the events of the tokens stopped by incident `incidentId`,
   * or evaluates again what it stalled (retrying it); false when nothing
   * waits on it any more.
   */
  retryParked(incidentId: string): boolean {
    const parked = [...this.index.walk()].filter((e) => e.incident?.id === incidentId);
    for (const execution of parked) {
      const { event, triggered, start } = execution.incident!;
      delete execution.incident;
      if (triggered) this.triggered.add(execution.id);
      if (start) this.pendingStarts.set(execution.id, start);
      if (this.index.get(execution.id) === execution) this.send(execution, event as RuntimeEvent);
    }
    const stalled = retryStalls(this, incidentId, (owner, stall) => redoStalled(this, owner, stall));
    this.run();
    return parked.length > 0 || stalled;
  }

  /**
   * A token that could not leave `node` outside a transition (one
   * occurrence of a timer cycle, whose catch event stays active): it is
   * held at `node` as an execution of its own, stopped with an incident;
   * retrying completes it, which sends it on.
   */
  holdToken(scope: Execution, node: NodeIR, error: unknown): void {
    const type = incidentTypeOf(error);
    if (!type) throw error;
    const token = this.newActivity(scope, node);
    token.state = 'active';
    this.park(token, { type: 'COMPLETE' }, { triggered: false }, type, (error as Error).message);
  }

  private elapsedMs(): number {
    return this.busyMs + (performance.now() - this.sliceStarted);
  }

  private budgetSpent(): boolean {
    return this.activations >= this.limits.maxActivations || this.elapsedMs() >= this.limits.maxMs;
  }

  /** What expressions evaluated at `execution` see: its visible variables and the engine's clock. */
  context(execution: Execution, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return feelContext({ ...visibleVariables(this.index, execution), ...extra }, this.env.now);
  }

  /** What time means at an element: its own `lifeline:calendar`, else the process's, else plain time in the default calendar's zone. */
  timeContext(elementId: string): TimeContext {
    const own = this.model.hasNode(elementId) ? this.model.node(elementId).lifeline?.calendar : undefined;
    return this.env.calendars.context(own ?? this.model.ir.calendar);
  }

  /** Schedules work after the current behaviour (keeps long chains off the call stack). */
  later(work: () => void): void {
    this.queue.push(work);
  }

  /** Marks a scope to be checked for completion and inclusive joins once the queue is empty. */
  touch(scope: Execution): void {
    this.dirtyScopes.add(scope);
  }

  /**
   * Drains queued work and settles scopes until nothing moves, or until
   * this slice of the step has used its time (`pending` then says so, and
   * the engine yields to the event loop before it calls `run` again).
   */
  run(): void {
    const started = performance.now();
    this.sliceStarted = started;
    try {
      for (;;) {
        const work = this.queue.shift();
        if (work) work();
        else {
          const scope = this.dirtyScopes.values().next().value as Execution | undefined;
          if (!scope) {
            // Quiet: conditional events see everything this step changed (behaviours/conditions.ts).
            if (settleConditions(this)) continue;
            return;
          }
          this.dirtyScopes.delete(scope);
          if (this.index.get(scope.id) === scope) settleScope(this, scope);
        }
        if (performance.now() - started >= this.limits.sliceMs && this.pending) return;
      }
    } finally {
      const now = performance.now();
      this.busyMs += now - started;
      this.sliceStarted = now;
    }
  }

  /** Work is left for another slice of `run`. */
  get pending(): boolean {
    return this.queue.length > 0 || this.dirtyScopes.size > 0;
  }

  /** Creates an activity execution for `node` inside `parent` (not yet activated). */
  newActivity(parent: Execution, node: NodeIR, machine = `activity:${node.id}`): Execution {
    const execution: Execution = { id: this.env.newId(), kind: 'activity', nodeId: node.id, machine, state: 'ready', variables: {}, children: [], waits: noWaits() };
    this.index.addChild(parent, execution);
    return execution;
  }

  /** Creates a scope execution for a subprocess body inside its activity. */
  newScope(parent: Execution, scopeId: string): Execution {
    const execution: Execution = { id: this.env.newId(), kind: 'scope', nodeId: scopeId, machine: `scope:${scopeId}`, state: 'ready', variables: {}, children: [], joins: {}, waits: noWaits() };
    this.index.addChild(parent, execution);
    return execution;
  }

  /** Records a history event for this instance (about `elementId` when it is not the execution's own element: a boundary or start event it waits for). */
  history(type: string, execution: Execution | null, data: Record<string, unknown> | null = null, elementId?: string): void {
    if (elementId !== undefined && this.model.hasNode(elementId)) {
      this.env.effects.history.push({ instanceId: this.env.instance.id, type, elementId, elementType: this.model.node(elementId).kind, activityInstanceId: execution?.id ?? null, at: this.env.now, actor: this.env.actor, data });
      return;
    }
    const node = execution && execution.kind === 'activity' && this.model.hasNode(execution.nodeId) ? this.model.node(execution.nodeId) : null;
    this.env.effects.history.push({
      instanceId: this.env.instance.id,
      type,
      elementId: execution ? execution.nodeId : null,
      // The body of a multi-instance or loop element is told apart from its inner instances (one per token), so per-element token counts can skip it.
      elementType: node ? (isBody(this, execution!, node) ? 'multiInstanceBody' : node.kind) : execution ? 'scope' : null,
      activityInstanceId: execution ? execution.id : null,
      at: this.env.now,
      actor: this.env.actor,
      data,
    });
  }

  /** Ids of the elements holding a token now (activities, and gateways with waiting join tokens). */
  activeElements(): string[] {
    const ids = new Set<string>();
    for (const e of this.index.walk()) {
      if (e.kind === 'activity' && (e.state === 'active' || e.state === 'ready')) ids.add(e.nodeId);
      for (const [gateway, flows] of Object.entries(e.joins ?? {})) {
        if (Object.values(flows).some((n) => n > 0)) ids.add(gateway);
      }
    }
    return [...ids];
  }

  private recordStateChange(execution: Execution, previous: string): void {
    const type = ({ active: 'element.activated', completed: 'element.completed', interrupted: 'element.terminated', terminated: 'element.terminated', failed: 'element.failed' } as Record<string, string>)[execution.state];
    if (execution.kind === 'scope') {
      if (execution === this.tree.root && execution.state !== 'active') this.history(`process.${execution.state}`, null);
      return;
    }
    if (type && !(previous === 'ready' && execution.state === 'terminated')) this.history(type, execution);
  }
}
