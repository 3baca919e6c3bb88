/** The SMTP side of the email worker: nodemailer on SMTP_URL, or none (then every mail waits in the outbox). */
import nodemailer from 'nodemailer';

/** Sends one mail; resolves with the SMTP message id, rejects with the server's answer. */
export interface Mailer {
  send(mail: { from: string; to: string[]; subject: string; text: string }): Promise<{ messageId: string }>;
  close(): void;
}

/** A nodemailer SMTP transport for `smtpUrl` (`smtp://user:pass@host:587`, `smtps://...`), or null without one. */
export function createMailer(smtpUrl: string | undefined): Mailer | null {
  if (!smtpUrl) return null;
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      const info = await transport.sendMail(mail);
      return { messageId: String(info.messageId ?? '') };
    },
    close: () => transport.close(),
  };
}
