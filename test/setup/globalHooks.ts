/**
 * Mocha root hooks: one PostgreSQL for the whole run, started on first use
 * (tests that need no database pay nothing) and stopped at the end.
 * DATABASE_URL, when set, is used instead of the embedded server.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../db/embeddedPostgres.js';

let embedded: Promise<EmbeddedDatabase> | undefined;
let folder: string | undefined;

/** The connection string of the test server, starting the embedded one if needed. */
export function testDatabaseUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return Promise.resolve(process.env.DATABASE_URL);
  if (!embedded) {
    folder = mkdtempSync(join(tmpdir(), 'lifeline-test-'));
    chmodSync(folder, 0o755); // the server runs as another user when we are root
  }
  embedded ??= startEmbeddedPostgres({ dataDir: join(folder!, 'pg') }).catch((error) => {
    embedded = undefined;
    throw error;
  });
  return embedded.then((db) => db.connectionString);
}

export const mochaHooks = {
  async afterAll(this: unknown) {
    if (embedded) {
      const db = await embedded;
      embedded = undefined;
      await db.stop();
      if (folder) rmSync(folder, { recursive: true, force: true });
    }
  },
};
