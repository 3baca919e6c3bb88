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
