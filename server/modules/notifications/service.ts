// Notifications (varsler): an in-app notice for a staff user or a citizen, and an e-mail that says
// only that there is something new in Sammen. Other modules call notify() inside their own
// transaction, so a notification exists exactly when the change it announces was committed.
//
// Privacy: the in-app text may name the child (the recipient is involved), but an e-mail never holds
// the child's name, national id or case content — only the kind of notification and a link.
import { randomUUID } from 'node:crypto';
import { translate, type MessageKey } from '../../../common/i18n/index.ts';
import { isLanguage, type Language } from '../../../common/roles.ts';
import type { Config } from '../../config.ts';
import type { Tx } from '../../infra/db/database.ts';
import type { DataContext } from '../../infra/http/context.ts';
import { requireCitizen } from '../../infra/http/context.ts';
import { notFound } from '../../infra/http/errors.ts';
import { CURSOR_PART, decodeCursor, PAGE_SIZE, toPage } from '../../infra/http/paging.ts';
import { enqueueAll } from '../../infra/jobs/queue.ts';
import { authorize, may, type AccessRequest } from '../access/access.ts';
import { readPeople, type SystemReads } from '../access/person-reads.ts';
import { ownerOf, ownNotifications, unreadCount } from './queries.ts';

/**
 * The kinds of notification, each with its text `notifications.<kind>` and the params it fills in:
 * - handover.requested     {fromName, childName} — to the receiver of a handover of the baton
 * - handover.answered      {toName, childName} — to the one who asked
 * - handover.escalated     {fromName, childName} — to the leader of the holder's unit
 * - handover.reminder      {childName} — to the receiver, while unanswered
 * - measure.evaluationDue  {measureTitle, childName, date} — to the responsible person
 * - measure.overdue        {measureTitle, childName, date}
 * - transition.due         {childName, unitName, date}
 * - case.entryAdded        {authorName, childName}
 * - absence.high           {childName, percent} — to the contact teacher (absence import)
 * - referral.received      {teamName} — to the team's leader: a new referral in the intake queue
 * - meeting.invited        {teamName, date} — to each participant of a team meeting
 * - meeting.minutes        {teamName, date} — the minutes and action plan are ready
 * - actionItem.overdue     {what, date} — to the owner of an action item past its deadline
 * - actionItem.familyOverdue {what, date, teamName} — the same, to the parent or youth who owns it (on Min side)
 * Dates are passed formatted (formatDate from common/i18n).
 */
export const NOTIFICATION_KINDS = [
  'meeting.rate', // {teamName, date} — to a guardian or youth after a meeting: how was it? (teams/ratings.ts)
  'systemMeeting.report', // {teamName, date} — to the SBU coordinator: a system-level team's report (teams/system-meetings.ts)
  'handover.requested',
  'handover.answered',
  'handover.escalated',
  'handover.reminder',
  'measure.evaluationDue',
  'measure.overdue',
  'transition.due',
  'case.entryAdded',
  'absence.high',
  'referral.received',
  'meeting.invited',
  'meeting.minutes',
  'actionItem.overdue',
  'actionItem.familyOverdue',
  'relation.toConfirm', // {staffName, unitName} — to the person a professional named as a child's guardian (people/service.ts)
  'accessRequest.received', // {requesterName, unitName, childName} — to the family who decides, and the relay holder (people/access-requests.ts)
  'accessRequest.granted', // {childName} — to the professional who asked
  'accessRequest.refused', // {reason} — to the professional who asked; names nobody
  // Reports to child welfare (child-welfare-reports/): the texts name the report's reference, never the child.
  'cwReport.received', // {reference} — to the intake
  'cwReport.receivedUrgent', // {reference} — to the intake: an urgent report
  'cwReport.acknowledged', // {reference, date} — the receipt, to the reporter
  'cwReport.feedback', // {reference} — the decision and feedback, to the reporter
  'cwReport.finalFeedback', // {reference} — the investigation ended, to the reporter
  'cwReport.reviewDue', // {reference, date} — to the intake, before the review deadline
  'cwReport.investigationDue', // {reference, date} — to the intake, before the investigation's end
  'cwReport.overdue', // {reference, date} — to the intake's leader, when a deadline passed
  'cwConsultation.asked', // {} — to the intake: a new anonymous consultation
  'cwConsultation.answered', // {} — to the professional who asked
  // Screenings (questionnaires/): a screening's texts name the instrument, and the person only to the professional who asked.
  'screening.sent', // {unitName} — to the person: a questionnaire waits on Min side
  'screening.answered', // {personName, title} — to the professional: the person answered on Min side
  'screening.alert', // {personName, title} — to the professional at once: an alert item was answered, action today
  'goal.ratingDue', // {measureTitle, date} — to the family: a measure is evaluated soon, rate the goals' progress again
  // Individual plans and coordinators (plans/): the texts name no one but the coordinator.
  'planRequest.received', // {} — to Koordinerende enhet: a new request in the queue
  'planRequest.granted', // {} — to the family (and a professional who asked): the request was granted
  'planRequest.refused', // {} — to the family: refused, with the right to complain
  'coordinator.appointed', // {} — to the staff user appointed: answer the appointment
  'coordinator.accepted', // {name} — to the family: their coordinator
  'coordinator.answered', // {name} — to the unit's member who appointed
  'plan.opened', // {name} — to the relay holder: the plan is open, hand the baton to the coordinator
  'plan.confirmed', // {} — to the coordinator: the family confirmed the plan
  'plan.evaluationDue', // {date} — to the coordinator, before an evaluation date
  'plan.familyEvaluationDue', // {date} — to the family taking part in the plan, before an evaluation date (on Min side)
  'afterCare.ending', // {date} — to Koordinerende enhet: a plan needs a coordinator in adult services before the young adult's after-care ends
  'consent.withdrawn', // {} — to the relay holder: the family withdrew a consent, wholly or partly (consent/service.ts)
  'consent.accessLost', // {} — to an involved professional whose unit a withdrawal shut out of some or all of the case
] as const;

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * What of the child's case each kind's text carries, and so which access decision must still allow
 * it when the text is shown: a consent withdrawn after the notice was sent reaches its text too.
 * `case`: the relay log and the baton (case.read on the child); `meeting`: a team meeting and its
 * action plan (meeting.read on the meeting its link names); null: nothing of a case.
 */
