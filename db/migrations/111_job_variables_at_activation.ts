/**
 * Jobs no longer carry a copy of their variables made when they were
 * created (engine follow-ups, point 3): a worker gets the variables its
 * job's activity sees at the moment it activates the job, read from the
 * instance's execution tree in the activation's transaction, as Zeebe
 * collects them at activation. Jobs created at the same moment (one step
 * of a multi-instance activity) are listed in the order they were created
 * (`seq`), which rehearsals use to name a job by its position.
 */
import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('jobs', (t) => {
    t.dropColumn('variables');
    t.bigIncrements('seq', { primaryKey: false });
  });
}

export async function down(): Promise<void> {
  throw new Error('Lifeline migrations are forward-only');
}
