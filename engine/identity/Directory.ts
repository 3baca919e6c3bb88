/**
 * Who belongs to which group, which users exist, and who manages whom: the
 * engine asks this when an assignment strategy chooses among a group's
 * members, when it checks an assignee, and when an SLA reminds a manager.
 * With `directory: 'store'` the engine reads the Store's identity tables in
 * each step's own transaction; a Directory object serves identities kept
 * elsewhere (or none at all).
 */
export interface Directory {
  /** User ids of the members of each of `groups` (deduplicated, any order). */
  membersOf(groups: string[]): Promise<string[]>;
  /** Of `users`, those that do not exist; absent when the directory cannot tell (assignees are then not checked). */
  unknownUsers?(users: string[]): Promise<string[]>;
  /** The manager of each of `users`; absent when the directory knows no reporting lines. */
  managersOf?(users: string[]): Promise<Record<string, string | null>>;
}

/** A directory that knows no groups: strategies then choose among candidate users only. */
export const emptyDirectory: Directory = { membersOf: async () => [] };
