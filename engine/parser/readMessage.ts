/**
 * The message a message event, send task or receive task refers to: its
 * name (an expression) and the correlation key of its `zeebe:subscription`.
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { EventDefinition } from '../ir/types.js';
import { toExpr } from '../expressions/feel.js';
import { checkExtensions } from './checkExtensions.js';
import { ext } from './extensions.js';
import type { Problems } from './Problems.js';

type MessageDefinition = Extract<EventDefinition, { type: 'message' }>;

/**
 * Reads `message` (the resolved `messageRef`) for the element `elementId`.
 * A missing message or a message without a name is a problem when
 * `required`; job-based message throws may go without one.
 */
export function readMessage(elementId: string, message: ModdleElement | undefined, problems: Problems, required = true): MessageDefinition {
  if (!message) {
    if (required) problems.at(elementId, 'refers to no message: messageRef is missing or does not resolve');
    return { type: 'message', messageName: toExpr('') };
  }
  checkExtensions(message, 'message', problems, elementId);
  const name = String(message.name ?? '').trim();
  if (!name && required) problems.at(elementId, `message '${message.id}' has no name`);
  const key = ext(message, 'zeebe:Subscription')?.correlationKey;
  return {
    type: 'message',
    messageName: toExpr(name),
    ...(key !== undefined && String(key).trim() !== '' ? { correlationKey: toExpr(String(key)) } : {}),
  };
}
