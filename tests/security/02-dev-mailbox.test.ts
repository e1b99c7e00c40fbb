// Item 2: the development mailbox holds everyone's mail — rating links, calendar invitations with
// every attendee. It opens only where the development sign-in is on, only to the administrator, and
// every look is audited. A rating link stands for the person it was sent to: used by someone signed
// in as another citizen (or as staff), it is refused, audited, and nothing is rated.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { offerRating } from '../../server/modules/teams/ratings.ts';
import { queueEmail } from '../../server/modules/notifications/service.ts';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { demoFamilies, teamLedBy } from '../support/factories.ts';

let t: TestApp;
let sofie: Client; // forelder: the mother of the child the meeting is about (her older one)
let martin: Client; // forelder.uten.ansvar: another guardian, another person
let admin: Client;
const ids: Record<string, string> = {};

const ratings = async () => (await t.database.db.selectFrom('meeting_rating').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
const audits = (action: string, outcome: 'allowed' | 'denied') =>
  t.database.db.selectFrom('audit_event').select(['actor_id', 'actor_role', 'subject_id', 'reason']).where('action', '=', action).where('outcome', '=', outcome).execute();

/** A closed meeting about the mother's older child with her and the father as guardians; each gets a rating link by e-mail. */
async function closedMeeting(): Promise<string> {
  const db = t.database.db;
  const startsAt = new Date('2030-01-10T09:00:00Z');
  const m = await db.insertInto('team_meeting').values({
    team_id: ids.team!, kind: 'case', person_id: ids.child!, starts_at: startsAt, ends_at: new Date('2030-01-10T10:00:00Z'),
    place: 'Skolens møterom', chair_staff_id: ids.tone!, created_by: ids.tone!,
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('meeting_participant').values([
    { meeting_id: m.id, staff_user_id: ids.tone!, role: 'chair' },
    { meeting_id: m.id, person_id: ids.sofie!, role: 'guardian' },
    { meeting_id: m.id, person_id: ids.martin!, role: 'guardian' },
  ]).execute();
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('team_meeting').set({ status: 'closed', closed_at: new Date('2030-01-10T10:00:00Z'), closed_by: ids.tone! }).where('id', '=', m.id).execute();
    await offerRating(trx, m.id, new Date('2030-01-10T10:00:00Z'));
  });
  return m.id;
}

/** The rating link of the meeting last closed, as e-mailed to the person (at the address the register has). */
async function linkSentTo(personId: string): Promise<string> {
  const db = t.database.db;
  const { email } = await db.selectFrom('person').select('email').where('id', '=', personId).executeTakeFirstOrThrow();
  const mail = await db.selectFrom('outbound_email').select('body_text').where('to_address', '=', email!).where('body_text', 'like', '%/vurdering/%')
    .orderBy('created_at', 'desc').orderBy('id', 'desc').executeTakeFirstOrThrow();
  return /\/vurdering\/([A-Za-z0-9_-]{43})/.exec(mail.body_text)![1]!;
}

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 10 });
  [sofie, martin, admin] = await Promise.all([signedIn(t.app, 'forelder'), signedIn(t.app, 'forelder.uten.ansvar'), signedIn(t.app, 'administrator')]);
  const db = t.database.db;
  const demo = await demoFamilies(db);
  Object.assign(ids, {
    child: demo.olderChild.id, sofie: demo.mother.id, martin: demo.fatherWithoutResponsibility.id,
    tone: (await db.selectFrom('staff_user').select('id').where('username', '=', 'teamleder').executeTakeFirstOrThrow()).id,
    admin: (await db.selectFrom('staff_user').select('id').where('username', '=', 'administrator').executeTakeFirstOrThrow()).id,
    team: (await teamLedBy(db, 'teamleder')).id,
  });
  // A rating link in the mailbox, for the refusals to be seen not to show it.
  await closedMeeting();
  await db.transaction().execute((trx) => queueEmail(trx, {
    to: 'forelder@example.com', subject: 'Innkalling', text: 'Se vedlagt.', language: 'nb',
    attachments: [{ filename: 'moete.ics', contentType: 'text/calendar', content: Buffer.from('BEGIN:VCALENDAR\r\nATTENDEE:mailto:alle@example.com\r\nEND:VCALENDAR\r\n') }],
  }));
});
afterAll(async () => {
  await t?.close();
});

