/**
 * Event definitions into IR: timer, message, signal, error, escalation,
 * terminate, link, or none; each checked against the position of its event
 * (see eventPositions.ts).
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { EventDefinition, TimerDefinition } from '../ir/types.js';
import { toExpr } from '../expressions/feel.js';
import { DEFINITION_TYPES, POSITION_NAMES, SUPPORTED_DEFINITIONS, definitionLabel, type EventPosition } from './eventPositions.js';
import { readMessage } from './readMessage.js';
import { readFormalExpression } from './formalExpressions.js';
import type { Problems } from './Problems.js';

const TIMER_KINDS = { timeDate: 'date', timeDuration: 'duration', timeCycle: 'cycle' } as const;

function readTimer(id: string, definition: ModdleElement, problems: Problems): EventDefinition {
  const present = (Object.keys(TIMER_KINDS) as (keyof typeof TIMER_KINDS)[]).filter((k) => definition[k]);
  if (present.length !== 1) {
    problems.at(id, present.length === 0
      ? 'the timer has no value: give one of timeDate, timeDuration or timeCycle'
      : `the timer has ${present.join(' and ')}: give exactly one of timeDate, timeDuration or timeCycle`);
  }
  const which = present[0] ?? 'timeDuration';
  const text = String(definition[which]?.body ?? '').trim();
  if (present.length === 1 && text === '') problems.at(id, `the timer has no value: its ${which} is empty`);
  const timer: TimerDefinition = { kind: TIMER_KINDS[which], value: toExpr(text) };
  return { type: 'timer', timer };
}

function readError(id: string, definition: ModdleElement, position: EventPosition, problems: Problems): EventDefinition {
  const error = definition.errorRef;
  const errorCode = error?.errorCode ? String(error.errorCode) : undefined;
  if (position === 'end' && !errorCode) problems.at(id, 'an error end event needs an error (errorRef) with an errorCode');
  return { type: 'error', ...(errorCode ? { errorCode } : {}), ...(error?.name ? { errorMessage: String(error.name) } : {}) };
}

function readEscalation(id: string, definition: ModdleElement, position: EventPosition, problems: Problems): EventDefinition {
  const code = definition.escalationRef?.escalationCode ? String(definition.escalationRef.escalationCode) : undefined;
  if ((position === 'end' || position === 'throw') && !code) problems.at(id, 'an escalation throw event needs an escalation (escalationRef) with an escalationCode');
  return { type: 'escalation', ...(code ? { escalationCode: code } : {}) };
}

function readSignal(id: string, definition: ModdleElement, problems: Problems): EventDefinition {
  const name = String(definition.signalRef?.name ?? '').trim();
  if (!definition.signalRef) problems.at(id, 'refers to no signal: signalRef is missing or does not resolve');
  else if (!name) problems.at(id, `signal '${definition.signalRef.id}' has no name`);
  return { type: 'signal', signalName: toExpr(name) };
}

/** How to read an event definition. */
export interface ReadEventOptions {
  /** The event has a `zeebe:taskDefinition`: a job-based message throw needs no message. */
  jobBased?: boolean;
}

/**
 * The event definition of an event element, or `{ type: 'none' }`. A
 * definition Lifeline does not run where the event stands is a problem.
 */
export function readEventDefinition(element: ModdleElement, position: EventPosition, problems: Problems, options: ReadEventOptions = {}): EventDefinition {
  const id = element.id ?? '';
  // Definitions are nested, or shared at the top level and referenced by eventDefinitionRef.
  const definitions: ModdleElement[] = [...(element.eventDefinitions ?? []), ...(element.eventDefinitionRef ?? [])];
  if (definitions.length > 1) return readMultiple(element, definitions, position, problems, options);
  if (element.parallelMultiple === true) problems.at(id, 'parallelMultiple="true" needs several event definitions (BPMN 10.5.1)');
  if (definitions.length === 0) {
    if (!SUPPORTED_DEFINITIONS[position].includes('none')) problems.at(id, `${POSITION_NAMES[position]} needs an event definition`);
    return { type: 'none' };
  }
  return readOne(id, definitions[0], position, problems, options);
}

/** What a multiple event may combine: the triggers that wait (catch), or the results that are sent (throw). */
const MULTIPLE_PARTS: Readonly<Record<'catch' | 'throw', readonly string[]>> = {
  catch: ['message', 'timer', 'signal', 'conditional'],
  throw: ['message', 'signal', 'escalation'],
};

/**
 * Multiple (any one of the definitions triggers; a throw sends them all) and
 * parallel multiple (every definition must have occurred) events (BPMN 10.5.1).
 */
function readMultiple(element: ModdleElement, definitions: ModdleElement[], position: EventPosition, problems: Problems, options: ReadEventOptions): EventDefinition {
  const id = element.id ?? '';
  const throwing = position === 'end' || position === 'throw';
  const parallel = element.parallelMultiple === true;
  if (position === 'subprocessStart') {
    problems.at(id, 'the start event of an embedded subprocess cannot have event definitions (BPMN 10.5.2)');
    return { type: 'none' };
  }
  if (parallel && position === 'start') {
    problems.at(id, 'parallel multiple process start events are not supported: use one start event per trigger');
    return { type: 'none' };
  }
  const allowed = MULTIPLE_PARTS[throwing ? 'throw' : 'catch'];
  const parts: EventDefinition[] = [];
  for (const definition of definitions) {
    const type = DEFINITION_TYPES[definition.$type];
    if (!type || !allowed.includes(type)) {
      problems.at(id, `a multiple ${throwing ? 'throw' : 'catch'} event combines ${allowed.join(', ')} definitions; ${definitionLabel(definition.$type)} is not supported there`);
      continue;
    }
    parts.push(readOne(id, definition, position, problems, options));
  }
  return { type: 'multiple', definitions: parts, parallel };
}

function readOne(id: string, definition: ModdleElement, position: EventPosition, problems: Problems, options: ReadEventOptions): EventDefinition {
  const type = DEFINITION_TYPES[definition.$type];
  if (!type || !SUPPORTED_DEFINITIONS[position].includes(type)) {
    problems.at(id, `${definitionLabel(definition.$type)} events are not supported as ${POSITION_NAMES[position]} (${definition.$type})`);
    return { type: 'none' };
  }
  switch (type) {
    case 'timer':
      return readTimer(id, definition, problems);
    case 'message':
      return readMessage(id, definition.messageRef, problems, !options.jobBased);
    case 'signal':
      return readSignal(id, definition, problems);
    case 'error':
      return readError(id, definition, position, problems);
    case 'escalation':
      return readEscalation(id, definition, position, problems);
    case 'link': {
      const linkName = String(definition.name ?? '').trim();
      if (!linkName) problems.at(id, 'a link event needs a name');
      return { type: 'link', linkName };
    }
    case 'terminate':
      return { type: 'terminate' };
    case 'cancel':
      return { type: 'cancel' };
    case 'conditional': {
      // BPMN 10.5.1 (table 10.95): an executable conditional event needs a formal expression.
      const condition = readFormalExpression(definition.condition, id, 'the condition of the conditional event', problems);
      if (!definition.condition) problems.at(id, 'a conditional event needs a condition (a formal expression) in an executable process');
      return { type: 'conditional', condition: condition ?? toExpr('=false') };
    }
    case 'compensate': {
      const activityRef = definition.activityRef?.id;
      // BPMN 10.5.5: waitForCompletion defaults to true.
      return { type: 'compensate', ...(activityRef ? { activityRef: String(activityRef) } : {}), waitForCompletion: definition.waitForCompletion !== false };
    }
    default:
      return { type: 'none' };
  }
}
