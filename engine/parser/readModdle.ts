/**
 * XML → bpmn-moddle tree with the zeebe and lifeline extensions. Malformed
 * XML and unresolved references come back as problems, never as exceptions.
 */
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle';
import { createRequire } from 'node:module';
import type { Problem } from '../ir/types.js';
import { lifelineDescriptor } from './lifelineModdle.js';

const require = createRequire(import.meta.url);
const zeebeDescriptor = require('zeebe-bpmn-moddle/resources/zeebe.json') as Record<string, unknown>;

export interface ModdleRead {
  definitions?: ModdleElement;
  problems: Problem[];
}

export async function readModdle(xml: string): Promise<ModdleRead> {
  if (typeof xml !== 'string' || xml.trim() === '') return { problems: [{ message: 'the BPMN document is empty' }] };
  const moddle = new BpmnModdle({ zeebe: zeebeDescriptor, lifeline: lifelineDescriptor });
  try {
    const result = await moddle.fromXML(xml);
    const problems: Problem[] = result.warnings.map((w) => {
      const message = w.message.replace(/\s+/g, ' ').trim();
      const named = /duplicate ID <([^>]+)>|unresolved reference <([^>]+)>/.exec(message);
      return { elementId: w.element?.id ?? named?.[1] ?? named?.[2], message };
    });
    if (result.rootElement?.$type !== 'bpmn:Definitions') return { problems: [...problems, { message: 'the document is not BPMN 2.0: its root is not bpmn:definitions' }] };
    return { definitions: result.rootElement, problems };
  } catch (e) {
    return { problems: [{ message: `malformed XML: ${(e as Error).message.replace(/\s+/g, ' ').trim()}` }] };
  }
}
