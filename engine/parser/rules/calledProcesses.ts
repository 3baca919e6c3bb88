/**
 * A call activity that calls a process of the same document by the
 * standard `calledElement` attribute starts it like a subprocess: that
 * process needs a none start event (BPMN 10.3.5.1, "the called Process
 * MUST have a None Start Event").
 */
import type { ModdleElement } from 'bpmn-moddle';
import type { Problems } from '../Problems.js';
import { walkModdle } from './walkModdle.js';

/** Reports call activities whose called process (in this document) has start events but no none start event. */
export function checkCalledProcesses(definitions: ModdleElement, problems: Problems): void {
  const processes = new Map(((definitions.rootElements ?? []) as ModdleElement[]).filter((e) => e.$type === 'bpmn:Process').map((p) => [p.id, p]));
  walkModdle(definitions, (element) => {
    if (element.$type !== 'bpmn:CallActivity' || !element.calledElement) return;
    const called = processes.get(String(element.calledElement));
    if (!called) return;
    const starts = ((called.flowElements ?? []) as ModdleElement[]).filter((e) => e.$type === 'bpmn:StartEvent');
    const noneStart = starts.some((s) => !(s.eventDefinitions ?? []).length && !(s.eventDefinitionRef ?? []).length);
    if (starts.length && !noneStart) problems.at(element.id, `calls process '${called.id}', which has no none start event to be started at (BPMN 10.3.5.1)`);
  });
}
