/**
 * Built-in workers: they live inside the server but take their work
 * through the engine's job API, like outside workers. The email worker is
 * the first: nodemailer and the mail templates stay in this room, never in
 * engine/.
 */
import type { Engine } from '../engine/index.js';
import { EmailWorker } from './email/EmailWorker.js';
import { MailTemplates } from './email/MailTemplates.js';
import { createMailer } from './email/mailer.js';

export { EmailWorker, type EmailWorkerOptions } from './email/EmailWorker.js';
export { MailTemplates, type RenderedMail } from './email/MailTemplates.js';
export { createMailer, type Mailer } from './email/mailer.js';

export interface BuiltInWorkersOptions {
  engine: Engine;
  /** SMTP_URL; without it every mail waits in the outbox. */
  smtpUrl?: string;
  /** MAIL_FROM. */
  mailFrom: string;
  log?: (event: string, data: Record<string, unknown>) => void;
  /** How often an idle worker looks for work. */
  pollMs?: number;
}

/** Starts the built-in workers; `stop()` waits for the round in progress. */
export function startBuiltInWorkers(options: BuiltInWorkersOptions): { email: EmailWorker; stop(): Promise<void> } {
  const email = new EmailWorker({ engine: options.engine, mailer: createMailer(options.smtpUrl), templates: new MailTemplates(), from: options.mailFrom, log: options.log });
  email.start(options.pollMs ?? 1000);
  return { email, stop: () => email.stop() };
}
