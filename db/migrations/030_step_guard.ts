/**
 * `lifeline_expect(ok, message)`: raises SQLSTATE LL409 with `message`
 * when `ok` is not true. The engine's pipelined writes (db/raw) are sent
 * without waiting for their row counts, together with COMMIT; a write that
 * must touch exactly the rows the step read under its locks checks that in
 * the same statement, so a surprise fails (and rolls back) the transaction
 * instead of being noticed after it committed.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function lifeline_expect(ok boolean, message text) returns boolean language plpgsql as $$
    begin
      if ok is not true then
        raise exception using errcode = 'LL409', message = message;
      end if;
      return true;
    end
    $$`);
}

export async function down(): Promise<void> {
  throw new Error('Lifeline migrations are forward-only');
}
