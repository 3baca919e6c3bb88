/**
 * The execution tree of one process instance: plain JSON, persisted as the
 * instance's snapshot. Scopes hold activity instances; activities may hold a
 * scope (subprocess), inner instances (multi-instance, loop) or wait on rows.
 * Each execution carries the value of its compiled statechart (`state`).
 */

/** Ids of the rows an activity instance waits on: cancelled when it ends. */
export interface Waits {
  tasks: string[];
  jobs: string[];
  timers: string[];
  subscriptions: string[];
  /** Call activities: the child process instance. */
  childInstanceId?: string;
}

/** Multi-instance bookkeeping of a multi-instance body. */
export interface MultiInstanceState {
  total: number;
  started: number;
  completed: number;
  items: unknown[] | null;
  outputs: unknown[];
}

/**
 * A completed activity that can still be compensated (it has a handler, a
 * compensation event subprocess, or compensable activities inside), with
 * the variables it had. Kept on the scope it completed in until that scope
 * ends or compensates it.
 */
export interface CompensationRecord {
  nodeId: string;
  /** The activity's local variables when it completed (left out when it had none: snapshots stay small). */
  variables?: Record<string, unknown>;
  /** Subprocesses: their body's variables and the compensable activities that completed inside. */
  bodyVariables?: Record<string, unknown>;
  children?: CompensationRecord[];
}

/** One handler still to run for a compensation in progress (on the throwing event). */
export interface PendingCompensation {
  /** The handler activity, or a compensation event subprocess. */
  handler: string;
  variables: Record<string, unknown>;
  /** Compensation event subprocesses: their start event and the records they may compensate. */
  start?: string;
  children?: CompensationRecord[];
}

export interface Execution {
  id: string;
  kind: 'scope' | 'activity';
  /** The BPMN node id (activities) or the ScopeIR id (scopes: process id or subprocess id). */
  nodeId: string;
  /** Which compiled statechart runs this execution (see compileProcess). */
  machine: string;
  /** The statechart's current state value. */
  state: string;
  /** Local variables (the root scope holds the process variables). */
  variables: Record<string, unknown>;
  children: Execution[];
  /** Scopes: tokens waiting at joining gateways, per gateway and incoming flow. */
  joins?: Record<string, Record<string, number>>;
  /** Activities: open rows; scopes: event subprocess start triggers. */
  waits?: Waits;
  mi?: MultiInstanceState;
  /** Standard loops and multi-instance inner instances: the iteration number (1-based). */
  loopCounter?: number;
  /** Inner instances of a multi-instance body: the item index. */
  index?: number;
  /** A BPMN error this execution threw that nothing caught (an open incident): retrying throws it again. */
  uncaughtError?: { code: string; message?: string };
  /** Event subprocess scopes that interrupted their parent. */
  interrupting?: boolean;
  /** Scopes (and revived compensation event subprocesses): completed activities that can be compensated, in completion order. */
  compensations?: CompensationRecord[];
  /** Subprocess activities between their body's end and their own: what the body leaves to compensate. */
  body?: { variables: Record<string, unknown>; compensations?: CompensationRecord[] };
  /** A compensation or cancel event waiting for handlers: those still to run. */
  compensating?: { queue: PendingCompensation[]; cancel?: boolean };
  /** A running compensation handler: the id of the event that waits for it. */
  compensationFor?: string;
  /** Conditional events this execution waits for, with the condition's last value (they fire when it turns true). */
  conditions?: { elementId: string; last: boolean; part?: number }[];
  /** Multiple events: which definition (part) each open timer or subscription row stands for. */
  eventParts?: Record<string, number>;
  /** Scopes: complex gateways waiting for reset, with the incoming flows whose tokens they still take. */
  complexGateways?: Record<string, { awaiting: string[] }>;
  /** Ad-hoc subprocess bodies: activities still to start one after another (Sequential ordering). */
  adHocQueue?: string[];
  /** Parallel multiple events: the parts that have occurred so far, per element. */
  partsSeen?: Record<string, number[]>;
  /** The token stopped here with an open incident: retrying it sends `event` again (see runtime/failures.ts). */
  incident?: ParkedIncident;
  /** Evaluations of this execution's waits that failed outside a transition, each an open incident (see runtime/stalls.ts). */
  stalled?: StalledEvaluation[];
}

