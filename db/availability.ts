/**
 * Whether the database can be reached, for the API's 503 answers: which
 * errors mean "the database is away or overloaded, try again" (as opposed
 * to a bug), and a probe that keeps checking so that requests are refused
 * at once, instead of each waiting for its own timeout, while it is away.
 */
import pg from 'pg';

/** SQLSTATEs and node error codes of a database that is unreachable, shutting down, starting, or too busy to answer in time. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND',
  '57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300', '53400',
  '57014', // statement_timeout (query_canceled)
  '55P03', // lock_timeout
]);

const UNAVAILABLE_MESSAGES = [/Query read timeout/, /Connection terminated/, /timeout expired/i, /Knex: Timeout acquiring a connection/, /not queryable/, /Client was closed/];

/** Whether `error` says the database is unreachable or did not answer in time (answer 503, retry later). */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const { code, name, message } = error as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  if (name === 'KnexTimeoutError') return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message));
}

/** Whether `error` is PostgreSQL refusing a value (class 22: data exception, e.g. a NUL character in text): the caller's data, not a bug. */
export function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && code.length === 5 && code.startsWith('22');
}

/** Options of DatabaseProbe. */
export interface ProbeOptions {
  /** How often to check (ms). */
  intervalMs?: number;
  /** How long one check may take (ms): connect plus `select 1`. */
  timeoutMs?: number;
  /** Called when availability changes. */
  onChange?: (available: boolean, error?: string) => void;
}

/** Checks the database every `intervalMs` on its own connection (the pool may be stuck on a frozen server). */
export class DatabaseProbe {
  available = true;
  lastError?: string;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private readonly intervalMs: number;
  private readonly timeoutMs: number;

  constructor(private readonly connectionString: string, private readonly options: ProbeOptions = {}) {
    this.intervalMs = options.intervalMs ?? 1_000;
    this.timeoutMs = options.timeoutMs ?? 1_500;
  }

  /** One check; updates `available`. */
  async check(): Promise<boolean> {
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: this.timeoutMs, query_timeout: this.timeoutMs });
    client.on('error', () => {});
    let ok = true;
    let reason: string | undefined;
    try {
      await client.connect();
      await client.query('select 1');
    } catch (error) {
      ok = false;
      reason = (error as Error).message;
    } finally {
      void client.end().catch(() => {});
    }
    this.set(ok, reason);
    return ok;
  }

  /** Marks the database away now (a request just failed that way); the next check decides again. */
  reportFailure(error: unknown): void {
    this.set(false, (error as Error)?.message);
  }

  private set(ok: boolean, reason?: string): void {
    this.lastError = ok ? undefined : reason;
    if (ok === this.available) return;
    this.available = ok;
    this.options.onChange?.(ok, reason);
  }

  /** Checks now and then every interval, until stopped. */
  start(): void {
    this.stopped = false;
    const loop = async () => {
      await this.check();
      if (!this.stopped) this.timer = setTimeout(loop, this.intervalMs).unref();
    };
    void loop();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