const TEXT_DERIVED_FROM: Record<NotificationKind, 'case' | 'meeting' | null> = {
  'meeting.rate': 'meeting',
  'systemMeeting.report': null,
  'handover.requested': 'case',
  'handover.answered': 'case',
  'handover.escalated': 'case',
  'handover.reminder': 'case',
  'measure.evaluationDue': 'case',
  'measure.overdue': 'case',
  'transition.due': 'case',
  'case.entryAdded': 'case',
  'absence.high': null, // the contact teacher's follow-up of absence, not the case
  'referral.received': null,
  'meeting.invited': 'meeting',
  'meeting.minutes': 'meeting',
  'actionItem.overdue': 'meeting',
  'actionItem.familyOverdue': 'meeting',
  // Family relations and access requests name the child to those who decide for it, not from its case.
  'relation.toConfirm': null,
  'accessRequest.received': null,
  'accessRequest.granted': null,
  'accessRequest.refused': null,
  // The reference only: the report is read through its own access rule, on its page.
  'cwReport.received': null,
  'cwReport.receivedUrgent': null,
  'cwReport.acknowledged': null,
  'cwReport.feedback': null,
  'cwReport.finalFeedback': null,
  'cwReport.reviewDue': null,
  'cwReport.investigationDue': null,
  'cwReport.overdue': null,
  'cwConsultation.asked': null,
  'cwConsultation.answered': null,
  // The screening is read through its own rule (health data of the person who answered), on its page.
  'screening.sent': null,
  'screening.answered': null,
  'screening.alert': null,
  'goal.ratingDue': 'case',
  'planRequest.received': null,
  'planRequest.granted': null,
  'planRequest.refused': null,
  'coordinator.appointed': null,
  'coordinator.accepted': null,
  'coordinator.answered': null,
  'plan.opened': null,
  'plan.confirmed': null,
  'plan.evaluationDue': null,
  // Sent to the family about their own plan: withheld like the case if they no longer see it.
  'plan.familyEvaluationDue': 'case',
  'afterCare.ending': null,
  // Neither text names the child, but the notice carries the child's id and link: a reader the
  // withdrawal shut out of the whole case gets the withheld form, without either.
  'consent.withdrawn': 'case',
  'consent.accessLost': 'case',
};

export interface NotificationInput {
  recipient: { kind: 'staff'; staffUserId: string } | { kind: 'citizen'; personId: string };
  kind: NotificationKind;
  /** The child concerned. */
  subjectPersonId?: string | null;
  /** Filled into the message text `notifications.<kind>` (e.g. {childName, fromName, date}). */
  params?: Record<string, string | number>;
  /** An app path such as `/barn/<uuid>`. */
  link: string;
  /** The same key gives one notification, ever: reminders run in several server processes. */
  dedupeKey?: string;
  /** False when the caller sends its own e-mail for this notice (e.g. with a link that works without signing in). */
  email?: boolean;
}

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Buffer | Uint8Array;
}

