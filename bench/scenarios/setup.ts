/** Puts the bench models on a database and captures the rows Lifeline writes for them (the reference driver copies them). */
import type { Engine } from '../../engine/index.js';
import type { BenchDatabase } from '../benchDatabase.js';
import { captureTemplate, type LimitDriver } from './limitDriver.js';
import { modelXml, PROCESS_KEY, type ModelName } from './models.js';
import { openTaskIds } from './engineDriver.js';

/** Deploys both models. */
export async function deployModels(engine: Engine): Promise<void> {
  const models: ModelName[] = ['one-task', 'straight-through'];
  await engine.deploy({ resources: await Promise.all(models.map(async (m) => ({ name: `${m}.bpmn`, xml: await modelXml(m) }))) });
}

/** Runs one instance of each model through Lifeline and gives its rows to the reference driver. */
export async function captureTemplates(engine: Engine, db: BenchDatabase, limit: LimitDriver): Promise<void> {
  for (const model of ['one-task', 'straight-through'] as ModelName[]) {
    const instance = await engine.startInstance({ definitionKey: PROCESS_KEY[model], variables: { amount: 1 } });
    const startRow = await db.knex('process_instances').where({ id: instance.id }).first();
    const [{ count }] = await db.knex('history_events').where({ instance_id: instance.id }).count<{ count: number }[]>('* as count');
    if (model === 'one-task') {
      const [task] = await openTaskIds(engine, PROCESS_KEY[model]);
      await engine.completeTask(task, { done: true }, 'bench');
    }
    limit.setTemplate(model, await captureTemplate(db.knex, instance.id, startRow, Number(count)));
  }
}
