/**
 * Runs one step of one process instance: an input (start, task completed,
 * timer fired, message, ...) moves the execution tree through its compiled
 * statecharts; the actions they return are BPMN behaviours that change the
 * tree and record effects (rows to write) and outbox entries. Synchronous
 * and free of I/O: the engine loads before and commits after.
 */
import { transition } from 'xstate';
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
import { LifelineError } from '../errors/LifelineError.js';
import { feelContext } from '../expressions/feel.js';
import { visibleVariables } from './variables.js';
import type { CalendarBook } from '../time/CalendarBook.js';
import type { TimeContext } from '../time/timerExpression.js';

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
}

/** More than this many operations in one step means a loop with no wait state. */
const MAX_OPERATIONS = 50_000;

export class Runtime {
  readonly index: TreeIndex;
  /** Executions entered because their event already happened (complete at once). */
  readonly triggered = new Set<string>();
  /** Which start event a scope (or event subprocess activity) is entered through. */
  readonly pendingStarts = new Map<string, string>();
  private readonly queue: (() => void)[] = [];
  private readonly dirtyScopes = new Set<Execution>();
  private operations = 0;

  constructor(
    readonly env: StepEnv,
    readonly tree: ExecutionTree,
  ) {
    this.index = new TreeIndex(tree.root);
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
    const machine = this.model.machine(execution.machine);
    const snapshot = machine.resolveState({ value: execution.state, context: {} });
    const [next, actions] = transition(machine, snapshot, event as never);
    if (next.value === snapshot.value && actions.length === 0) return false;
    const previous = execution.state;
    execution.state = next.value as string;
    if (previous !== execution.state) this.recordStateChange(execution, previous);
    for (const action of actions) {
      const handler = actionHandlers[action.type];
      if (!handler) throw new Error(`no behaviour bound for action ${action.type}`);
      handler(this, execution, (action.params ?? {}) as unknown as Record<string, string>, event);
    }
    return true;
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

  /** Drains queued work and settles scopes until nothing moves. */
  run(): void {
    for (;;) {
      const work = this.queue.shift();
      if (work) {
        if (++this.operations > MAX_OPERATIONS) {
          throw new LifelineError('INFINITE_LOOP', `the instance took more than ${MAX_OPERATIONS} steps without waiting: a loop with no wait state?`);
        }
        work();
        continue;
      }
      const scope = this.dirtyScopes.values().next().value as Execution | undefined;
      if (!scope) {
        // Quiet: conditional events see everything this step changed (behaviours/conditions.ts).
        if (settleConditions(this)) continue;
        return;
      }
      this.dirtyScopes.delete(scope);
      if (this.index.get(scope.id) === scope) settleScope(this, scope);
    }
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

  /** Records a history event for this instance. */
  history(type: string, execution: Execution | null, data: Record<string, unknown> | null = null): void {
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
