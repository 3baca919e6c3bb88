/** db/: PostgreSQL for Lifeline. The only entry point of this folder. */
export { createKnex, resolveDatabase, type KnexOptions, type ResolvedDatabase } from './connection.js';
export { migrate, MIGRATIONS_DIRECTORY } from './migrate.js';
export { PostgresStore } from './PostgresStore.js';
export { AgendaScheduler, TIMER_JOB, type AgendaSchedulerOptions } from './AgendaScheduler.js';
export { startEmbeddedPostgres, DEFAULT_DATA_DIR, type EmbeddedDatabase, type EmbeddedOptions } from './embeddedPostgres.js';
export { PostgresDirectory } from './identity/PostgresDirectory.js';
export * as users from './identity/users.js';
export * as credentials from './identity/credentials.js';
export { hashPassword, verifyPassword } from './identity/passwords.js';
export type { Role, User, Group } from './identity/users.js';
export type { ApiToken } from './identity/credentials.js';
export { listenForTaskChanges, type TaskChange, type TaskChangeListener, type TaskChangeHandlers } from './notifications/taskChanges.js';
export * as people from './identity/people.js';
export type { Colleague } from './identity/people.js';
