/**
 * The cost that sits on every step, without the database: restore an
 * instance tree from JSON, apply one input through the compiled statecharts,
 * serialise it again.
 */
import { performance } from 'node:perf_hooks';
import type { DefinitionRecord } from '../engine/index.js';
import { emptyEffects } from '../engine/index.js';
import { EMPTY_CALENDAR_BOOK } from '../engine/time/CalendarBook.js';
import { ProcessModel } from '../engine/runtime/ProcessModel.js';
import { Runtime, type StepEnv } from '../engine/runtime/Runtime.js';
import { emptyOutbox } from '../engine/runtime/Outbox.js';
import { completeActivity, startInstance } from '../engine/runtime/inputs.js';
import type { ExecutionTree } from '../engine/runtime/tree.js';

export async function pureStepFigures(definition: DefinitionRecord, samples = 5000): Promise<{ medianMicros: number; samples: number }> {
  const model = new ProcessModel(definition.ir);
  let n = 0;
  const env = (): StepEnv => ({
    now: new Date('2026-01-05T09:00:00Z'),
    newId: () => `id-${n++}`,
    instance: { id: 'bench', definitionId: definition.id, definitionKey: definition.key, businessKey: null, parentInstanceId: null },
    model,
    effects: emptyEffects(),
    outbox: emptyOutbox(),
    actor: null,
    calendars: EMPTY_CALENDAR_BOOK,
  });
  const first = env();
  const started = new Runtime(first, Runtime.newTree(first));
  startInstance(started, { amount: 1 });
  const json = JSON.stringify(started.tree);
  const activity = first.effects.tasks[0].activityInstanceId;
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    const rt = new Runtime(env(), JSON.parse(json) as ExecutionTree);
    completeActivity(rt, activity, { done: true });
    JSON.stringify(rt.tree);
    times.push((performance.now() - t0) * 1000);
  }
  times.sort((a, b) => a - b);
  return { medianMicros: times[Math.floor(times.length / 2)], samples };
}
