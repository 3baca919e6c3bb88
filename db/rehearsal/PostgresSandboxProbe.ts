/** The SandboxProbe on a rehearsal's own schema: plain reads, no filter by rehearsal needed. */
import type { Knex } from 'knex';
import type { EmailRecord, HistoryEventRecord, InstanceRecord, JobRecord, NotificationRecord, SandboxProbe, TimerRecord } from '../../engine/index.js';
import { historyRows } from '../repositories/history.js';
import { emailRows } from '../repositories/emails.js';
import { notificationRows } from '../repositories/notifications.js';
import { instanceRows } from '../repositories/instances.js';
import { timerRows } from '../repositories/timers.js';
import { getJob } from '../repositories/jobs.js';

export class PostgresSandboxProbe implements SandboxProbe {
  constructor(private readonly knex: Knex) {}

  async historySeq(): Promise<number> {
    const [{ max }] = await this.knex('history_events').max<{ max: number | null }[]>('seq as max');
    return max ?? 0;
  }

  async historySince(seq: number): Promise<HistoryEventRecord[]> {
    return (await this.knex('history_events').where('seq', '>', seq).orderBy('seq')).map((row) => historyRows.fromRow(row));
  }

  async mailsSince(at: Date): Promise<EmailRecord[]> {
    return (await this.knex('emails').where('created_at', '>=', at).orderBy('created_at').orderBy('id')).map((row) => emailRows.fromRow(row));
  }

  async notificationsSince(at: Date): Promise<NotificationRecord[]> {
    const columns = ['id', 'user_id', 'type', 'title', 'body', 'instance_id', 'task_id', 'element_id', 'business_key', 'created_at', 'read_at', 'email_state'];
    return (await this.knex('notifications').select(columns).where('created_at', '>=', at).orderBy('created_at').orderBy('id')).map((row) => notificationRows.fromRow(row));
  }

  async instancesSince(at: Date): Promise<InstanceRecord[]> {
    return (await this.knex('process_instances').where('started_at', '>=', at)).map((row) => instanceRows.fromRow(row));
  }

  async scheduledTimers(limit: number): Promise<TimerRecord[]> {
    const rows = await this.knex('timers')
      .where({ state: 'scheduled' })
      .whereNotExists(this.knex('incidents').select(this.knex.raw('1')).whereRaw('incidents.timer_id = timers.id').andWhere('incidents.state', 'open'))
      .orderBy('due_at')
      .orderBy('id')
      .limit(limit);
    return rows.map((row) => timerRows.fromRow(row));
  }

  async completions(definitionKey: string): Promise<Record<string, number>> {
    const rows = await this.knex('history_events as h')
      .join('process_instances as p', 'p.id', 'h.instance_id')
      .where({ 'p.definition_key': definitionKey, 'h.type': 'element.completed' })
      .whereNotNull('h.element_id')
      .groupBy('h.element_id')
      .select('h.element_id')
      .count<{ element_id: string; count: number }[]>('* as count');
    return Object.fromEntries(rows.map((r) => [r.element_id, Number(r.count)]));
  }

  job(id: string): Promise<JobRecord | undefined> {
    return getJob(this.knex, id);
  }
}
