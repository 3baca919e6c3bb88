/**
 * The peer: the same models on bpmn-engine (a dev dependency of the bench
 * only), its state saved as JSON to the same database after each step, as
 * its documentation shows (getState, recover, resume). The model is parsed
 * and serialised once, not per instance. Straight through runs the same
 * script in JavaScript, bpmn-engine's script language.
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { Engine } from 'bpmn-engine';
import * as elements from 'bpmn-elements';
import serializer, { TypeResolver } from 'moddle-context-serializer';
import { BpmnModdle } from 'bpmn-moddle';
import { runClients } from '../measure/stats.js';
import type { Meter } from '../measure/meter.js';
import { modelXml, type Driver, type ModelName } from './models.js';

async function sourceContextOf(xml: string): Promise<unknown> {
  const moddleContext = await new BpmnModdle().fromXML(xml);
  return serializer(moddleContext as never, TypeResolver(elements as never));
}

export class PeerDriver implements Driver {
  readonly name = 'bpmn-engine (peer)';
  private readonly pool: pg.Pool;
  private readonly sources = new Map<ModelName, unknown>();

  constructor(connectionString: string, schema: string, poolSize: number) {
    this.pool = new pg.Pool({ connectionString, max: poolSize, options: `-c search_path=${schema}` });
    this.pool.on('error', () => {});
  }

  async prepare(): Promise<void> {
    await this.pool.query('create table if not exists bench_peer_states (id uuid primary key, state jsonb not null, updated_at timestamptz not null)');
    this.sources.set('one-task', await sourceContextOf(await modelXml('one-task')));
    this.sources.set('straight-through', await sourceContextOf(await readFile(new URL('../models/peer-straight-through.bpmn', import.meta.url), 'utf8')));
  }

  private async start(model: ModelName, id: string, amount: number): Promise<void> {
    const engine = new Engine({ name: id, sourceContext: this.sources.get(model) } as never);
    const listener = new EventEmitter();
    const settled = model === 'one-task' ? new Promise((resolve) => listener.once('activity.wait', resolve)) : engine.waitFor('end');
    await engine.execute({ listener, variables: { amount } });
    await settled;
    const state = await engine.getState();
    if (model === 'one-task') await engine.stop();
    await this.pool.query('insert into bench_peer_states (id, state, updated_at) values ($1, $2, now())', [id, JSON.stringify(state)]);
  }

  private async complete(id: string): Promise<void> {
    const { rows } = await this.pool.query('select state from bench_peer_states where id = $1', [id]);
    const engine = new Engine().recover(rows[0].state);
    const listener = new EventEmitter();
    const waiting = new Promise<{ id: string }>((resolve) => listener.once('activity.wait', resolve));
    const ended = engine.waitFor('end');
    const execution = await engine.resume({ listener });
    await waiting;
    execution.signal({ id: 'review', done: true });
    await ended;
    await this.pool.query('update bench_peer_states set state = $2, updated_at = now() where id = $1', [id, JSON.stringify(await engine.getState())]);
  }

  async run(model: ModelName, n: number, clients: number, meter: Meter): Promise<void> {
    const ids = Array.from({ length: n }, () => randomUUID());
    let amount = 0;
    await meter.phase('start', () => runClients(ids, clients, (id) => this.start(model, id, amount++)));
    if (model !== 'one-task') return;
    await meter.phase('complete', () => runClients(ids, clients, (id) => this.complete(id)));
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
