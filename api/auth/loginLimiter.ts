/**
 * Brute-force defence for the login: failed attempts are counted per user
 * name and address, and per address, in PostgreSQL (rate-limiter-flexible's
 * PostgreSQL store, table `login_attempts`), so the count holds across
 * every engine process behind one address. Past the limit the login
 * answers 429 with Retry-After, even with the right password, until the
 * window ends; a successful login clears the name-and-address count.
 */
import type { Knex } from 'knex';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { LifelineError } from '../../engine/index.js';

/** The limits (README, "Security"). */
export interface LoginLimits {
  /** Failed attempts per user name and address in one window. */
  maxFailures: number;
  /** The window, and how long a name and address stay blocked once over the limit (minutes). */
  windowMinutes: number;
}

/** Raised when too many logins failed: 429 with the seconds to wait. */
export class TooManyAttemptsError extends LifelineError {
  constructor(readonly retryAfterSeconds: number) {
    super('TOO_MANY_ATTEMPTS', `too many failed logins; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

export class LoginLimiter {
  private readonly byNameAndAddress: RateLimiterPostgres;
  private readonly byAddress: RateLimiterPostgres;

  constructor(knex: Knex, limits: LoginLimits) {
    const searchPath = (knex.client.config as { searchPath?: string[] }).searchPath;
    const common = { storeClient: knex, storeType: 'knex', tableName: 'login_attempts', tableCreated: true, schemaName: searchPath?.[0], clearExpiredByTimeout: false };
    const seconds = limits.windowMinutes * 60;
    this.byNameAndAddress = new RateLimiterPostgres({ ...common, keyPrefix: 'login_name_ip', points: limits.maxFailures, duration: seconds, blockDuration: seconds });
    // An address trying many names is limited too, ten times more loosely (an office behind one address).
    this.byAddress = new RateLimiterPostgres({ ...common, keyPrefix: 'login_ip', points: limits.maxFailures * 10, duration: seconds, blockDuration: seconds });
  }

  private static keys(username: string, address: string): [string, string] {
    return [`${username.toLowerCase().slice(0, 100)}_${address}`, address];
  }

  /** Refuses (TooManyAttemptsError) when this name or address is over the limit. */
  async check(username: string, address: string): Promise<void> {
    const [nameKey, addressKey] = LoginLimiter.keys(username, address);
    const [byName, byAddress] = await Promise.all([this.byNameAndAddress.get(nameKey), this.byAddress.get(addressKey)]);
    for (const [res, limiter] of [[byName, this.byNameAndAddress], [byAddress, this.byAddress]] as const) {
      if (res && res.consumedPoints > limiter.points) throw new TooManyAttemptsError(Math.max(1, Math.ceil(res.msBeforeNext / 1000)));
    }
  }

  /** Counts a failed attempt; refuses when it was one too many. */
  async failed(username: string, address: string): Promise<void> {
    const [nameKey, addressKey] = LoginLimiter.keys(username, address);
    try {
      await this.byNameAndAddress.consume(nameKey);
      await this.byAddress.consume(addressKey);
    } catch (result) {
      if (result instanceof RateLimiterRes) throw new TooManyAttemptsError(Math.max(1, Math.ceil(result.msBeforeNext / 1000)));
      throw result;
    }
  }

  /** A successful login clears the name-and-address count. */
  async succeeded(username: string, address: string): Promise<void> {
    await this.byNameAndAddress.delete(LoginLimiter.keys(username, address)[0]);
  }
}
