/**
 * Readers for events: start (with a start form), end, intermediate catch and
 * throw, boundary.
 * Message end and throw events with a `zeebe:taskDefinition` are job-based;
 * without one they deliver their message.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { NodeIR } from '../../ir/types.js';
import { readEventDefinition } from '../eventDefinitions.js';
import type { EventPosition } from '../eventPositions.js';
import { ext, readJob } from '../extensions.js';
import { readFormLink } from '../readFormLink.js';
import type { NodeReader, ReadContext, ScopeKind } from './NodeReader.js';
import type { Problems } from '../Problems.js';

const START_POSITIONS: Record<ScopeKind, EventPosition> = {
  process: 'start',
  subprocess: 'subprocessStart',
  eventSubprocess: 'eventSubprocessStart',
};

/**
 * What a person starting the process gives: a start form and the field that
 * names the business key. Both only mean something on a none start event of
 * a process (what Camunda's Tasklist starts), so elsewhere they are problems.
 */
function readStartInputs(element: ModdleElement, node: NodeIR, ctx: ReadContext): void {
  const startable = ctx.scopeKind === 'process' && node.event?.type === 'none';
  const where = ctx.scopeKind === 'process' ? `a ${node.event?.type} start event` : 'a start event inside a subprocess';
  if (ext(element, 'zeebe:FormDefinition')) {
    if (!startable) ctx.problems.at(node.id, `a start form (zeebe:formDefinition) only applies to a none start event of a process, not to ${where}`);
    else {
      const form = readFormLink(element, ctx.forms, ctx.problems);
      if (form?.formId || form?.formJson) node.startForm = form;
      else if (form) ctx.problems.at(node.id, 'the start form (zeebe:formDefinition) needs a formId (a deployed form) or the key of a form embedded in the process');
    }
  }
  const businessKey = ext(element, 'lifeline:BusinessKey');
  if (!businessKey) return;
  const field = typeof businessKey.field === 'string' ? businessKey.field.trim() : '';
  if (!startable) ctx.problems.at(node.id, `lifeline:businessKey only applies to a none start event of a process, not to ${where}`);
  else if (!/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/.test(field)) ctx.problems.at(node.id, `lifeline:businessKey needs a field: the variable (or path such as event.id) that holds the business key${field ? `, not '${field}'` : ''}`);
  else node.lifeline = { ...node.lifeline, businessKeyField: field };
}

/** Start events; in an event subprocess they carry `isInterrupting` (default true). */
export const readStartEvent: NodeReader = (element, node, ctx) => {
  node.event = readEventDefinition(element, START_POSITIONS[ctx.scopeKind], ctx.problems);
  readStartInputs(element, node, ctx);
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
