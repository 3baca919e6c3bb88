/**
 * Event definitions, and which of them Lifeline runs in which position
 * (a timer end event, say, is a problem, not a silent none end event).
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { EventDefinition, Problem } from '../ir/types.js';
import { toExpr } from '../expressions/feel.js';
import { ext } from './extensions.js';

export type EventPosition = 'start' | 'subprocessStart' | 'eventSubprocessStart' | 'end' | 'catch' | 'throw' | 'boundary';

const ALLOWED: Record<EventPosition, EventDefinition['type'][]> = {
  start: ['none', 'message', 'timer', 'signal'],
  subprocessStart: ['none'],
  eventSubprocessStart: ['message', 'timer', 'signal', 'error', 'escalation'],
  end: ['none', 'terminate', 'error', 'escalation', 'message', 'signal'],
  catch: ['timer', 'message', 'signal', 'link'],
  throw: ['none', 'message', 'signal', 'escalation', 'link'],
  boundary: ['timer', 'message', 'signal', 'error', 'escalation'],
};

const POSITION_NAMES: Record<EventPosition, string> = {
  start: 'a process start event',
  subprocessStart: 'the start event of an embedded subprocess',
  eventSubprocessStart: 'the start event of an event subprocess',
  end: 'an end event',
  catch: 'an intermediate catch event',
  throw: 'an intermediate throw event',
  boundary: 'a boundary event',
};

const TYPES: Record<string, EventDefinition['type'] | 'unsupported'> = {
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:TerminateEventDefinition': 'terminate',
  'bpmn:LinkEventDefinition': 'link',
};

/** The message a message event or task refers to, as name and correlation key. */
export function readMessage(id: string, message: ModdleElement | undefined, problems: Problem[]): EventDefinition {
  if (!message) {
    problems.push({ elementId: id, message: `${id}: refers to no message (messageRef is missing or unresolved)` });
    return { type: 'message', messageName: toExpr('') };
  }
  if (!message.name) problems.push({ elementId: id, message: `${id}: message ${message.id} has no name` });
  const key = ext(message, 'zeebe:Subscription')?.correlationKey;
  return { type: 'message', messageName: toExpr(message.name ?? ''), ...(key ? { correlationKey: toExpr(key) } : {}) };
}

function readTimer(id: string, definition: ModdleElement, problems: Problem[]): EventDefinition {
  const pick = (['timeDate', 'timeDuration', 'timeCycle'] as const).filter((k) => definition[k]);
  if (pick.length !== 1) {
    problems.push({ elementId: id, message: `${id}: a timer needs exactly one of timeDate, timeDuration or timeCycle` });
    return { type: 'timer', timer: { kind: 'duration', value: toExpr('') } };
  }
  const kind = ({ timeDate: 'date', timeDuration: 'duration', timeCycle: 'cycle' } as const)[pick[0]];
  return { type: 'timer', timer: { kind, value: toExpr(String(definition[pick[0]].body ?? '').trim()) } };
}

/** Reads the event definition of an event element and checks it is allowed where the event stands. */
export function readEvent(element: ModdleElement, position: EventPosition, problems: Problem[]): EventDefinition {
  const id = element.id ?? '(no id)';
  const definitions: ModdleElement[] = element.eventDefinitions ?? [];
  if (definitions.length > 1) {
    problems.push({ elementId: id, message: `${id}: events with several event definitions (multiple/parallel events) are not supported` });
    return { type: 'none' };
  }
  if (definitions.length === 0) {
    if (!ALLOWED[position].includes('none')) problems.push({ elementId: id, message: `${id}: ${POSITION_NAMES[position]} needs an event definition` });
    return { type: 'none' };
  }
  const definition = definitions[0];
  const type = TYPES[definition.$type] ?? 'unsupported';
  if (type === 'unsupported' || !ALLOWED[position].includes(type)) {
    problems.push({ elementId: id, message: `${id}: ${definition.$type.replace('bpmn:', '').replace('EventDefinition', '').toLowerCase()} events are not supported as ${POSITION_NAMES[position]}` });
    return { type: 'none' };
  }
  switch (type) {
    case 'timer':
      return readTimer(id, definition, problems);
    case 'message':
      return readMessage(id, definition.messageRef, problems);
    case 'signal':
      if (!definition.signalRef?.name) problems.push({ elementId: id, message: `${id}: refers to no named signal` });
      return { type: 'signal', signalName: toExpr(definition.signalRef?.name ?? '') };
    case 'error': {
      const error = definition.errorRef;
      if (position === 'end' && !error?.errorCode) problems.push({ elementId: id, message: `${id}: an error end event needs an error with an errorCode` });
      return { type: 'error', ...(error?.errorCode ? { errorCode: error.errorCode } : {}), ...(error?.name ? { errorMessage: error.name } : {}) };
    }
    case 'escalation': {
      const escalation = definition.escalationRef;
      if ((position === 'end' || position === 'throw') && !escalation?.escalationCode) problems.push({ elementId: id, message: `${id}: an escalation throw event needs an escalation with an escalationCode` });
      return { type: 'escalation', ...(escalation?.escalationCode ? { escalationCode: escalation.escalationCode } : {}) };
    }
    case 'link':
      if (!definition.name) problems.push({ elementId: id, message: `${id}: a link event needs a name` });
      return { type: 'link', linkName: definition.name ?? '' };
    default:
      return { type };
  }
}
