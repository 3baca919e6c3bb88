/**
 * The shape of a node reader: one per element family, registered by node
 * kind (see index.ts). A reader fills the kind-specific fields of a node
 * whose common fields are already set, and reports what it cannot read.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { NodeIR } from '../../ir/types.js';
import type { Problems } from '../Problems.js';

/** The kind of scope being read: it decides what a start event may be. */
export type ScopeKind = 'process' | 'subprocess' | 'eventSubprocess';

/** What a reader needs besides the element itself. */
export interface ReadContext {
  problems: Problems;
  /** The kind of the scope the element stands in. */
  scopeKind: ScopeKind;
  /** The process's embedded `zeebe:userTaskForm` bodies, by id. */
  forms: Map<string, string>;
}

/** Fills the kind-specific fields of `node` from `element`. */
export type NodeReader = (element: ModdleElement, node: NodeIR, ctx: ReadContext) => void;
