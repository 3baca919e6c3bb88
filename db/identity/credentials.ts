/** Browser sessions and API tokens: only hashes are stored; the secret is shown once. */
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { hashSecret, newSecret } from './passwords.js';

export async function createSession(db: Knex, userId: string, now: Date, ttlMs: number): Promise<{ secret: string; expiresAt: Date }> {
  const { secret, hash } = newSecret('ls');
  const expiresAt = new Date(now.getTime() + ttlMs);
  await db('sessions').insert({ token_hash: hash, user_id: userId, expires_at: expiresAt, created_at: now });
  return { secret, expiresAt };
}

export async function sessionUser(db: Knex, secret: string, now: Date): Promise<string | undefined> {
  const row = await db('sessions').select('user_id').where({ token_hash: hashSecret(secret) }).andWhere('expires_at', '>', now).first();
  return row?.user_id;
}

export async function deleteSession(db: Knex, secret: string): Promise<void> {
  await db('sessions').where({ token_hash: hashSecret(secret) }).delete();
}

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export async function createApiToken(db: Knex, userId: string, name: string, now: Date): Promise<{ token: ApiToken; secret: string }> {
  const { secret, hash } = newSecret('lt');
  const token: ApiToken = { id: randomUUID(), userId, name, createdAt: now, revokedAt: null };
  await db('api_tokens').insert({ id: token.id, token_hash: hash, user_id: userId, name, created_at: now });
  return { token, secret };
}

export async function tokenUser(db: Knex, secret: string): Promise<string | undefined> {
  const row = await db('api_tokens').select('user_id').where({ token_hash: hashSecret(secret) }).whereNull('revoked_at').first();
  return row?.user_id;
}

const toToken = (r: { id: string; user_id: string; name: string; created_at: Date; revoked_at: Date | null }): ApiToken => ({ id: r.id, userId: r.user_id, name: r.name, createdAt: r.created_at, revokedAt: r.revoked_at });

export async function listApiTokens(db: Knex, userId?: string): Promise<ApiToken[]> {
  let query = db('api_tokens').select('id', 'user_id', 'name', 'created_at', 'revoked_at').orderBy('created_at');
  if (userId) query = query.where({ user_id: userId });
  return (await query).map(toToken);
}

export async function getApiToken(db: Knex, id: string): Promise<ApiToken | undefined> {
  const row = await db('api_tokens').select('id', 'user_id', 'name', 'created_at', 'revoked_at').where({ id }).first();
  return row ? toToken(row) : undefined;
}

export async function revokeApiToken(db: Knex, id: string, now: Date): Promise<void> {
  await db('api_tokens').where({ id }).whereNull('revoked_at').update({ revoked_at: now });
}