/**
 * An evaluation that failed where no transition can be undone and sent
 * again: a conditional event's condition, a complex gateway's activation
 * condition, an ad-hoc subprocess's completion condition, a repeating
 * event's next subscription, a signal name evaluated when a signal is
 * thrown in the instance. It is an open incident on `elementId`; retrying
 * it evaluates again.
 */
export interface StalledEvaluation {
  incident: string;
  elementId: string;
  /** condition, activation, completion: see above; listen: opening the next subscription of a repeating event; signal: the name of a signal this execution waits for. */
  what: 'condition' | 'activation' | 'completion' | 'listen' | 'signal';
  /** Multiple events: which of its definitions. */
  part?: number;
}

/** Why and where a token waits for an operator: the event that failed (or was not run), to send again on retry. */
export interface ParkedIncident {
  id: string;
  event: { type: string; code?: string; message?: string };
  /** The execution was entered because its event already happened (event-gateway branch, boundary event). */
  triggered?: boolean;
  /** The start event a scope or event subprocess was being entered through. */
  start?: string;
}

/** The persisted snapshot of an instance. */
export interface ExecutionTree {
  version: 1;
  root: Execution;
}

/** Fresh, empty waits. */
export function noWaits(): Waits {
  return { tasks: [], jobs: [], timers: [], subscriptions: [] };
}

/** Parent links and lookup by id, rebuilt after load (the JSON has no back references). */
export class TreeIndex {
  private readonly byId = new Map<string, Execution>();
  private readonly parents = new Map<string, Execution>();

  constructor(readonly root: Execution) {
    this.addSubtree(root, undefined);
  }

  get(id: string): Execution | undefined {
    return this.byId.get(id);
  }

  parent(execution: Execution): Execution | undefined {
    return this.parents.get(execution.id);
  }

  /** The chain from `execution` up to the root, nearest first. */
  ancestry(execution: Execution): Execution[] {
    const chain: Execution[] = [];
    for (let e: Execution | undefined = execution; e; e = this.parents.get(e.id)) chain.push(e);
    return chain;
  }

  /** The nearest enclosing scope execution (the execution itself when it is a scope). */
  scopeOf(execution: Execution): Execution {
    for (let e: Execution | undefined = execution; e; e = this.parents.get(e.id)) {
      if (e.kind === 'scope') return e;
    }
    throw new Error(`execution ${execution.id} has no scope`);
  }

  addChild(parent: Execution, child: Execution): void {
    parent.children.push(child);
    this.addSubtree(child, parent);
  }

  removeChild(parent: Execution, child: Execution): void {
    // multi-instance bodies drop thousands of children, mostly the oldest first: splice where it is, no copy
    const at = parent.children.indexOf(child);
    if (at >= 0) parent.children.splice(at, 1);
    this.removeSubtree(child);
  }

  /** Every execution below (and including) `execution`, depth first. */
  *walk(execution: Execution = this.root): Generator<Execution> {
    yield execution;
    for (const child of execution.children) yield* this.walk(child);
  }

  private addSubtree(execution: Execution, parent: Execution | undefined): void {
    this.byId.set(execution.id, execution);
    if (parent) this.parents.set(execution.id, parent);
    for (const child of execution.children) this.addSubtree(child, execution);
  }

  private removeSubtree(execution: Execution): void {
    this.byId.delete(execution.id);
    this.parents.delete(execution.id);
    for (const child of execution.children) this.removeSubtree(child);
  }
}
