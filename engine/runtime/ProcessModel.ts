/**
 * A deployed process ready to run: its IR with lookups by node id, and its
 * compiled statecharts. Built once per definition version and cached.
 */
import type { AnyStateMachine } from 'xstate';
import type { NodeIR, ProcessIR, ScopeIR } from '../ir/types.js';
import { compileProcess } from './machines.js';
import { TransitionTable } from './transitions.js';

export class ProcessModel {
  private readonly nodes = new Map<string, { node: NodeIR; scope: ScopeIR }>();
  private readonly scopes = new Map<string, ScopeIR>();
  private readonly machines: Map<string, AnyStateMachine>;
  private readonly tables = new Map<string, TransitionTable>();

  constructor(readonly ir: ProcessIR) {
    const visit = (scope: ScopeIR) => {
      this.scopes.set(scope.id, scope);
      for (const node of Object.values(scope.nodes)) {
        this.nodes.set(node.id, { node, scope });
        if (node.scope) visit(node.scope);
      }
    };
    visit(ir);
    this.machines = compileProcess(ir);
  }

  node(id: string): NodeIR {
    const entry = this.nodes.get(id);
    if (!entry) throw new Error(`process ${this.ir.processId} has no element ${id}`);
    return entry.node;
  }

  hasNode(id: string): boolean {
    return this.nodes.has(id);
  }

  /** The scope a node is drawn in. */
  scopeOfNode(id: string): ScopeIR {
    const entry = this.nodes.get(id);
    if (!entry) throw new Error(`process ${this.ir.processId} has no element ${id}`);
    return entry.scope;
  }

  scope(id: string): ScopeIR {
    const scope = this.scopes.get(id);
    if (!scope) throw new Error(`process ${this.ir.processId} has no scope ${id}`);
    return scope;
  }

  machine(name: string): AnyStateMachine {
    const machine = this.machines.get(name);
    if (!machine) throw new Error(`process ${this.ir.processId} has no compiled machine ${name}`);
    return machine;
  }

  /** The remembered decisions of machine `name` (transitions.ts). */
  transitions(name: string): TransitionTable {
    let table = this.tables.get(name);
    if (!table) {
      table = new TransitionTable(this.machine(name));
      this.tables.set(name, table);
    }
    return table;
  }

  /** Start events of the process that start it from outside (message, timer, signal, none). */
  startEvents(): NodeIR[] {
    return this.ir.startEvents.map((id) => this.ir.nodes[id]);
  }
}
