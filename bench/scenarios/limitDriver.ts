/**
 * The physical limit: raw `pg` writing exactly the rows Lifeline writes for
 * the same instance (copied from an instance Lifeline ran, with fresh ids),
 * in the fewest statements and round trips the work allows:
 *  - start: one statement (data-modifying CTEs: instance, task, history), autocommit: 1 round trip;
 *  - complete: BEGIN pipelined with the read that locks the instance by its
 *    task (1 round trip), then one statement writing task, instance and
 *    history pipelined with COMMIT (1 round trip).
 * It keeps nothing in memory between steps, as an engine may not, and
 * announces its task changes as Lifeline does (the user_tasks trigger fills
 * the outbox; a pump drains it after task-writing commits).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Knex } from 'knex';
import { TaskChangePump, createKnex } from '../../db/index.js';
import { runClients } from '../measure/stats.js';
import type { Meter } from '../measure/meter.js';
import { PROCESS_KEY, type Driver, type ModelName } from './models.js';

type Row = Record<string, unknown>;

/** What Lifeline wrote for one instance of a model: rows to copy. */
interface Template {
  instanceId: string;
  started: Row;
  ended?: Row;
  task?: Row;
  startHistory: Row[];
  completeHistory: Row[];
}

const HISTORY_COLUMNS = ['type', 'element_id', 'element_type', 'activity_instance_id', 'at', 'actor', 'data'] as const;

/** Reads back the rows of `instanceId` (after start: `afterStart` history rows belong to the start). */
export async function captureTemplate(knex: Knex, instanceId: string, startRow: Row, afterStart: number): Promise<Template> {
  const ended = await knex('process_instances').where({ id: instanceId }).first();
  const task = await knex('user_tasks').where({ instance_id: instanceId }).first();
  const history = await knex('history_events').where({ instance_id: instanceId }).orderBy('seq');
  return { instanceId, started: startRow, ended, task, startHistory: history.slice(0, afterStart), completeHistory: history.slice(afterStart) };
}

const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

/** `history_events` rows as unnest() arrays ($n.. in HISTORY_COLUMNS order), for `instanceId`. */
function historyArrays(rows: Row[], swap: (text: string | null) => string | null): unknown[] {
  return HISTORY_COLUMNS.map((c) => rows.map((r) => (c === 'data' ? swap(json(r.data)) : c === 'activity_instance_id' ? r[c] ?? null : r[c] ?? null)));
}

const HISTORY_INSERT = (instanceParam: number, first: number) =>
  `insert into history_events (instance_id, type, element_id, element_type, activity_instance_id, at, actor, data)
   select $${instanceParam}::uuid, * from unnest($${first}::text[], $${first + 1}::text[], $${first + 2}::text[], $${first + 3}::uuid[], $${first + 4}::timestamptz[], $${first + 5}::text[], $${first + 6}::jsonb[])`;

export class LimitDriver implements Driver {
  readonly name = 'physical limit, raw pg';
  private readonly pool: pg.Pool;
  private readonly templates = new Map<ModelName, Template>();
  private readonly pumpKnex: Knex;
  private readonly pump: TaskChangePump;

  constructor(connectionString: string, schema: string, poolSize: number) {
    this.pool = new pg.Pool({ connectionString, max: poolSize, options: `-c search_path=${schema}`, pipeline: true } as pg.PoolConfig);
    this.pool.on('error', () => {});
    this.pumpKnex = createKnex(connectionString, { schema, pool: { max: 2 } });
    this.pump = new TaskChangePump(this.pumpKnex);
  }

  setTemplate(model: ModelName, template: Template): void {
    this.templates.set(model, template);
  }

  private async start(t: Template, id: string, now: Date): Promise<void> {
    const swap = (text: string | null) => (text === null ? null : text.split(t.instanceId).join(id));
    const i = t.started;
    const values: unknown[] = [id, i.definition_id, i.definition_key, i.definition_version, i.state, swap(json(i.snapshot)), json(i.variables), i.active_elements, now];
    const parts = [`insert into process_instances (id, definition_id, definition_key, definition_version, state, snapshot, variables, active_elements, revision, started_at, updated_at${i.ended_at ? ', ended_at' : ''})
       values ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9, $9${i.ended_at ? ', $9' : ''})`];
    if (t.task) {
      const k = t.task;
      values.push(randomUUID(), k.activity_instance_id, k.element_id, k.name, k.definition_key, k.candidate_groups, k.candidate_users, k.priority, json(k.variables));
      parts.push(`insert into user_tasks (id, instance_id, activity_instance_id, element_id, name, definition_key, candidate_groups, candidate_users, priority, variables, state, created_at)
         values ($10, $1, $11, $12, $13, $14, $15, $16, $17, $18, 'created', $9)`);
    }
    const first = values.length + 1;
    values.push(...historyArrays(t.startHistory, swap));
    parts.push(HISTORY_INSERT(1, first));
    await this.pool.query(`with ${parts.map((sql, n) => `w${n} as (${sql})`).join(', ')} select 1`, values);
    if (t.task) void this.pump.kick();
  }

  private async complete(t: Template, taskId: string, now: Date): Promise<void> {
    const client = await this.pool.connect();
    try {
      client.query('begin').catch(() => {});
      const { rows } = await client.query(
        'select i.id, i.revision, i.snapshot, i.variables, t.state from user_tasks t join process_instances i on i.id = t.instance_id where t.id = $1 for update of i',
        [taskId],
      );
      const row = rows[0];
      if (!row || row.state !== 'created') throw new Error(`task ${taskId} is not open`);
      const swap = (text: string | null) => (text === null ? null : text.split(t.instanceId).join(row.id));
      const e = t.ended!;
      const values: unknown[] = [taskId, row.id, now, swap(json(e.snapshot)), json({ ...row.variables, done: true }), row.revision, ...historyArrays(t.completeHistory, swap)];
      const write = client.query(
        `with t as (update user_tasks set state = 'completed', completed_at = $3, completed_by = 'bench' where instance_id = $2 and id = $1),
              i as (update process_instances set snapshot = $4, variables = $5, state = 'completed', active_elements = '{}', ended_at = $3, updated_at = $3, revision = $6 + 1 where id = $2),
              h as (${HISTORY_INSERT(2, 7)})
         select 1`,
        values,
      );
      const commit = client.query('commit');
      await write;
      await commit;
      void this.pump.kick();
    } catch (error) {
      await client.query('rollback').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  async run(model: ModelName, n: number, clients: number, meter: Meter): Promise<void> {
    const t = this.templates.get(model)!;
    const ids = Array.from({ length: n }, () => randomUUID());
    await meter.phase('start', () => runClients(ids, clients, (id) => this.start(t, id, new Date())));
    if (model !== 'one-task') return;
    const { rows } = await this.pool.query("select t.id from user_tasks t where t.definition_key = $1 and t.state = 'created' and t.instance_id = any($2::uuid[])", [PROCESS_KEY[model], ids]);
    await meter.phase('complete', () => runClients(rows.map((r) => r.id as string), clients, (id) => this.complete(t, id, new Date())));
  }

  async close(): Promise<void> {
    await this.pump.stop();
    await this.pumpKnex.destroy();
    await this.pool.end();
  }
}
