/**
 * One open rehearsal: a knex bound to the rehearsal's own schema, the real
 * Engine on it with a ControllableClock and no scheduler (nothing fires
 * until the clock is moved), and the built-in email worker pointed at this
 * engine with no SMTP, so its mails land in the rehearsal's own outbox and
 * never leave the building. Opened when first used, closed when idle.
 */
import type { Knex } from 'knex';
import { ControllableClock, Engine, RehearsalSession, manualScheduler, type RehearsalRecord } from '../../engine/index.js';
import { PostgresSandboxProbe, PostgresStore, knexForSchema } from '../../db/index.js';
import { EmailWorker, type MailTemplates } from '../../workers/index.js';

/** Rounds of the built-in workers per run at most (each round may create the next mail's job). */
const WORKER_ROUNDS = 20;

export interface SandboxOptions {
  live: Knex;
  templates: MailTemplates;
  mailFrom: string;
}

export class Sandbox {
  readonly clock: ControllableClock;
  readonly engine: Engine;
  readonly probe: PostgresSandboxProbe;
  readonly session: RehearsalSession;
  /** The number of steps this sandbox's state reflects (another server process may have taken more). */
  stepCount: number;
  lastUsed = Date.now();

  private constructor(readonly knex: Knex, record: RehearsalRecord, options: SandboxOptions) {
    this.clock = new ControllableClock(record.clockAt);
    this.engine = new Engine({ store: new PostgresStore(knex), clock: this.clock, scheduler: manualScheduler, directory: 'store' });
    this.probe = new PostgresSandboxProbe(knex);
    const worker = new EmailWorker({ engine: this.engine, mailer: null, templates: options.templates, from: options.mailFrom, name: 'rehearsal-email' });
    const runWorkers = async () => {
      for (let round = 0; round < WORKER_ROUNDS; round++) {
        const done = await worker.runOnce();
        if (done.jobs + done.notifications === 0) return;
      }
    };
    this.session = new RehearsalSession({ engine: this.engine, clock: this.clock, probe: this.probe, numbers: record.aliases, runWorkers, autoWorkers: record.workers === 'auto' });
    this.stepCount = record.stepCount;
  }

  /** Opens a rehearsal whose schema exists, at the clock and instance numbers its register row holds. */
  static open(record: RehearsalRecord, options: SandboxOptions): Sandbox {
    return new Sandbox(knexForSchema(options.live, record.schemaName), record, options);
  }

  /** A sandbox on a knex already made (while the schema is being created). */
  static onKnex(knex: Knex, record: RehearsalRecord, options: SandboxOptions): Sandbox {
    return new Sandbox(knex, record, options);
  }

  touch(): this {
    this.lastUsed = Date.now();
    return this;
  }

  /** Closes its connection pool. */
  close(): Promise<void> {
    return this.knex.destroy();
  }
}
