/** User tasks: inserts come in batches from steps; claims and completions update open tasks only. */
import type { Page, SlaState, TaskFilter, UserTaskRecord } from '../../engine/index.js';
import { page, rowMapper, type Db } from './rows.js';
import { slaCondition, slaUrgency } from './taskSla.js';

/** Row mapping of `user_tasks` (form and variables are jsonb). */
export const taskRows = rowMapper<UserTaskRecord>(['form', 'variables']);

/** One task by id. */
export async function getTask(db: Db, id: string): Promise<UserTaskRecord | undefined> {
  const row = await db('user_tasks').where({ id }).first();
  return row ? taskRows.fromRow(row) : undefined;
}

/** Applies a partial update to a task that is still `created`; false when it is not. */
export async function updateOpenTask(db: Db, id: string, patch: Partial<UserTaskRecord>): Promise<boolean> {
  return (await db('user_tasks').where({ id, state: 'created' }).update(taskRows.toRow(patch))) === 1;
}

const sortColumns = { created: 'created_at', due: 'due_at', priority: 'priority' } as const;

/**
 * Tasks by the task-list filters, with the total. `claimableBy`: assigned to
 * the user, or unassigned and offered to them, to one of their groups, or
 * to nobody in particular. Priority sorts highest first unless told; due
 * dates sort soonest first, tasks without one last, equal ones by priority.
 */
export async function listTasks(db: Db, filter: TaskFilter): Promise<Page<UserTaskRecord>> {
  let query = db('user_tasks').select('*');
  if (filter.state) query = query.where({ state: filter.state });
  if (filter.instanceId) query = query.where({ instance_id: filter.instanceId });
  if (filter.assignee) query = query.where({ assignee: filter.assignee });
  if (filter.candidateGroup) query = query.whereRaw('? = any(candidate_groups)', [filter.candidateGroup]);
  if (filter.candidateUser) query = query.whereRaw('? = any(candidate_users)', [filter.candidateUser]);
  if (filter.claimableBy) {
    const { userId, groups } = filter.claimableBy;
    query = query.where((q) =>
      q.where({ assignee: userId }).orWhere((open) =>
        open.whereNull('assignee').andWhere((who) =>
          who
            .whereRaw('? = any(candidate_users)', [userId])
            .orWhereRaw('candidate_groups && ?::text[]', [groups])
            .orWhereRaw("candidate_users = '{}' and candidate_groups = '{}'"),
        ),
      ),
    );
  }
  if (filter.dueBefore) query = query.where('due_at', '<', filter.dueBefore);
  if (filter.dueAfter) query = query.where('due_at', '>', filter.dueAfter);
  if (filter.definitionKey) query = query.where({ definition_key: filter.definitionKey });
  if (filter.businessKey) query = query.where({ business_key: filter.businessKey });
  if (filter.elementId) query = query.where({ element_id: filter.elementId });
  if (filter.unassigned) query = query.whereNull('assignee');
  if (filter.search) {
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((q) => q.whereILike('business_key', pattern).orWhereILike('name', pattern));
  }
  const now = filter.now ?? new Date();
  if (filter.slaState) query = query.where(slaCondition(db, filter.slaState, now));
  const direction = filter.order ?? (filter.sort === 'priority' ? 'desc' : 'asc');
  if (filter.sort === 'sla') {
    // the most urgent first: breached, then at risk, then on time; within each, the nearest target first
    const ordered = query.clone().orderBy(slaUrgency(db, now) as never, direction).orderByRaw(`coalesce(sla_breach_at, due_at) ${direction} nulls last`);
    return page(ordered, (row) => taskRows.fromRow(row), [['id', 'asc']], filter.limit, filter.offset);
  }
  const column = sortColumns[filter.sort ?? 'created'];
  // Equal due dates (or none): the higher priority first.
  const then: [string, 'asc' | 'desc'][] = filter.sort === 'due' ? [['priority', 'desc']] : [];
  return page(query, (row) => taskRows.fromRow(row), [[column, direction], ...then, ['id', 'asc']], filter.limit, filter.offset);
}

/** Open tasks per assignee among `users` (users with none are absent). */
export async function openTaskCounts(db: Db, users: string[]): Promise<Record<string, number>> {
  if (users.length === 0) return {};
  const rows = await db('user_tasks').select('assignee').count<{ assignee: string; count: number }[]>('* as count').where({ state: 'created' }).whereIn('assignee', users).groupBy('assignee');
  return Object.fromEntries(rows.map((r) => [r.assignee, Number(r.count)]));
}

/** Moves an open task's SLA moments. */
export async function setTaskSla(db: Db, id: string, sla: { slaAtRiskAt: Date | null; slaBreachAt: Date | null }): Promise<void> {
  await db('user_tasks').where({ id, state: 'created' }).update({ sla_at_risk_at: sla.slaAtRiskAt, sla_breach_at: sla.slaBreachAt });
}

/** Open tasks per process key and SLA state at `now`. */
export async function slaCounts(db: Db, now: Date): Promise<Record<string, Record<SlaState, number>>> {
  const rows = await db('user_tasks')
    .select('definition_key')
    .select(db.raw('count(*) filter (where ?) as breached', [slaCondition(db, 'breached', now)]))
    .select(db.raw('count(*) filter (where ?) as at_risk', [slaCondition(db, 'at_risk', now)]))
    .count<Record<string, unknown>[]>('* as total')
    .where({ state: 'created' })
    .groupBy('definition_key');
  const counts: Record<string, Record<SlaState, number>> = {};
  for (const row of rows as { definition_key: string; breached: string; at_risk: string; total: string }[]) {
    const breached = Number(row.breached);
    const atRisk = Number(row.at_risk);
    counts[row.definition_key] = { on_time: Number(row.total) - breached - atRisk, at_risk: atRisk, breached };
  }
  return counts;
}
