// Notifications and e-mail: a reminder made twice is one notification and one mail; mail goes out
// once however many server processes drain the queue; a real SMTP server receives it in the
// recipient's language without the child's name; citizens get e-mail only when they chose it; and
// the development mailbox shows the outbox only while the development sign-in is on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../../server/config.ts';
import { createSession, SESSION_COOKIE } from '../../server/infra/auth/session.ts';
import type { Tx } from '../../server/infra/db/database.ts';
import type { DB } from '../../server/infra/db/types.ts';
import { Worker } from '../../server/infra/jobs/queue.ts';
import { jobHandlers } from '../../server/jobs.ts';
import { notificationEmail, notify, notifyAll, queueEmail, type NotificationInput } from '../../server/modules/notifications/service.ts';
import { today as todayInOslo } from '../support/clock.ts';
import { signedIn, startTestApp, type TestApp } from '../support/app.ts';
import { TEST_DB } from '../support/database.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.ts';
import { testClock } from '../support/clock.ts';
import { demoFamilies } from '../support/factories.ts';

let t: TestApp;
let smtp: TestSmtpServer;
let ids: { henrik: string; henrikEmail: string; ingrid: string; jonas: string; jonasNationalId: string; sofie: string };
/** The names the notifications carry, as the demo has them: the teachers', the child's (the mother's older one) and the mother's address. */
let names: { ingrid: string; henrik: string; childGiven: string; childFamily: string; child: string; motherEmail: string };

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 5 });
  smtp = await startSmtpServer();
  const db = t.database.db;
  const staff = async (username: string) => db.selectFrom('staff_user').select(['id', 'email', 'display_name']).where('username', '=', username).executeTakeFirstOrThrow();
  const henrik = await staff('fagperson.skole');
  const ingrid = await staff('fagperson.barnehage');
  const demo = await demoFamilies(db);
  const jonas = demo.olderChild;
  ids = {
    henrik: henrik.id, henrikEmail: henrik.email, ingrid: ingrid.id,
    jonas: jonas.id, jonasNationalId: jonas.nationalId!, sofie: demo.mother.id,
  };
  const mother = await db.selectFrom('person').select('email').where('id', '=', demo.mother.id).executeTakeFirstOrThrow();
  if (!mother.email) throw new Error('the demo mother has no e-mail address');
  names = {
    ingrid: ingrid.display_name, henrik: henrik.display_name, childGiven: jonas.givenName, childFamily: jonas.familyName, child: jonas.name, motherEmail: mother.email,
  };
});
afterAll(async () => {
  await smtp?.close();
  await t?.close();
});

const inTransaction = <T>(fn: (trx: Tx) => Promise<T>) => t.database.db.transaction().execute(fn);

function handoverFor(recipient: NotificationInput['recipient'], dedupeKey: string): NotificationInput {
  return {
    recipient, kind: 'handover.requested', subjectPersonId: ids.jonas, params: { fromName: names.ingrid, childName: names.child },
    link: `/barn/${ids.jonas}`, dedupeKey,
  };
}

/** A worker as a server process has it: the real job handlers, with or without SMTP. */
function worker(db: Kysely<DB>, withSmtp: boolean) {
  return new Worker(db, jobHandlers(loadConfig({ NODE_ENV: 'test', ...(withSmtp ? { SMTP_URL: smtp.url } : {}) })));
}

async function mailsOf(notificationKey: string) {
  return t.database.db
    .selectFrom('outbound_email as e')
    .innerJoin('notification as n', 'n.id', 'e.notification_id')
    .selectAll('e')
    .where('n.dedupe_key', '=', notificationKey)
    .execute();
}

/** Sends the mail other tests left in the queue, so that the next mail to arrive is the one the test queues. */
const sendLeftovers = () => worker(t.database.db, true).drain();

/** A second "process": its own connection pool to the same database (on the real server). */
async function secondProcess(): Promise<Kysely<DB> | null> {
  if (TEST_DB !== 'postgres') return null;
  // As the application role, like the server process it stands for.
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: t.database.urls!.app, max: 4 }) }) });
}