describe('the development mailbox', () => {
  it('is refused to a citizen, a professional, a team leader and an auditor, each refusal audited; anonymous is 401', async () => {
    const mail = await t.database.db.selectFrom('outbound_email').select('id').where('subject', '=', 'Innkalling').executeTakeFirstOrThrow();
    const refusedBefore = (await audits('devMailbox.read', 'denied')).length;
    const callers = await Promise.all(['forelder', 'ungdom', 'fagperson.skole', 'teamleder', 'revisor'].map((u) => signedIn(t.app, u)));
    for (const caller of callers) {
      const list = await caller.get('/api/dev/mailbox');
      expect(list.statusCode).toBe(403);
      expect(list.body).not.toContain('vurdering');
      const file = await caller.get(`/api/dev/mailbox/${mail.id}/attachments/1`);
      expect(file.statusCode).toBe(403);
      expect(file.body).not.toContain('VCALENDAR');
    }
    // Each of the five is refused by the access module, and each refusal is in the audit log.
    expect((await audits('devMailbox.read', 'denied')).length - refusedBefore).toBe(5 * 2);
    expect((await t.app.inject({ method: 'GET', url: '/api/dev/mailbox' })).statusCode).toBe(401);
  });

  it('opens to the administrator, and the look is audited', async () => {
    const before = (await audits('devMailbox.read', 'allowed')).length;
    const list = await admin.get('/api/dev/mailbox');
    expect(list.statusCode).toBe(200);
    expect(list.json().mails.length).toBeGreaterThan(0);
    const allowed = await audits('devMailbox.read', 'allowed');
    expect(allowed.length).toBe(before + 1);
    expect(allowed.at(-1)).toMatchObject({ actor_id: ids.admin, actor_role: 'administrator' });
  });
  // Where the development sign-in is off the mailbox is 404 for everyone: tests/server/notifications.test.ts.
});

describe('a rating link belongs to the person it was sent to', () => {
  it('used by another citizen signed in, it is refused (form and rating), audited, and nothing is rated', async () => {
    await closedMeeting();
    const sofiesLink = await linkSentTo(ids.sofie!);
    const before = await ratings();
    const deniedBefore = (await audits('meetingRating.create', 'denied')).length;
    const form = await martin.get(`/api/ratings/${sofiesLink}`);
    expect(form.statusCode).toBe(403);
    expect(form.json().error.message).toMatch(/sendt til en annen person/);
    const rated = await martin.post(`/api/ratings/${sofiesLink}`, { feltHeard: 1, useful: 1, comment: 'Skrevet som Sofie' });
    expect(rated.statusCode).toBe(403);
    expect(await ratings()).toBe(before);
    const denied = await audits('meetingRating.create', 'denied');
    expect(denied.length).toBe(deniedBefore + 1);
    expect(denied.at(-1)).toMatchObject({ subject_id: ids.sofie, reason: 'rating_link_of_another_person' });
  });

  it('used by staff signed in, it is refused', async () => {
    const meeting = await closedMeeting();
    const sofiesLink = await linkSentTo(ids.sofie!);
    const tone = await signedIn(t.app, 'teamleder');
    expect((await tone.post(`/api/ratings/${sofiesLink}`, { feltHeard: 5, useful: 5 })).statusCode).toBe(403);
    expect(await t.database.db.selectFrom('meeting_rating').select('id').where('meeting_id', '=', meeting).execute()).toEqual([]);
  });

  it('works for the person it was sent to, signed in or not, and rates as that person only', async () => {
    const meeting = await closedMeeting();
    const sofiesLink = await linkSentTo(ids.sofie!);
    const martinsLink = await linkSentTo(ids.martin!);
    expect((await sofie.post(`/api/ratings/${sofiesLink}`, { feltHeard: 4, useful: 5 })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: `/api/ratings/${martinsLink}`, payload: { feltHeard: 3, useful: 3 } })).statusCode).toBe(201);
    const rows = await t.database.db.selectFrom('meeting_rating').select(['person_id', 'felt_heard']).where('meeting_id', '=', meeting).orderBy('felt_heard').execute();
    expect(rows).toEqual([{ person_id: ids.martin, felt_heard: 3 }, { person_id: ids.sofie, felt_heard: 4 }]);
  });
});
