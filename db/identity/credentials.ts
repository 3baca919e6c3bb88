/** Browser sessions and API tokens: only hashes are stored; the secret is shown once. */
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { hashSecret, newSecret } from './passwords.js';
import { USER_COLUMNS, toUser, type User } from './users.js';
import { pooledQuery } from '../raw/pooled.js';

export async function createSession(db: Knex, userId: string, now: Date, ttlMs: number): Promise<{ secret: string; expiresAt: Date }> {
  const { secret, hash } = newSecret('ls');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db('sessions').insert({ token_hash: hash, user_id: userId, expires_at: expiresAt, created_at: now });
  return { secret, expiresAt };
}

/** Drops sessions that expired before `now` (called on login, so the table does not grow forever). */
export async function deleteExpiredSessions(db: Knex, now: Date): Promise<number> {
  return db('sessions').where('expires_at', '<=', now).delete();
}

/** A user with roles and groups, found by a credential joined as `c` (the hot read of every request: raw, one statement). */
const USER_BY_CREDENTIAL = (credential: string, extra = '') => `
  select ${USER_COLUMNS}${extra}
    from ${credential} c join users u on u.id = c.user_id
   where c.token_hash = $1 and c.expires_at > $2`;

const BY_SESSION = USER_BY_CREDENTIAL('sessions');
const BY_TOKEN = `${USER_BY_CREDENTIAL('api_tokens', ', c.scope')} and c.revoked_at is null`;

/** The user of a live session, with roles and groups, in one statement (every cookie request asks). */
export async function userOfSession(db: Knex, secret: string, now: Date): Promise<User | undefined> {
  const [row] = await pooledQuery<Parameters<typeof toUser>[0]>(db, BY_SESSION, [hashSecret(secret), now]);
  return row ? toUser(row) : undefined;
}

export async function deleteSession(db: Knex, secret: string): Promise<void> {
  await db('sessions').where({ token_hash: hashSecret(secret) }).delete();
}

/** Ends every session of a user (their password changed): each browser must log in again. */
export async function deleteUserSessions(db: Knex, userId: string): Promise<number> {
  return db('sessions').where({ user_id: userId }).delete();
}

/** `user`: the token acts with its owner's roles; `worker`: with the worker role only. */
export type TokenScope = 'user' | 'worker';

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  scope: TokenScope;
  createdAt: Date;
  /** After this the token is refused (tokens do not live forever). */
  expiresAt: Date;
  revokedAt: Date | null;
}

/** Default lifetime of an API token. */
export const DEFAULT_TOKEN_TTL_MS = 90 * 24 * 3_600_000;

export async function createApiToken(db: Knex, userId: string, name: string, now: Date, scope: TokenScope = 'user', ttlMs = DEFAULT_TOKEN_TTL_MS): Promise<{ token: ApiToken; secret: string }> {
  const { secret, hash } = newSecret('lt');
  const token: ApiToken = { id: randomUUID(), userId, name, scope, createdAt: now, expiresAt: new Date(now.getTime() + ttlMs), revokedAt: null };
  await db('api_tokens').insert({ id: token.id, token_hash: hash, user_id: userId, name, scope, created_at: now, expires_at: token.expiresAt });
  return { token, secret };
}

/** The owner of a live token (not revoked, not expired at `now`), with roles and groups, and the token's scope, in one statement. */
export async function userOfToken(db: Knex, secret: string, now: Date): Promise<{ user: User; scope: TokenScope } | undefined> {
  const [row] = await pooledQuery<Parameters<typeof toUser>[0] & { scope: TokenScope }>(db, BY_TOKEN, [hashSecret(secret), now]);
  return row ? { user: toUser(row), scope: row.scope } : undefined;
}

const COLUMNS = ['id', 'user_id', 'name', 'scope', 'created_at', 'expires_at', 'revoked_at'];

const toToken = (r: { id: string; user_id: string; name: string; scope: TokenScope; created_at: Date; expires_at: Date; revoked_at: Date | null }): ApiToken => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  scope: r.scope,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

export async function listApiTokens(db: Knex, userId?: string): Promise<ApiToken[]> {
  let query = db('api_tokens').select(COLUMNS).orderBy('created_at').orderBy('id');
  if (userId) query = query.where({ user_id: userId });
  return (await query).map(toToken);
}

export async function getApiToken(db: Knex, id: string): Promise<ApiToken | undefined> {
  const row = await db('api_tokens').select(COLUMNS).where({ id }).first();
  return row ? toToken(row) : undefined;
}

export async function revokeApiToken(db: Knex, id: string, now: Date): Promise<void> {
  await db('api_tokens').where({ id }).whereNull('revoked_at').update({ revoked_at: now });
}
