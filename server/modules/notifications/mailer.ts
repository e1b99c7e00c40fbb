// Sends the e-mail outbox: the job `email.send` delivers one queued mail. The job queue hands each
// job to one worker; the outbox row is also locked (FOR UPDATE) and marked sent in the same
// transaction as the SMTP delivery, so even a job handed out again (its worker thought dead) finds
// the mail sent and does nothing. A failed SMTP attempt is recorded on the mail and thrown, so the
// queue tries again later; after MAX_SEND_ATTEMPTS the mail is marked failed.
//
// With no SMTP_URL (development, tests) a mail is marked delivered to the development mailbox, the
// page /utvikling/epost, which exists only while the development sign-in is on.
import { createTransport } from 'nodemailer';
import type { Config } from '../../config.ts';
import type { Db } from '../../infra/db/database.ts';
import type { JobHandler } from '../../infra/jobs/queue.ts';
import { MAX_SEND_ATTEMPTS } from './service.ts';

type Transport = ReturnType<typeof createTransport>;

export interface SendResult {
  status: 'sent' | 'dev_mailbox' | 'skipped' | 'retry' | 'failed';
  error?: string;
}

function transportFor(config: Config): Transport | null {
  if (!config.smtpUrl) return null;
  return createTransport(
    {
      url: config.smtpUrl,
      // Short limits: the outbox row stays locked while the SMTP server answers.
      connectionTimeout: 20_000,
      greetingTimeout: 20_000,
      socketTimeout: 60_000,
    },
    { from: config.mailFrom },
  );
}

/** Delivers one mail from the outbox; safe to call twice for the same mail. */
export async function deliverEmail(db: Db, transport: Transport | null, emailId: string, now: Date): Promise<SendResult> {
  return db.transaction().execute(async (trx): Promise<SendResult> => {
    const email = await trx.selectFrom('outbound_email').selectAll().where('id', '=', emailId).forUpdate().executeTakeFirst();
    if (!email || email.status !== 'queued') return { status: 'skipped' };
    if (!transport) {
      await trx.updateTable('outbound_email').set({ status: 'dev_mailbox', sent_at: now, attempts: email.attempts + 1, last_error: null }).where('id', '=', emailId).execute();
      return { status: 'dev_mailbox' };
    }
    const attachments = await trx
      .selectFrom('outbound_email_attachment')
      .select(['filename', 'content_type', 'content'])
      .where('email_id', '=', emailId)
      .orderBy('position')
      .execute();
    try {
      const info = await transport.sendMail({
        to: email.to_address,
        subject: email.subject,
        text: email.body_text,
        headers: { 'Content-Language': email.language === 'en' ? 'en' : email.language === 'nn' ? 'nn' : 'nb', 'Auto-Submitted': 'auto-generated' },
        attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.content_type, content: Buffer.from(a.content) })),
      });
      await trx
        .updateTable('outbound_email')
        .set({ status: 'sent', sent_at: now, attempts: email.attempts + 1, last_error: null, message_id: String(info.messageId ?? '') || null })
        .where('id', '=', emailId)
        .execute();
      return { status: 'sent' };
    } catch (error) {
      // Only the message: an SMTP error never holds the mail's content, but keep it short anyway.
      const message = ((error as Error).message || 'SMTP error').slice(0, 1000);
      const attempts = email.attempts + 1;
      const failed = attempts >= MAX_SEND_ATTEMPTS;
      await trx.updateTable('outbound_email').set({ attempts, last_error: message, ...(failed ? { status: 'failed' as const } : {}) }).where('id', '=', emailId).execute();
      return { status: failed ? 'failed' : 'retry', error: message };
    }
  });
}

/** The job handler for `email.send`; one SMTP transport per process, created on first use. */
export function emailJobHandler(config: Config): JobHandler {
  let transport: Transport | null | undefined;
  return async (db, payload, now) => {
    const emailId = (payload as { emailId?: unknown } | null)?.emailId;
    if (typeof emailId !== 'string') throw new Error('email.send: the payload names no mail');
    if (transport === undefined) transport = transportFor(config);
    const result = await deliverEmail(db, transport, emailId, now);
    // Thrown after the commit, so the attempt and its error stay recorded and the queue retries.
    if (result.status === 'retry' || result.status === 'failed') throw new Error(`e-mail not sent: ${result.error}`);
  };
}
