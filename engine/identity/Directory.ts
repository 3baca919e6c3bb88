/**
 * Who belongs to which group: the engine asks this when an assignment
 * strategy (such as least-loaded) must choose among a group's members.
 * db/ implements it on the identity tables.
 */
export interface Directory {
  /** User ids of the members of each of `groups` (deduplicated, any order). */
  membersOf(groups: string[]): Promise<string[]>;
}

/** A directory that knows no groups: strategies then choose among candidate users only. */
export const emptyDirectory: Directory = { membersOf: async () => [] };
