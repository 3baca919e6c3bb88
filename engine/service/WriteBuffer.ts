/**
 * Deferred inserts within one transaction. New instances and the effects of
 * steps are collected and written together, in as few multi-row statements
 * as possible, just before anything else touches the store (any read or
 * other write flushes first, so a transaction always reads its own writes)
 * and at commit. A step that starts thousands of instances (a campaign
 * inviting each invitee) then costs a handful of statements per thousand
 * instances instead of several per instance.
 */
import type { InstanceRecord } from '../store/records.js';
import { emptyEffects, type Effects, type StoreTx } from '../store/Store.js';

/** Once this many rows wait, they are written in the background while the step goes on (bounded memory, database and engine busy at once). */
const BACKGROUND_ROWS = 2_000;

const EFFECT_KINDS = Object.keys(emptyEffects()) as (keyof Effects)[];

export class WriteBuffer {
  private instances: InstanceRecord[] = [];
  private effects: Effects = emptyEffects();
  private pending = 0;
  /** A write running in the background, and the first error a background write met. */
  private background?: Promise<void>;
  private failure?: unknown;
  /** The StoreTx to hand out: deferred inserts, everything else flushes first. */
  readonly tx: StoreTx;

  constructor(private readonly inner: StoreTx) {
    const buffer = this;
    this.tx = new Proxy(inner, {
      get(target, property, receiver) {
        if (property === 'insertInstance') return (instance: InstanceRecord) => buffer.addInstance(instance);
        if (property === 'applyEffects') return (effects: Effects) => buffer.addEffects(effects);
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          await buffer.flush();
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  }

  private async addInstance(instance: InstanceRecord): Promise<void> {
    this.instances.push({ ...instance });
    await this.grew(1);
  }

  private async addEffects(effects: Effects): Promise<void> {
    let rows = 0;
    for (const kind of EFFECT_KINDS) {
      const list = effects[kind] as unknown[];
      if (list.length) {
        (this.effects[kind] as unknown[]).push(...list);
        rows += list.length;
      }
    }
    await this.grew(rows);
  }

  private async grew(rows: number): Promise<void> {
    this.pending += rows;
    if (this.pending < BACKGROUND_ROWS) return;
    const batch = this.take();
    const previous = this.background ?? Promise.resolve();
    this.background = previous.then(() => this.write(batch)).catch((error: unknown) => {
      this.failure ??= error;
    });
  }

  private take(): { instances: InstanceRecord[]; effects: Effects } {
    const batch = { instances: this.instances, effects: this.effects };
    this.instances = [];
    this.effects = emptyEffects();
    this.pending = 0;
    return batch;
  }

  /** Instances first (effects may refer to them), then the effects in their usual order. */
  private async write({ instances, effects }: { instances: InstanceRecord[]; effects: Effects }): Promise<void> {
    if (instances.length === 1) await this.inner.insertInstance(instances[0]);
    else if (instances.length) await this.inner.insertInstances(instances);
    if (EFFECT_KINDS.some((kind) => (effects[kind] as unknown[]).length)) await this.inner.applyEffects(effects);
  }

  /** Writes everything that is waiting (after any background write), and reports a background write's error. */
  async flush(): Promise<void> {
    if (this.background) {
      await this.background;
      this.background = undefined;
    }
    if (this.failure) throw this.failure;
    if (this.pending === 0) return;
    await this.write(this.take());
  }
}
