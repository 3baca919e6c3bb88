/**
 * The built-in email worker: it takes jobs of type `email` through the
 * engine's job API, as an outside worker would (headers `template` and
 * `to`, or a `to` variable), renders the template with the job's variables
 * and sends the mail through SMTP. It also sends the email copies of inbox
 * notifications. Without SMTP every mail goes to the outbox (a row the API
 * shows) and the job completes: nothing is dropped silently. An SMTP
 * failure is retried with exponential backoff; when no retries are left
 * the job becomes an incident. A recipient that is neither an address, a
 * user nor a group, or an unknown template, is an incident at once.
 */
import type { ActivatedJob, EmailRecord, Engine, NotificationRecord } from '../../engine/index.js';
import type { Mailer } from './mailer.js';
import type { MailTemplates } from './MailTemplates.js';

export interface EmailWorkerOptions {
  engine: Engine;
  /** null: no SMTP configured, mails wait in the outbox. */
  mailer: Mailer | null;
  templates: MailTemplates;
  /** The From: of every mail. */
  from: string;
  /** The worker name jobs are locked for. */
  name?: string;
  /** Jobs (and notifications) taken per round. */
  batch?: number;
  /** Jobs handled at the same time. */
  concurrency?: number;
  /** First retry delay; each further one doubles it. */
  backoffMs?: number;
  log?: (event: string, data: Record<string, unknown>) => void;
}

/** Retries of a notification's email copy before it counts as failed. */
const NOTIFICATION_ATTEMPTS = 5;

