import { desc, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import { enqueueJob, type JobHandler } from "../jobs/outbox.ts";
import { devMailbox } from "./schema.ts";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

export interface MailerOptions {
  smtpUrl: string | undefined;
  from: string;
  /** In demo mode every mail is also kept in the dev mailbox. */
  keepInDevMailbox: boolean;
  db: Db;
  clock: Clock;
  log: (message: string, detail: Record<string, unknown>) => void;
}

/**
 * Sends through SMTP when configured. Without SMTP, mails are logged (and kept in the dev mailbox
 * in demo mode) so that a newcomer can follow a verification link without a mail server.
 */
export function createMailer(options: MailerOptions): Mailer {
  const transport: Transporter | null = options.smtpUrl
    ? nodemailer.createTransport(options.smtpUrl)
    : null;
  return {
    async send(message) {
      if (transport) {
        await transport.sendMail({ from: options.from, ...message });
      } else {
        options.log("mail not sent: no SMTP_URL", { to: message.to, subject: message.subject });
      }
      if (options.keepInDevMailbox) {
        await options.db.insert(devMailbox).values({
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html ?? null,
          sentAt: options.clock.now(),
        });
      }
    },
    close() {
      transport?.close();
    },
  };
}

export const MAIL_JOB = "mail.send";

/** Queues a mail in the caller's transaction: it is sent only if the change commits. */
export function queueMail(tx: Db, clock: Clock, message: MailMessage): Promise<number> {
  return enqueueJob(tx, clock, { kind: MAIL_JOB, payload: { ...message } });
}

export function mailJobHandler(mailer: Mailer): JobHandler {
  return async (job) => {
    await mailer.send(job.payload as unknown as MailMessage);
  };
}

/** The newest mails, optionally only those to one address (matched without regard to case). */
export async function listDevMailbox(db: Db, options: { limit?: number; to?: string } = {}) {
  // Filtered in the query, not after the limit: a person's mail must be found even when more
  // than `limit` mails to others were sent after it.
  return db
    .select()
    .from(devMailbox)
    .where(options.to ? sql`lower(${devMailbox.to}) = ${options.to.toLowerCase()}` : undefined)
    .orderBy(desc(devMailbox.id))
    .limit(options.limit ?? 100);
}
