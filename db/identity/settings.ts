/** Settings shared by every engine process on one database. */
import type { Knex } from 'knex';
import { randomBytes } from 'node:crypto';

/**
 * The secret that signs session cookies: made once (by whichever process
 * starts first) and kept in the database, so several processes behind one
 * address accept each other's cookies and a restart logs nobody out.
 */
export async function sharedSessionSecret(db: Knex): Promise<string> {
  await db('settings').insert({ key: 'session_secret', value: randomBytes(32).toString('hex') }).onConflict('key').ignore();
  return (await db('settings').where({ key: 'session_secret' }).first()).value;
}