export interface EmailInput {
  to: string;
  subject: string;
  text: string;
  language: Language;
  attachments?: EmailAttachment[];
  /** The notification this mail announces, if any. */
  notificationId?: string | null;
}

export const EMAIL_JOB = 'email.send';
/** SMTP attempts before a mail is given up (the job queue backs off between them). */
export const MAX_SEND_ATTEMPTS = 5;
const DEFAULT_PUBLIC_URL = 'http://localhost:3000';

let publicUrl = DEFAULT_PUBLIC_URL;

/** Where links in e-mail point: PUBLIC_URL, or http://localhost:<PORT> in development. */
export function configureNotifications(config: Pick<Config, 'publicUrl' | 'port'>): void {
  publicUrl = (config.publicUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
}

export function absoluteLink(path: string): string {
  return `${publicUrl}${path}`;
}

/** A path inside the app: one leading slash, never `//host` or a scheme that leaves Sammen. */
export function isAppPath(link: string): boolean {
  return /^\/(?![/\\])[^\s]*$/.test(link) && link.length <= 500;
}

export function isNotificationKind(value: string): value is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(value);
}

export function notificationText(lang: Language, kind: string, params: Record<string, string | number>): string {
  return translate(lang, `notifications.${kind}`, params);
}

/** The e-mail announcing a notification: the kind and a link, nothing about the child or the case. */
export function notificationEmail(lang: Language, kind: NotificationKind, link: string, audience: 'staff' | 'citizen') {
  const kindName = translate(lang, `notifications.kind.${kind}` as MessageKey);
  const footer = translate(lang, audience === 'staff' ? 'notifications.email.footerStaff' : 'notifications.email.footerCitizen');
  return {
    subject: translate(lang, 'notifications.email.subject', { kind: kindName }),
    text: `${translate(lang, 'notifications.email.body', { kind: kindName, link: absoluteLink(link) })}\n\n-- \n${footer}\n`,
  };
}

/**
 * Creates the notification and, for staff always and for citizens who opted in, queues the e-mail
 * in the recipient's language. Returns false when the dedupe key was used before (nothing new).
 */
export async function notify(trx: Tx, input: NotificationInput): Promise<boolean> {
  const [created] = await notifyAll(trx, [input]);
  return created!;
}

/**
 * Several notifications in one statement, and their e-mails in two more however many there are: a
 * change that tells a whole family costs the same round trips as one that tells one person. Each
 * answer says whether that notification was new (false: its dedupe key was used before).
 */
export async function notifyAll(trx: Tx, inputs: readonly NotificationInput[]): Promise<boolean[]> {
  if (!trx.isTransaction) throw new Error('notify runs inside the transaction of the change it announces');
  if (inputs.length === 0) return [];
  for (const input of inputs) {
    if (!isNotificationKind(input.kind)) throw new Error(`Unknown notification kind: ${String(input.kind)}`);
    if (!isAppPath(input.link)) throw new Error('A notification links to a path inside Sammen');
  }
  // The ids are made here so each row that comes back is matched to its input.
  const ids = inputs.map(() => randomUUID());
  // The insert returns, for each new notification, where its e-mail would go: staff always (unless
  // they have left: the notice waits in the app), citizens only when they have chosen e-mail.
  const created = await trx
    .with('created', (db) => db
      .insertInto('notification')
      .values(inputs.map((input, i) => ({
        id: ids[i]!,
        staff_user_id: input.recipient.kind === 'staff' ? input.recipient.staffUserId : null,
        person_id: input.recipient.kind === 'citizen' ? input.recipient.personId : null,
        kind: input.kind,
        subject_person_id: input.subjectPersonId ?? null,
        params: JSON.stringify(input.params ?? {}),
        link: input.link,
        dedupe_key: input.dedupeKey ?? null,
      })))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning(['id', 'staff_user_id', 'person_id']))
    .selectFrom('created as n')
    .leftJoin('staff_user as s', 's.id', 'n.staff_user_id')
    .leftJoin('person as p', 'p.id', 'n.person_id')
    .leftJoin('citizen_account as a', 'a.person_id', 'n.person_id')
    .select(['n.id', 's.email as staff_email', 's.active as staff_active', 's.language as staff_language', 'p.email as person_email', 'p.language as person_language', 'a.email_notifications'])
    .execute();
  const byId = new Map(created.map((row) => [row.id, row]));
  const mails: EmailInput[] = [];
  for (const [i, input] of inputs.entries()) {
    const row = byId.get(ids[i]!);
    if (!row || input.email === false) continue;
    const staff = input.recipient.kind === 'staff';
    const to = staff ? (row.staff_active ? row.staff_email : null) : (row.email_notifications ? row.person_email : null);
    if (!to) continue;
    const stored = staff ? row.staff_language : row.person_language;
    const language = stored && isLanguage(stored) ? stored : 'nb';
    mails.push({ to, ...notificationEmail(language, input.kind, input.link, staff ? 'staff' : 'citizen'), language, notificationId: row.id });
  }
  await queueEmails(trx, mails);
  return ids.map((id) => byId.has(id));
}

