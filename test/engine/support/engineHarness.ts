/**
 * An Engine on a fresh PostgreSQL schema with a controllable clock, plus the
 * few look-ups element tests need. Each test gets its own; `destroy` drops it.
 */
import { readFile } from 'node:fs/promises';
import { Engine, ControllableClock, manualScheduler, type Directory, type Scheduler, type UserTaskRecord, type InstanceRecord, type JobRecord, type EngineOptions } from '../../../engine/index.js';
import { createTestDb } from '../../setup/testDb.js';

export type TestDb = Awaited<ReturnType<typeof createTestDb>>;

export interface TestEngine {
  engine: Engine;
  clock: ControllableClock;
  db: TestDb;
  /** Deploys fixture files (paths relative to the calling test's folder URL). */
  deploy(...files: URL[]): Promise<void>;
  start(key: string, variables?: Record<string, unknown>, businessKey?: string): Promise<InstanceRecord>;
  instance(id: string): Promise<InstanceRecord>;
  /** Open tasks of an instance, by element id order of creation. */
  openTasks(instanceId?: string): Promise<UserTaskRecord[]>;
  /** The one open task at `elementId`; fails the test when there is not exactly one. */
  task(instanceId: string, elementId: string): Promise<UserTaskRecord>;
  completeTask(instanceId: string, elementId: string, variables?: Record<string, unknown>): Promise<void>;
  jobs(instanceId: string, state?: JobRecord['state']): Promise<JobRecord[]>;
  /** Moves the clock forward and fires what came due. */
  advance(ms: number): Promise<number>;
  /** Adds users (with groups, manager, email) to the identity tables, for engines with `directory: 'store'`. */
  addPeople(people: { id: string; groups?: string[]; manager?: string; email?: string }[]): Promise<void>;
  /** A second engine on the same database (another "process"). */
  twin(): Engine;
  destroy(): Promise<void>;
}

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export async function createTestEngine(options: { scheduler?: Scheduler; start?: string; directory?: Directory | 'store'; stepLimits?: EngineOptions['stepLimits'] } = {}): Promise<TestEngine> {
  const db = await createTestDb();
  const clock = new ControllableClock(options.start ?? '2026-01-05T09:00:00.000Z');
  const make = () => new Engine({ store: db.store, clock, scheduler: options.scheduler ?? manualScheduler, directory: options.directory, stepLimits: options.stepLimits });
  const engine = make();
  const harness: TestEngine = {
    engine,
    clock,
    db,
    async deploy(...files) {
      const resources = await Promise.all(files.map(async (file) => ({ name: file.pathname.split('/').pop()!, xml: await readFile(file, 'utf8') })));
      await engine.deploy({ resources });
    },
    start: (key, variables = {}, businessKey) => engine.startInstance({ definitionKey: key, variables, businessKey }),
    async instance(id) {
      return (await engine.getInstance(id)) as InstanceRecord;
    },
    async openTasks(instanceId) {
      return (await engine.listTasks({ instanceId, state: 'created', limit: 500, sort: 'created', order: 'asc' })).items;
    },
    async task(instanceId, elementId) {
      const tasks = (await harness.openTasks(instanceId)).filter((t) => t.elementId === elementId);
      if (tasks.length !== 1) throw new Error(`expected one open task at ${elementId}, found ${tasks.length}`);
      return tasks[0];
    },
    async completeTask(instanceId, elementId, variables = {}) {
      await engine.completeTask((await harness.task(instanceId, elementId)).id, variables, 'tester');
    },
    async jobs(instanceId, state) {
      return (await engine.listJobs({ instanceId, state, limit: 500 })).items;
    },
    async advance(ms) {
      clock.advance(ms);
      return engine.fireDueTimers();
    },
    async addPeople(people) {
      const groups = [...new Set(people.flatMap((p) => p.groups ?? []))];
      if (groups.length) await db.knex('groups').insert(groups.map((id) => ({ id, name: id }))).onConflict('id').ignore();
      for (const person of people) {
        await db.knex('users').insert({ id: person.id, display_name: person.id, email: person.email ?? null, password_hash: 'not-a-login', roles: ['employee'], created_at: clock.now() });
        if (person.groups?.length) await db.knex('memberships').insert(person.groups.map((group_id) => ({ user_id: person.id, group_id })));
      }
      for (const person of people) if (person.manager) await db.knex('users').where({ id: person.id }).update({ manager_id: person.manager });
    },
    twin: make,
    destroy: () => db.destroy(),
  };
  return harness;
}

/** A fixture beside the calling test: `fixture(import.meta.url, 'x.bpmn')`. */
export function fixture(testUrl: string, name: string): URL {
  return new URL(`fixtures/${name}`, testUrl);
}

/**
 * The trace of an instance: the ids of the elements it completed, in the
 * order they completed (what the standard's execution semantics prescribe).
 */
export async function trace(engine: Engine, instanceId: string, types: string[] = ['element.completed']): Promise<string[]> {
  return (await engine.history(instanceId)).filter((h) => types.includes(h.type)).map((h) => h.elementId!);
}

/** Element ids of the open tasks, sorted (for order-free assertions). */
export function elementsOf(tasks: { elementId: string }[]): string[] {
  return tasks.map((t) => t.elementId).sort();
}
