/**
 * The timer storm: `count` instances each wait on a timer, all due at the
 * same moment; then `processes` engine processes (children, each with its
 * own pool) sweep together from one start moment. Measured: the time until
 * every timer fired (from the start moment until the last process found
 * nothing more to fire: its last batch committed), duplicates (timer.fired
 * history lines beyond one per timer) and the worst lateness (fired_at, the
 * moment the firing transaction began, minus the moment the timer was due,
 * or the start moment when it was due before). The timers are written due an hour
 * before the start moment, so the whole storm is due when the sweep begins.
 */
import { readFile } from 'node:fs/promises';
import { Engine, ControllableClock, manualScheduler } from '../../engine/index.js';
import type { BenchDatabase } from '../benchDatabase.js';
import { runClients } from '../measure/stats.js';
import { inProcesses } from './engineProcess.js';

export interface StormFigures {
  timers: number;
  processes: number;
  allFiredMs: number;
  timersPerSec: number;
  duplicates: number;
  worstLatenessMs: number;
  firedPerProcess: number[];
  notFired: number;
}

/** Writes `count` waiting timers (not timed), then sweeps them with `processes` engine processes. */
export async function timerStorm(db: BenchDatabase, count: number, processes: number): Promise<StormFigures> {
  const clock = new ControllableClock(new Date(Date.now() - 3 * 3_600_000));
  const engine = new Engine({ store: db.store, clock, scheduler: manualScheduler });
  const xml = await readFile(new URL('../models/timer-storm.bpmn', import.meta.url), 'utf8');
  await engine.deploy({ resources: [{ name: 'timer-storm.bpmn', xml }] });
  await db.knex('timers').where({ state: 'scheduled' }).update({ state: 'cancelled' });
  const before = Number((await db.knex('history_events').where({ type: 'timer.fired' }).count<{ c: string }[]>('* as c'))[0].c);
  await runClients(Array.from({ length: count }, (_, i) => i), 16, () => engine.startInstance({ definitionKey: 'bench-timer-storm' }));
  const figures = inProcesses(processes, ['storm'], { ...process.env, BENCH_DATABASE_URL: db.connectionString, BENCH_SCHEMA: db.schema });
  const startedAt = Math.min(...figures.map((f) => f.startedAt));
  const [row] = await db.knex('timers').join('process_instances as p', 'p.id', 'timers.instance_id').where({ 'p.definition_key': 'bench-timer-storm' })
    .select(
      db.knex.raw(`count(*) filter (where timers.state = 'fired')::int as fired`),
      db.knex.raw(`count(*) filter (where timers.state = 'scheduled')::int as scheduled`),
      db.knex.raw(`extract(epoch from max(timers.fired_at - greatest(timers.due_at, to_timestamp(?::double precision / 1000)))) * 1000 as late`, [startedAt]),
    );
  const lines = Number((await db.knex('history_events').where({ type: 'timer.fired' }).count<{ c: string }[]>('* as c'))[0].c) - before;
  const allFiredMs = Math.max(...figures.map((f) => f.endedAt)) - startedAt;
  return {
    timers: count, processes, allFiredMs, timersPerSec: row.fired / (allFiredMs / 1000), duplicates: lines - row.fired,
    worstLatenessMs: Number(row.late), firedPerProcess: figures.map((f) => f.done), notFired: row.scheduled,
  };
}