/**
 * Puts an e-mail in the outbox and queues the job that sends it. Runs in the caller's transaction:
 * a mail about something that was rolled back is never sent. Attachments (e.g. an ICS invitation)
 * are stored with the mail.
 */
export async function queueEmail(trx: Tx, input: EmailInput): Promise<{ id: string }> {
  const [queued] = await queueEmails(trx, [input]);
  return queued!;
}

/** Several e-mails: the outbox rows in one statement, their attachments in one, their jobs in one. */
export async function queueEmails(trx: Tx, inputs: readonly EmailInput[]): Promise<{ id: string }[]> {
  if (!trx.isTransaction) throw new Error('queueEmail runs inside a transaction');
  if (inputs.length === 0) return [];
  for (const input of inputs) {
    if (!/^[^@\s]+@[^@\s]+$/.test(input.to)) throw new Error('queueEmail: not an e-mail address');
    if (!input.subject.trim()) throw new Error('queueEmail: the subject is empty');
    for (const a of input.attachments ?? []) {
      if (!a.filename.trim() || !a.contentType.trim()) throw new Error('queueEmail: an attachment needs a file name and a content type');
    }
  }
  const ids = inputs.map(() => randomUUID());
  await trx
    .insertInto('outbound_email')
    .values(inputs.map((input, i) => ({ id: ids[i]!, to_address: input.to, subject: input.subject, body_text: input.text, language: input.language, notification_id: input.notificationId ?? null })))
    .execute();
  const attachments = inputs.flatMap((input, i) => (input.attachments ?? []).map((a, position) => ({
    email_id: ids[i]!, position: position + 1, filename: a.filename, content_type: a.contentType, content: Buffer.from(a.content),
  })));
  if (attachments.length) await trx.insertInto('outbound_email_attachment').values(attachments).execute();
  await enqueueAll(trx, ids.map((id) => ({ kind: EMAIL_JOB, payload: { emailId: id }, options: { dedupeKey: `${EMAIL_JOB}:${id}`, maxAttempts: MAX_SEND_ATTEMPTS } })));
  return ids.map((id) => ({ id }));
}

/**
 * A notification written by a background job (a reminder): the text names the child, so the job's
 * read of the child is recorded with Sammen as the actor, once per child per run, and only when a
 * notification was actually created (a repeated run creates and records nothing).
 */
export async function notifyFromJob(trx: Tx, reads: SystemReads, input: NotificationInput & { reason: string; entity?: { type: string; id: string } }): Promise<boolean> {
  const { reason, entity, ...notification } = input;
  const created = await notify(trx, notification);
  if (created) await reads.read(input.subjectPersonId, { action: 'notification.remind', purpose: 'follow_up', reason, entity });
  return created;
}

// ---------------------------------------------------------------------------------------------
// One's own notifications (the routes)


/**
 * Whether the reader may still see what the notification's text says about a child, decided by the
 * access module now (not when the notice was sent). Answers are kept per child or meeting.
 */
async function textStillOpen(ctx: DataContext, row: { kind: string; subject_person_id: string | null; link: string }, seen: Map<string, boolean>): Promise<boolean> {
  const derived = isNotificationKind(row.kind) ? TEXT_DERIVED_FROM[row.kind] : 'case';
  if (!derived || !row.subject_person_id) return true;
  const meetingId = derived === 'meeting' ? /^\/moter\/([0-9a-f-]{36})$/.exec(row.link)?.[1] : undefined;
  const key = meetingId ? `meeting:${meetingId}` : `case:${row.subject_person_id}`;
  if (!seen.has(key)) {
    const purpose = ctx.principal?.kind === 'citizen' ? 'self_service' : 'follow_up';
    const request: AccessRequest = meetingId
      ? { action: 'meeting.read', purpose, entity: { type: 'team_meeting', id: meetingId } }
      // The family's notices about meetings link to Min side: the family's access to the case decides.
      : { action: derived === 'meeting' && ctx.principal?.kind === 'staff' ? 'meeting.read' : 'case.read', purpose, subject: { kind: 'person', id: row.subject_person_id } };
    seen.set(key, await may(ctx, request));
  }
  return seen.get(key)!;
}