export class EmailWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: EmailWorkerOptions) {}

  private get engine(): Engine {
    return this.options.engine;
  }

  /** One round: the email jobs and notification copies that are due now. Returns how many of each were handled. */
  async runOnce(): Promise<{ jobs: number; notifications: number }> {
    const batch = this.options.batch ?? 50;
    const jobs = await this.engine.activateJobs({ type: 'email', worker: this.options.name ?? 'lifeline-email', maxJobs: batch, lockDurationMs: 60_000 });
    const concurrency = this.options.concurrency ?? 4;
    for (let i = 0; i < jobs.length; i += concurrency) await Promise.all(jobs.slice(i, i + concurrency).map((job) => this.handleJob(job)));
    const notifications = await this.engine.claimNotificationEmails(batch);
    for (const claimed of notifications) await this.handleNotification(claimed.notification, claimed.email, claimed.attempts);
    return { jobs: jobs.length, notifications: notifications.length };
  }

  /** Polls every `intervalMs` (at once again after a round that found work) until stopped. */
  start(intervalMs = 1000): void {
    this.stopped = false;
    const tick = () => {
      this.running = this.runOnce()
        .catch((error: unknown) => {
          this.options.log?.('email.worker.failed', { error: (error as Error).message });
          return { jobs: 0, notifications: 0 };
        })
        .then((done) => {
          if (!this.stopped) this.timer = setTimeout(tick, done.jobs + done.notifications > 0 ? 0 : intervalMs);
        });
    };
    tick();
  }

  /** Stops polling and waits for the round in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
    this.options.mailer?.close();
  }

  private baseRecord(fields: Partial<EmailRecord> & Pick<EmailRecord, 'recipients' | 'subject' | 'text' | 'state'>): EmailRecord {
    return {
      id: this.engine.newId(), html: null, template: null, instanceId: null, businessKey: null, jobId: null, notificationId: null,
      messageId: null, error: null, createdAt: this.engine.now(), sentAt: null, ...fields,
    };
  }

  private async handleJob(job: ActivatedJob): Promise<void> {
    try {
      await this.deliverJob(job);
    } catch (error) {
      this.options.log?.('email.job.failed', { jobId: job.id, error: (error as Error).message });
    }
  }

  private async deliverJob(job: ActivatedJob): Promise<void> {
    // a worker that crashed after sending must not send twice
    if (await this.engine.emailForJob(job.id)) return this.engine.completeJob(job.id);
    const template = job.headers.template ?? 'generic';
    const to = job.variables.to ?? job.headers.to;
    let mail;
    let recipients;
    try {
      if (to === undefined || to === null || to === '') throw new Error('the job names no recipient: give a header or variable "to"');
      recipients = await this.engine.resolveMailRecipients(Array.isArray(to) ? to.map(String) : String(to));
      if (recipients.addresses.length === 0) throw new Error(`none of the recipients (${String(to)}) has an email address`);
      mail = this.options.templates.render(template, { ...job.variables, headers: job.headers, businessKey: job.businessKey ?? null });
    } catch (error) {
      // bad input does not get better by retrying: an incident at once
      return this.engine.failJob(job.id, { retries: 0, errorMessage: (error as Error).message, actor: this.options.name ?? 'lifeline-email' });
    }
    const record = this.baseRecord({ recipients: recipients.addresses, subject: mail.subject, text: mail.text, template, state: 'outbox', instanceId: job.instanceId, businessKey: job.businessKey ?? null, jobId: job.id });
    const staff = recipients.users.map((u) => u.id);
    const notice = { type: 'message', title: mail.subject, body: mail.text, instanceId: job.instanceId, elementId: job.elementId, businessKey: job.businessKey ?? null };
    if (!this.options.mailer) {
      await this.engine.recordEmail(record, staff, notice);
      return this.engine.completeJob(job.id);
    }
    try {
      const sent = await this.options.mailer.send({ from: this.options.from, to: recipients.addresses, subject: mail.subject, text: mail.text });
      await this.engine.recordEmail({ ...record, state: 'sent', messageId: sent.messageId, sentAt: this.engine.now() }, staff, notice);
      await this.engine.completeJob(job.id);
    } catch (error) {
      const retries = Math.max(0, job.retries - 1);
      const message = `SMTP: ${(error as Error).message}`;
      if (retries === 0) await this.engine.recordEmail({ ...record, state: 'failed', error: message });
      await this.engine.failJob(job.id, { retries, errorMessage: message, backoffMs: retries > 0 ? this.backoff(job.retries) : 0, actor: this.options.name ?? 'lifeline-email' });
    }
  }

  /** Exponential backoff: the fewer retries are left, the longer the wait (base × 2, × 4, ...). */
  private backoff(retriesLeft: number): number {
    const base = this.options.backoffMs ?? 10_000;
    return Math.min(base * 2 ** Math.max(0, 5 - retriesLeft), 3_600_000);
  }

  private async handleNotification(notification: NotificationRecord, address: string | null, attempts: number): Promise<void> {
    if (!address) return this.engine.settleNotificationEmail(notification.id, { emailState: 'none', error: `user ${notification.userId} has no email address`, retryAt: null });
    const mail = this.options.templates.render('notification', { ...notification, userName: notification.userId });
    const record = this.baseRecord({ recipients: [address], subject: mail.subject, text: mail.text, template: 'notification', state: 'outbox', instanceId: notification.instanceId, businessKey: notification.businessKey, notificationId: notification.id });
    if (!this.options.mailer) return this.engine.settleNotificationEmail(notification.id, { emailState: 'outbox', retryAt: null }, record);
    try {
      const sent = await this.options.mailer.send({ from: this.options.from, to: [address], subject: mail.subject, text: mail.text });
      await this.engine.settleNotificationEmail(notification.id, { emailState: 'sent', retryAt: null, attempts: attempts + 1 }, { ...record, state: 'sent', messageId: sent.messageId, sentAt: this.engine.now() });
    } catch (error) {
      const message = `SMTP: ${(error as Error).message}`;
      const failed = attempts + 1 >= NOTIFICATION_ATTEMPTS;
      await this.engine.settleNotificationEmail(
        notification.id,
        { emailState: failed ? 'failed' : 'pending', error: message, attempts: attempts + 1, retryAt: failed ? null : new Date(this.engine.now().getTime() + this.backoff(NOTIFICATION_ATTEMPTS - attempts)) },
        failed ? { ...record, state: 'failed', error: message } : undefined,
      );
    }
  }
}
