/**
 * An engine process of its own for the multi-process scenarios (a child of
 * the bench): it connects to the bench's database and schema, waits for the
 * common start moment, does its share and prints its figures as one JSON
 * line.
 *
 *   engineProcess.ts storm <startAt>                     fires due timers until none is left for it
 *   engineProcess.ts steps <startAt> <instances> <clients>  one-task instances: start them, complete their tasks
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Engine, manualScheduler, systemClock } from '../../engine/index.js';
import { PostgresStore, createKnex } from '../../db/index.js';
import { runClients } from '../measure/stats.js';
import { nodeCpuMs } from '../measure/cpu.js';
import { PROCESS_KEY } from './models.js';

/** What a child reports. */
export interface ProcessFigures {
  startedAt: number;
  endedAt: number;
  done: number;
  cpuMs: number;
}

/** Runs `args` in `count` child processes that start together (a few seconds from now); resolves with their figures. */
export function inProcesses(count: number, args: string[], env: NodeJS.ProcessEnv): ProcessFigures[] {
  const startAt = String(Date.now() + 4_000);
  const script = fileURLToPath(import.meta.url);
  // children in parallel: spawn them all, then collect
  const shell = Array.from({ length: count }, () => `'${process.execPath}' --import tsx '${script}' ${args[0]} ${startAt} ${args.slice(1).join(' ')} &`).join(' ') + ' wait';
  const out = execFileSync('sh', ['-c', shell], { encoding: 'utf8', env, stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 });
  return out.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as ProcessFigures);
}

async function main(): Promise<void> {
  const [mode, startAt, ...rest] = process.argv.slice(2);
  const knex = createKnex(process.env.BENCH_DATABASE_URL!, { schema: process.env.BENCH_SCHEMA!, pool: { min: 1, max: Number(process.env.BENCH_POOL ?? 8) } });
  const engine = new Engine({ store: new PostgresStore(knex), clock: systemClock, scheduler: manualScheduler });
  await knex.raw('select 1');
  if (mode === 'steps') await engine.startInstance({ definitionKey: PROCESS_KEY['one-task'], variables: { amount: 0 } }); // warm the model cache
  while (Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 5));
  const cpu0 = nodeCpuMs();
  const startedAt = Date.now();
  let done = 0;
  if (mode === 'storm') {
    for (let fired = -1; fired !== 0; ) {
      fired = await engine.fireDueTimers();
      done += fired;
    }
  } else {
    const [n, clients] = rest.map(Number);
    const ids: string[] = [];
    await runClients(Array.from({ length: n }, (_, i) => i), clients, async (i) => ids.push((await engine.startInstance({ definitionKey: PROCESS_KEY['one-task'], variables: { amount: i } })).id));
    const tasks = (await knex('user_tasks').whereRaw('instance_id = any(?::uuid[])', [ids]).select('id')).map((r: { id: string }) => r.id);
    await runClients(tasks, clients, (id) => engine.completeTask(id, { done: true }, 'bench'));
    done = tasks.length;
  }
  const figures: ProcessFigures = { startedAt, endedAt: Date.now(), done, cpuMs: nodeCpuMs() - cpu0 };
  console.log(JSON.stringify(figures));
  await knex.destroy();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
