/**
 * Mocha root hooks (.mocharc.json `require`s this file): the run's one
 * PostgreSQL is started lazily by the first `createTestDb()` (testServer.ts)
 * and stopped here after all tests. This file imports nothing of the
 * engine, so runs without database tests load nothing extra.
 */
import { stopTestServer } from './testServer.js';

/** Root hooks picked up by mocha. */
export const mochaHooks = {
  async afterAll(): Promise<void> {
    await stopTestServer();
  },
};
