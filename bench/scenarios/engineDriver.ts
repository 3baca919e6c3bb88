/** Lifeline through its engine API, in this process: start n instances, then complete their tasks. */
import type { Engine } from '../../engine/index.js';
import { runClients } from '../measure/stats.js';
import type { Meter } from '../measure/meter.js';
import { PROCESS_KEY, type Driver, type ModelName } from './models.js';

/** The open tasks of a process key, every page (not timed). */
export async function openTaskIds(engine: Engine, key: string): Promise<string[]> {
  const ids: string[] = [];
  for (;;) {
    const page = await engine.listTasks({ definitionKey: key, state: 'created', limit: 1000, offset: ids.length, sort: 'created' });
    ids.push(...page.items.map((t) => t.id));
    if (page.items.length < 1000) return ids;
  }
}

export class EngineDriver implements Driver {
  readonly name = 'Lifeline, engine API';

  constructor(private readonly engine: Engine) {}

  async run(model: ModelName, n: number, clients: number, meter: Meter): Promise<void> {
    const key = PROCESS_KEY[model];
    const numbers = Array.from({ length: n }, (_, i) => i);
    await meter.phase('start', () => runClients(numbers, clients, (i) => this.engine.startInstance({ definitionKey: key, variables: { amount: i } })));
    if (model !== 'one-task') return;
    const tasks = await openTaskIds(this.engine, key);
    await meter.phase('complete', () => runClients(tasks, clients, (id) => this.engine.completeTask(id, { done: true }, 'bench')));
  }
}
