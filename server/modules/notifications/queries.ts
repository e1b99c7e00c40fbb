// Reads of notifications and the outbox. Every read of notifications is scoped to one owner: the
// signed-in staff user or citizen (the person behind the citizen account).
import { sql } from 'kysely';
import type { Db, Tx } from '../../infra/db/database.ts';
import type { Principal } from '../../infra/http/context.ts';

export type Owner = { column: 'staff_user_id'; id: string } | { column: 'person_id'; id: string };

export function ownerOf(principal: Principal): Owner {
  return principal.kind === 'staff' ? { column: 'staff_user_id', id: principal.staffUserId } : { column: 'person_id', id: principal.personId };
}

/** One page of the owner's notifications, newest first by (created_at, id), after the cursor's key. */
export async function ownNotifications(db: Db | Tx, owner: Owner, page: { after?: readonly string[] | undefined; limit: number }) {
  let query = db
    .selectFrom('notification')
    .select(['id', 'kind', 'params', 'link', 'subject_person_id', 'created_at', 'read_at',
      // Exact to the microsecond, which a JavaScript Date is not: the cursor must not skip or repeat.
      sql<string>`(extract(epoch from created_at) * 1000000)::bigint::text`.as('created_micros')])
    .where(owner.column, '=', owner.id);
  const after = page.after;
  if (after) query = query.where(sql<boolean>`(created_at, id) < (timestamptz 'epoch' + ${after[0]}::bigint * interval '1 microsecond', ${after[1]}::uuid)`);
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
}

export async function unreadCount(db: Db | Tx, owner: Owner): Promise<number> {
  const row = await db
    .selectFrom('notification')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(owner.column, '=', owner.id)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The development mailbox: the newest mails in the outbox, with their attachments' names and sizes. */
export async function mailboxPage(db: Db, limit: number) {
  const mails = await db
    .selectFrom('outbound_email')
    .select(['id', 'to_address', 'subject', 'body_text', 'language', 'status', 'attempts', 'last_error', 'created_at', 'sent_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  if (mails.length === 0) return [];
  const attachments = await db
    .selectFrom('outbound_email_attachment')
    .select(['email_id', 'position', 'filename', 'content_type', sql<number>`octet_length(content)`.as('size')])
    .where('email_id', 'in', mails.map((m) => m.id))
    .orderBy('position')
    .execute();
  return mails.map((m) => ({
    id: m.id, to: m.to_address, subject: m.subject, body: m.body_text, language: m.language, status: m.status,
    attempts: m.attempts, lastError: m.last_error, createdAt: m.created_at, sentAt: m.sent_at,
    attachments: attachments
      .filter((a) => a.email_id === m.id)
      .map((a) => ({ position: a.position, filename: a.filename, contentType: a.content_type, size: Number(a.size) })),
  }));
}

export async function mailboxAttachment(db: Db, emailId: string, position: number) {
  return db
    .selectFrom('outbound_email_attachment')
    .select(['filename', 'content_type', 'content'])
    .where('email_id', '=', emailId)
    .where('position', '=', position)
    .executeTakeFirst();
}
