/**
 * Readers for events: start, end, intermediate catch and throw, boundary.
 * Message end and throw events with a `zeebe:taskDefinition` are job-based;
 * without one they deliver their message.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { NodeIR } from '../../ir/types.js';
import { readEventDefinition } from '../eventDefinitions.js';
import type { EventPosition } from '../eventPositions.js';
import { ext, readJob } from '../extensions.js';
import type { NodeReader, ScopeKind } from './NodeReader.js';
import type { Problems } from '../Problems.js';

const START_POSITIONS: Record<ScopeKind, EventPosition> = {
  process: 'start',
  subprocess: 'subprocessStart',
  eventSubprocess: 'eventSubprocessStart',
};

/** Start events; in an event subprocess they carry `isInterrupting` (default true). */
export const readStartEvent: NodeReader = (element, node, ctx) => {
  node.event = readEventDefinition(element, START_POSITIONS[ctx.scopeKind], ctx.problems);
  if (ctx.scopeKind !== 'eventSubprocess') return;
  node.isInterrupting = element.isInterrupting !== false;
  if (node.event.type === 'error' && !node.isInterrupting) {
    ctx.problems.at(node.id, 'an error start event always interrupts: isInterrupting must not be false');
  }
};

function readThrowing(element: ModdleElement, node: NodeIR, position: EventPosition, problems: Problems): void {
  const jobBased = ext(element, 'zeebe:TaskDefinition') !== undefined;
  node.event = readEventDefinition(element, position, problems, { jobBased });
  if (!jobBased) return;
  if (node.event.type === 'message') node.job = readJob(element);
  else problems.at(node.id, 'zeebe:taskDefinition only applies to message end and throw events and would be ignored here');
}

/** End events: none, terminate, error, escalation, message (delivered or job-based), signal. */
export const readEndEvent: NodeReader = (element, node, ctx) => readThrowing(element, node, 'end', ctx.problems);

/** Intermediate throw events: none, message (delivered or job-based), signal, escalation, link. */
export const readIntermediateThrowEvent: NodeReader = (element, node, ctx) => readThrowing(element, node, 'throw', ctx.problems);

/** Intermediate catch events: timer, message, signal, link. */
export const readIntermediateCatchEvent: NodeReader = (element, node, ctx) => {
  node.event = readEventDefinition(element, 'catch', ctx.problems);
};

/** Boundary events: the activity they are attached to, and whether they interrupt it (default true). */
export const readBoundaryEvent: NodeReader = (element, node, ctx) => {
  node.event = readEventDefinition(element, 'boundary', ctx.problems);
  node.cancelActivity = element.cancelActivity !== false;
  if (element.attachedToRef?.id) node.attachedTo = element.attachedToRef.id;
  if (node.event.type === 'error' && !node.cancelActivity) {
    ctx.problems.at(node.id, 'an error boundary event always interrupts: cancelActivity must not be false');
  }
};
