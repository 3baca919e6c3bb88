/**
 * Mocha root hooks (.mocharc.json `require`s this file): the run's one
 * PostgreSQL is started lazily by the first `createTestDb()` (testServer.ts)
 * and stopped here after all tests.
 */
import { stopTestServer } from './testServer.js';

/** Root hooks picked up by mocha. */
export const mochaHooks = {
  async afterAll(): Promise<void> {
    await stopTestServer();
  },
};
