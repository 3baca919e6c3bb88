/** The engine's Directory on the identity tables. */
import type { Knex } from 'knex';
import type { Directory } from '../../engine/index.js';
import { membersOf } from './users.js';

export class PostgresDirectory implements Directory {
  constructor(private readonly knex: Knex) {}

  membersOf(groups: string[]): Promise<string[]> {
    return membersOf(this.knex, groups);
  }
}