describe('notify', () => {
  it('gives one notification and one e-mail for a reminder made twice with the same key', async () => {
    const input = handoverFor({ kind: 'staff', staffUserId: ids.henrik }, 'test:handover-reminder:1');
    expect(await inTransaction((trx) => notify(trx, input))).toBe(true);
    // Another server process runs the same reminder job a moment later.
    expect(await inTransaction((trx) => notify(trx, input))).toBe(false);

    const rows = await t.database.db.selectFrom('notification').select('id').where('dedupe_key', '=', 'test:handover-reminder:1').execute();
    expect(rows).toHaveLength(1);
    const mails = await mailsOf('test:handover-reminder:1');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to_address).toBe(ids.henrikEmail);
    const jobs = await t.database.db.selectFrom('job').select('id').where('kind', '=', 'email.send').where(sql<boolean>`payload->>'emailId' = ${mails[0]!.id}`).execute();
    expect(jobs).toHaveLength(1);
  });

  it('shows the notification, naming the child, to the recipient only, who marks it read', async () => {
    await inTransaction((trx) => notify(trx, handoverFor({ kind: 'staff', staffUserId: ids.henrik }, 'test:shown')));
    const henrik = await signedIn(t.app, 'fagperson.skole');
    // The text names the child while Henrik may open what it is about: the family's consent
    // covers his school (without it the text is withheld; tests/security/04-withdrawn-consent.test.ts).
    const school = await t.database.db.selectFrom('staff_user').select('service_unit_id').where('id', '=', ids.henrik).executeTakeFirstOrThrow();
    const today = todayInOslo(t.clock);
    const consent = await henrik.post(`/api/people/${ids.jonas}/consents`, {
      method: 'paper', giverIds: [ids.sofie], purposes: ['collaboration'], categories: ['development'], recipientUnitIds: [school.service_unit_id],
      validFrom: today, validTo: `${Number(today.slice(0, 4)) + 1}-01-01`, childView: 'Greit.',
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const list = await henrik.get('/api/notifications');
    expect(list.statusCode).toBe(200);
    const mine = list.json().notifications.find((n: { link: string; kind: string }) => n.kind === 'handover.requested');
    expect(mine.text).toBe(`${names.ingrid} ber deg overta stafettpinnen for ${names.child}.`);
    expect(mine.link).toBe(`/barn/${ids.jonas}`);
    expect(mine.readAt).toBeNull();
    expect(list.json().unread).toBeGreaterThanOrEqual(1);
    const unreadBefore = list.json().unread;

    const ingrid = await signedIn(t.app, 'fagperson.barnehage');
    expect((await ingrid.get('/api/notifications')).json().notifications).toEqual([]);
    expect((await ingrid.post(`/api/notifications/${mine.id}/read`)).statusCode).toBe(404);
    expect((await henrik.get('/api/notifications/unread-count')).json().unread).toBe(unreadBefore);

    const read = await henrik.post(`/api/notifications/${mine.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().unread).toBe(unreadBefore - 1);
    expect((await henrik.get('/api/notifications/unread-count')).json().unread).toBe(unreadBefore - 1);
    expect((await t.app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });

  it('sends each mail once when two workers drain the queue at the same time', async () => {
    await sendLeftovers();
    const before = smtp.received.length;
    const keys = Array.from({ length: 12 }, (_, n) => `test:concurrent:${n}`);
    for (const key of keys) await inTransaction((trx) => notify(trx, handoverFor({ kind: 'staff', staffUserId: ids.henrik }, key)));
    const other = await secondProcess();
    const [a, b] = [worker(t.database.db, true), worker(other ?? t.database.db, true)];
    await Promise.all([a.drain(), b.drain()]);
    await other?.destroy();

    const delivered = smtp.received.slice(before);
    const mails = (await Promise.all(keys.map(mailsOf))).flat();
    expect(mails.map((m) => m.status)).toEqual(keys.map(() => 'sent'));
    // Each of the twelve arrives once.
    expect(delivered).toHaveLength(12);
    expect(delivered.every((m) => m.envelopeTo.join() === ids.henrikEmail)).toBe(true);
    expect(new Set(mails.map((m) => m.message_id)).size).toBe(12);
  });

  it('delivers through SMTP in the recipient\'s language, with a link and without the child\'s name', async () => {
    await sendLeftovers();
    await t.database.db.updateTable('staff_user').set({ language: 'nn' }).where('id', '=', ids.henrik).execute();
    await inTransaction((trx) => notify(trx, handoverFor({ kind: 'staff', staffUserId: ids.henrik }, 'test:nynorsk')));
    const before = smtp.received.length;
    await worker(t.database.db, true).drain();
    const mail = smtp.received.slice(before)[0]!;
    expect(mail.envelopeTo).toEqual([ids.henrikEmail]);
    expect(mail.subject).toBe('Nytt varsel i Sammen: Førespurnad om å ta over ein stafettpinne');
    expect(mail.contentLanguage).toBe('nn');
    expect(mail.text).toContain('Du har eit nytt varsel i Sammen');
    expect(mail.text).toContain(`http://localhost:3000/barn/${ids.jonas}`);
    for (const secret of [names.childGiven, names.childFamily, ids.jonasNationalId, names.ingrid.split(' ')[0]!]) expect(mail.raw).not.toContain(secret);
    await t.database.db.updateTable('staff_user').set({ language: 'nb' }).where('id', '=', ids.henrik).execute();
  });

  it('records a failed SMTP attempt and sends the mail when the queue tries again', async () => {
    await sendLeftovers();
    await inTransaction((trx) => notify(trx, handoverFor({ kind: 'staff', staffUserId: ids.henrik }, 'test:retry')));
    smtp.refuseNext(1);
    const before = smtp.received.length;
    await worker(t.database.db, true).drain();
    let [mail] = await mailsOf('test:retry');
    expect(mail!.status).toBe('queued');
    expect(mail!.attempts).toBe(1);
    expect(mail!.last_error).toMatch(/451/);
    const job = await t.database.db.selectFrom('job').select(['status', 'attempts', 'last_error']).where('dedupe_key', '=', `email.send:${mail!.id}`).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job.last_error).toMatch(/451/);
    expect(smtp.received.length).toBe(before);

    // The queue backs off; an hour later the job is due again and the server accepts.
    await worker(t.database.db, true).drain(new Date(testClock.now().getTime() + 3_600_000));
    [mail] = await mailsOf('test:retry');
    expect(mail!.status).toBe('sent');
    expect(mail!.last_error).toBeNull();
    expect(smtp.received.length).toBe(before + 1);
  });

  it('e-mails a citizen only after she opts in', async () => {
    const sofie = { kind: 'citizen' as const, personId: ids.sofie };
    await inTransaction((trx) => notify(trx, { ...handoverFor(sofie, 'test:citizen:1'), kind: 'case.entryAdded', params: { authorName: names.henrik, childName: names.child }, link: `/min-side/${ids.jonas}` }));
    expect(await mailsOf('test:citizen:1')).toEqual([]);

    const forelder = await signedIn(t.app, 'forelder');
    expect((await forelder.get('/api/notification-settings')).json()).toEqual({ emailNotifications: false, email: names.motherEmail });
    const list = await forelder.get('/api/notifications');
    expect(list.json().notifications.map((n: { text: string }) => n.text)).toEqual([`${names.henrik} har skrevet i stafettloggen for ${names.child}.`]);
    const chosen = await forelder.put('/api/notification-settings', { emailNotifications: true });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json().emailNotifications).toBe(true);
    // Staff always get e-mail; the choice is a citizen's.
    expect((await (await signedIn(t.app, 'fagperson.skole')).put('/api/notification-settings', { emailNotifications: false })).statusCode).toBe(403);

    await inTransaction((trx) => notify(trx, { ...handoverFor(sofie, 'test:citizen:2'), kind: 'case.entryAdded', params: { authorName: names.henrik, childName: names.child }, link: `/min-side/${ids.jonas}` }));
    const mails = await mailsOf('test:citizen:2');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to_address).toBe(names.motherEmail);
    expect(mails[0]!.subject).toBe('Nytt varsel i Sammen: Nytt i en stafettlogg');
    expect(`${mails[0]!.subject}\n${mails[0]!.body_text}`).not.toMatch(new RegExp([names.childGiven, names.childFamily, names.henrik.split(' ')[0]].join('|')));
  });

  it('tells several in one go: e-mail in each one\'s language, none for a key used before, a colleague who left, a citizen who did not choose it or a notice sent without', async () => {
    const db = t.database.db;
    const henrik = { kind: 'staff' as const, staffUserId: ids.henrik };
    const sofie = { kind: 'citizen' as const, personId: ids.sofie };
    await inTransaction((trx) => notify(trx, handoverFor(henrik, 'test:many:used')));
    const { municipality_id } = await db.selectFrom('staff_user').select('municipality_id').where('id', '=', ids.henrik).executeTakeFirstOrThrow();
    const leaver = await db.insertInto('staff_user').values({ municipality_id, username: 'test.many.leaver', display_name: 'Sluttet', email: 'sluttet@example.org', active: false }).returning('id').executeTakeFirstOrThrow();
    const english = await db.insertInto('staff_user').values({ municipality_id, username: 'test.many.english', display_name: 'English', email: 'english@example.org', language: 'en' }).returning('id').executeTakeFirstOrThrow();
    const { email_notifications: chosen } = await db.selectFrom('citizen_account').select('email_notifications').where('person_id', '=', ids.sofie).executeTakeFirstOrThrow();
    await db.updateTable('citizen_account').set({ email_notifications: false }).where('person_id', '=', ids.sofie).execute();
    try {
      const answers = await inTransaction((trx) => notifyAll(trx, [
        handoverFor(henrik, 'test:many:used'),
        handoverFor({ kind: 'staff', staffUserId: english.id }, 'test:many:english'),
        handoverFor({ kind: 'staff', staffUserId: leaver.id }, 'test:many:leaver'),
        { ...handoverFor(sofie, 'test:many:sofie'), kind: 'case.entryAdded', params: { authorName: names.henrik, childName: names.child }, link: `/min-side/${ids.jonas}` },
        { ...handoverFor(henrik, 'test:many:quiet'), email: false },
      ]));
      expect(answers).toEqual([false, true, true, true, true]);
      expect((await mailsOf('test:many:used'))).toHaveLength(1);
      const [mail] = await mailsOf('test:many:english');
      expect({ to: mail?.to_address, language: mail?.language, subject: mail?.subject }).toEqual({ to: 'english@example.org', language: 'en', subject: notificationEmail('en', 'handover.requested', `/barn/${ids.jonas}`, 'staff').subject });
      for (const key of ['test:many:leaver', 'test:many:sofie', 'test:many:quiet']) expect(await mailsOf(key), key).toEqual([]);
      // Each notice is there for its own recipient, the mail waits in the queue.
      const made = await db.selectFrom('notification').select(['dedupe_key', 'staff_user_id', 'person_id']).where('dedupe_key', 'like', 'test:many:%').orderBy('dedupe_key').execute();
      expect(made).toEqual([
        { dedupe_key: 'test:many:english', staff_user_id: english.id, person_id: null },
        { dedupe_key: 'test:many:leaver', staff_user_id: leaver.id, person_id: null },
        { dedupe_key: 'test:many:quiet', staff_user_id: ids.henrik, person_id: null },
        { dedupe_key: 'test:many:sofie', staff_user_id: null, person_id: ids.sofie },
        { dedupe_key: 'test:many:used', staff_user_id: ids.henrik, person_id: null },
      ]);
      expect(await db.selectFrom('job').select('id').where('kind', '=', 'email.send').where(sql<boolean>`payload->>'emailId' = ${mail!.id}`).execute()).toHaveLength(1);
    } finally {
      await db.updateTable('citizen_account').set({ email_notifications: chosen }).where('person_id', '=', ids.sofie).execute();
    }
  });

  it('refuses a link that leaves Sammen', async () => {
    await expect(inTransaction((trx) => notify(trx, { ...handoverFor({ kind: 'staff', staffUserId: ids.henrik }, 'test:bad-link'), link: '//evil.example/barn' }))).rejects.toThrow(/path inside Sammen/);
    expect(await t.database.db.selectFrom('notification').select('id').where('dedupe_key', '=', 'test:bad-link').execute()).toEqual([]);
  });
});

