/**
 * Which event definitions Lifeline runs in which position (the standard's
 * tables 10.84–10.93). A definition outside this table (a timer end event,
 * an error intermediate throw event) is a problem, not a silent none event.
 */
import type { EventDefinition } from '../ir/types.js';

/** Where an event stands: it decides which event definitions make sense. */
export type EventPosition = 'start' | 'subprocessStart' | 'eventSubprocessStart' | 'end' | 'catch' | 'throw' | 'boundary';

type DefinitionType = EventDefinition['type'];

/** Supported event definition types per position (`none`: no event definition). */
export const SUPPORTED_DEFINITIONS: Readonly<Record<EventPosition, readonly DefinitionType[]>> = {
  start: ['none', 'message', 'timer', 'signal'],
  subprocessStart: ['none'],
  eventSubprocessStart: ['message', 'timer', 'signal', 'error', 'escalation', 'compensate', 'conditional'],
  end: ['none', 'terminate', 'error', 'escalation', 'message', 'signal', 'compensate', 'cancel'],
  catch: ['timer', 'message', 'signal', 'link', 'conditional'],
  throw: ['none', 'message', 'signal', 'escalation', 'link', 'compensate'],
  boundary: ['timer', 'message', 'signal', 'error', 'escalation', 'compensate', 'cancel', 'conditional'],
};

/** How a problem message names each position. */
export const POSITION_NAMES: Readonly<Record<EventPosition, string>> = {
  start: 'a process start event',
  subprocessStart: 'the start event of an embedded subprocess',
  eventSubprocessStart: 'the start event of an event subprocess',
  end: 'an end event',
  catch: 'an intermediate catch event',
  throw: 'an intermediate throw event',
  boundary: 'a boundary event',
};

/** bpmn-moddle event definition types Lifeline knows, by IR type. */
export const DEFINITION_TYPES: Readonly<Record<string, DefinitionType>> = {
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:TerminateEventDefinition': 'terminate',
  'bpmn:LinkEventDefinition': 'link',
  'bpmn:CompensateEventDefinition': 'compensate',
  'bpmn:CancelEventDefinition': 'cancel',
  'bpmn:ConditionalEventDefinition': 'conditional',
};

/** "bpmn:CompensateEventDefinition" → "compensate". */
export function definitionLabel(moddleType: string): string {
  return moddleType.replace(/^bpmn:/, '').replace(/EventDefinition$/, '').toLowerCase();
}
