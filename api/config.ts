/**
 * Configuration from environment variables, with defaults, validated at
 * start-up. README lists the same table.
 */
import { randomBytes } from 'node:crypto';
import * as z from 'zod';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('.data/pg'),
  SESSION_SECRET: z.string().min(16).optional(),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_DATA: z.enum(['true', 'false']).default('true'),
  DEMO_WORK: z.enum(['true', 'false']).default('true'),
  SMTP_URL: z.string().optional(),
  STEP_MAX_ACTIVATIONS: z.coerce.number().int().min(10).default(20_000),
  STEP_MAX_MS: z.coerce.number().int().min(10).default(2_000),
  SWEEP_INTERVAL_MS: z.coerce.number().int().min(50).default(1_000),
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(15_000),
  DB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).default(5_000),
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(3_000),
  API_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  MAIL_FROM: z.string().default('Lifeline <lifeline@localhost>'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  sessionTtlMs: number;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  demoData: boolean;
  /** With demo data: start a first day of work (requests, a renewal, a campaign) on a database where nothing has run. */
  demoWork: boolean;
  /** The built-in email worker sends through this SMTP server; unset, every mail waits in the outbox. */
  smtpUrl?: string;
  /** The From: of every mail. */
  mailFrom: string;
  /**
   * Signs the session cookie (sessions themselves are rows in the database).
   * Random per start when SESSION_SECRET is unset: every restart then logs everyone out.
   */
  sessionSecret: string;
  /** True when SESSION_SECRET was unset: main.ts then uses the secret kept in the database (shared by every process). */
  sessionSecretGenerated: boolean;
  /** A step's budget: element activations and milliseconds of work (an incident when spent). */
  stepLimits: { maxActivations: number; maxMs: number };
  /** How often every engine process sweeps for due timers and expired job locks. */
  sweepIntervalMs: number;
  /** Database statement, lock and connect timeouts. */
  dbTimeouts: { statementMs: number; lockMs: number; connectMs: number };
  /** Lifetime of a new API token unless its creator asks for less. */
  apiTokenTtlDays: number;
  /** Failed logins allowed per user name and address within the window. */
  login: { maxFailures: number; windowMinutes: number };
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty variable (DATABASE_URL=) means "not set", as in most tools.
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = schema.safeParse(given);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: c.DATA_DIR,
    sessionTtlMs: c.SESSION_TTL_HOURS * 3_600_000,
    logLevel: c.LOG_LEVEL,
    demoData: c.DEMO_DATA === 'true',
    demoWork: c.DEMO_WORK === 'true',
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    sessionSecret: c.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    sessionSecretGenerated: c.SESSION_SECRET === undefined,
    stepLimits: { maxActivations: c.STEP_MAX_ACTIVATIONS, maxMs: c.STEP_MAX_MS },
    sweepIntervalMs: c.SWEEP_INTERVAL_MS,
    dbTimeouts: { statementMs: c.DB_STATEMENT_TIMEOUT_MS, lockMs: c.DB_LOCK_TIMEOUT_MS, connectMs: c.DB_CONNECT_TIMEOUT_MS },
    apiTokenTtlDays: c.API_TOKEN_TTL_DAYS,
    login: { maxFailures: c.LOGIN_MAX_FAILURES, windowMinutes: c.LOGIN_WINDOW_MINUTES },
  };
}