describe('the development mailbox', () => {
  it('lists the outbox with attachments to the administrator while the development sign-in is on', async () => {
    const ics = Buffer.from('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n');
    await inTransaction((trx) => queueEmail(trx, {
      to: 'foresatt@example.com', subject: 'Innkalling til møte', text: 'Se vedlagt invitasjon.', language: 'nb',
      attachments: [{ filename: 'mote.ics', contentType: 'text/calendar', content: ics }],
    }));
    await worker(t.database.db, false).drain();

    expect((await t.app.inject({ method: 'GET', url: '/api/dev/mailbox' })).statusCode).toBe(401);
    // Everyone's mail: a professional is refused (tests/security/02-dev-mailbox.test.ts), the administrator reads it.
    expect((await (await signedIn(t.app, 'fagperson.barnehage')).get('/api/dev/mailbox')).statusCode).toBe(403);
    const client = await signedIn(t.app, 'administrator');
    const mailbox = await client.get('/api/dev/mailbox');
    expect(mailbox.statusCode).toBe(200);
    const mail = mailbox.json().mails.find((m: { subject: string }) => m.subject === 'Innkalling til møte');
    expect(mail).toMatchObject({ to: 'foresatt@example.com', body: 'Se vedlagt invitasjon.', status: 'dev_mailbox' });
    expect(mail.attachments).toEqual([{ position: 1, filename: 'mote.ics', contentType: 'text/calendar', size: ics.length }]);
    const file = await client.get(`/api/dev/mailbox/${mail.id}/attachments/1`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/^text\/calendar/);
    expect(file.rawPayload.equals(ics)).toBe(true);
  });

  it('sends attachments through SMTP too', async () => {
    await sendLeftovers();
    const ics = Buffer.from('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n');
    await inTransaction((trx) => queueEmail(trx, {
      to: 'lege@example.com', subject: 'Invitation', text: 'See the invitation.', language: 'en',
      attachments: [{ filename: 'meeting.ics', contentType: 'text/calendar', content: ics }],
    }));
    const before = smtp.received.length;
    await worker(t.database.db, true).drain();
    const mail = smtp.received.slice(before)[0]!;
    expect(mail.subject).toBe('Invitation');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ filename: 'meeting.ics', contentType: 'text/calendar' });
    expect(mail.attachments[0]!.content.equals(ics)).toBe(true);
  });

  it('is refused when the development sign-in is off, even to a signed-in user', async () => {
    const production = await startTestApp({ demoChildren: 0, env: { DEV_LOGIN: 'false' } });
    try {
      const m = await production.database.db.insertInto('municipality').values({ code: '9903', name: 'Prodvik' }).returning('id').executeTakeFirstOrThrow();
      const staff = await production.database.db
        .insertInto('staff_user').values({ municipality_id: m.id, username: 'p.user', display_name: 'P User', email: 'p@prodvik.no' })
        .returning('id').executeTakeFirstOrThrow();
      await production.database.db.insertInto('staff_role').values({ staff_user_id: staff.id, role: 'professional' }).execute();
      const session = await createSession(production.database.db, { staffUserId: staff.id, activeRole: 'professional' }, testClock.now());
      const response = await production.app.inject({ method: 'GET', url: '/api/dev/mailbox', cookies: { [SESSION_COOKIE]: session.token } });
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('DEV_LOGIN_DISABLED');
      // The same user's own notifications still work.
      expect((await production.app.inject({ method: 'GET', url: '/api/notifications', cookies: { [SESSION_COOKIE]: session.token } })).statusCode).toBe(200);
    } finally {
      await production.close();
    }
  });
});
