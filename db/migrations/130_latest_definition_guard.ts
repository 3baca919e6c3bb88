/**
 * `lifeline_latest(key, version)`: raises SQLSTATE LL410 when a version of
 * process `key` newer than `version` exists, or `version` itself no longer
 * does (deleted). A start by key uses the
 * version this engine process remembers as the newest and checks it in the
 * step's one write statement instead of reading it first; a deployment by
 * another process since then fails the start, which is run again with the
 * newest version.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function lifeline_latest(process_key text, known int) returns boolean language plpgsql as $$
    begin
      if exists (select 1 from process_definitions where key = process_key and version > known)
         or not exists (select 1 from process_definitions where key = process_key and version = known) then
        raise exception using errcode = 'LL410', message = format('process %s version %s is no longer the newest', process_key, known);
      end if;
      return true;
    end
    $$`);
}

export async function down(): Promise<void> {
  throw new Error('Lifeline migrations are forward-only');
}