/** The reader's notifications, newest first, a page at a time, and how many are unread. */
export async function listOwnNotifications(ctx: DataContext, page: { after?: string | undefined } = {}) {
  const after = decodeCursor(page.after, [CURSOR_PART.micros, CURSOR_PART.uuid]);
  await authorize(ctx, { action: 'notification.read', purpose: 'self_service' });
  const owner = ownerOf(ctx.principal!);
  const { items: rows, hasMore, nextCursor } = toPage(await ownNotifications(ctx.trx, owner, { after, limit: PAGE_SIZE + 1 }), (r) => [r.created_micros, r.id]);
  const seen = new Map<string, boolean>();
  const notifications = [];
  for (const r of rows) {
    const open = await textStillOpen(ctx, r, seen);
    notifications.push({
      id: r.id,
      kind: r.kind,
      // A notice the reader may no longer open keeps its kind, and loses the child's data.
      text: open ? notificationText(ctx.lang, r.kind, r.params ?? {}) : translate(ctx.lang, 'notifications.withheld', { kind: translate(ctx.lang, `notifications.kind.${r.kind}` as MessageKey) }),
      link: open ? r.link : '/varsler',
      subjectPersonId: open ? r.subject_person_id : null,
      createdAt: r.created_at,
      readAt: r.read_at,
    });
  }
  // The texts shown name the child: each child shown is a read of that child's data.
  readPeople(ctx, notifications.map((n) => n.subjectPersonId), {
    action: 'notification.read', purpose: ctx.principal?.kind === 'staff' ? 'follow_up' : 'self_service', reason: 'named_in_notification',
  });
  return {
    notifications,
    unread: await unreadCount(ctx.trx, owner),
    hasMore,
    nextCursor,
  };
}

/** The header's count names no one, but it is read from one's notifications: guarded and audited like the list. */
export async function countOwnUnread(ctx: DataContext) {
  await authorize(ctx, { action: 'notification.read', purpose: 'self_service' });
  return { unread: await unreadCount(ctx.trx, ownerOf(ctx.principal!)) };
}

export async function markNotificationRead(ctx: DataContext, id: string) {
  await authorize(ctx, { action: 'notification.update', purpose: 'self_service', entity: { type: 'notification', id } });
  const owner = ownerOf(ctx.principal!);
  // Someone else's notification is answered exactly like one that does not exist.
  const row = await ctx.trx.selectFrom('notification').select(['id', 'read_at']).where('id', '=', id).where(owner.column, '=', owner.id).executeTakeFirst();
  if (!row) throw notFound();
  if (!row.read_at) await ctx.trx.updateTable('notification').set({ read_at: ctx.services.clock.now() }).where('id', '=', id).where('read_at', 'is', null).execute();
  return { id, unread: await unreadCount(ctx.trx, owner) };
}

export async function markAllNotificationsRead(ctx: DataContext) {
  await authorize(ctx, { action: 'notification.update', purpose: 'self_service' });
  const owner = ownerOf(ctx.principal!);
  await ctx.trx.updateTable('notification').set({ read_at: ctx.services.clock.now() }).where(owner.column, '=', owner.id).where('read_at', 'is', null).execute();
  return { unread: 0 };
}

/** A citizen's choice of e-mail notifications, and the address they would go to. */
export async function getNotificationSettings(ctx: DataContext) {
  const citizen = requireCitizen(ctx);
  await authorize(ctx, { action: 'notification.read', purpose: 'self_service' });
  return readSettings(ctx.trx, citizen.accountId);
}

async function readSettings(trx: Tx, accountId: string) {
  const row = await trx
    .selectFrom('citizen_account as a')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .select(['a.email_notifications', 'p.email'])
    .where('a.id', '=', accountId)
    .executeTakeFirstOrThrow();
  return { emailNotifications: row.email_notifications, email: row.email };
}

export async function setNotificationSettings(ctx: DataContext, emailNotifications: boolean) {
  const citizen = requireCitizen(ctx);
  await authorize(ctx, { action: 'notification.update', purpose: 'self_service' });
  await ctx.trx.updateTable('citizen_account').set({ email_notifications: emailNotifications }).where('id', '=', citizen.accountId).execute();
  return readSettings(ctx.trx, citizen.accountId);
}
