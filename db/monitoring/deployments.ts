/** Deploy-time metadata the monitor's definition page shows beside the definition's own row. */
import type { Knex } from 'knex';

/** The name given to a deployment (null when it had none, or it is unknown). */
export async function deploymentName(db: Knex, deploymentId: string): Promise<string | null> {
  const row = await db('deployments').select('name').where({ id: deploymentId }).first();
  return row?.name ?? null;
}
