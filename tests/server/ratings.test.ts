// The family's rating after a meeting: closing a meeting offers each guardian and youth who took part
// a link by e-mail (only its hash stored; the mail names neither the child nor the team) and a notice
// on Min side. The link works once and not after it expires; a signed-in guardian rates on Min side;
// one rating per person and meeting; nobody else can rate. Meetings are written straight into the
// database, so these tests do not depend on how meetings are scheduled.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { offerRating } from '../../server/modules/teams/ratings.ts';
import { testClock } from '../support/clock.ts';
import { demoFamilies, teamLedBy } from '../support/factories.ts';

let t: TestApp;
let sofie: Client;
const ids: Record<string, string> = {};
const names: { child: string[]; father: string[] } = { child: [], father: [] };
/** Any of `words`, anywhere. */
const anyOf = (words: string[]) => new RegExp(words.join('|'));

const publicRequest = (method: 'GET' | 'POST', url: string, body?: object, lang = 'nb') =>
  t.app.inject({ method, url, headers: { 'accept-language': lang }, ...(body ? { payload: body } : {}) });

/** A case meeting (about the demo mother's older child unless told) with the team's leader and the family given, closed with the rating offered if asked. */
async function meeting(options: { close: boolean; about?: string; family: { personId: string; role: 'guardian' | 'youth' }[] }) {
  const db = t.database.db;
  const startsAt = new Date(testClock.now().getTime() - 2 * 86_400_000);
  const m = await db.insertInto('team_meeting').values({
    team_id: ids.team!, kind: 'case', person_id: options.about ?? ids.jonas!, starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 3_600_000),
    place: 'Skolens møterom', chair_staff_id: ids.tone!, created_by: ids.tone!,
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('meeting_participant').values([
    { meeting_id: m.id, staff_user_id: ids.tone!, role: 'chair' },
    ...options.family.map((f) => ({ meeting_id: m.id, person_id: f.personId, role: f.role })),
  ]).execute();
  if (options.close) {
    await db.transaction().execute(async (trx) => {
      await trx.updateTable('team_meeting').set({ status: 'closed', closed_at: testClock.now(), closed_by: ids.tone! }).where('id', '=', m.id).execute();
      await offerRating(trx, m.id, testClock.now());
    });
  }
  return m.id;
}

/** The rating link from the newest mail to an address. */
async function linkFromMail(to: string): Promise<{ token: string; subject: string; body: string }> {
  const mail = await t.database.db.selectFrom('outbound_email').select(['subject', 'body_text']).where('to_address', '=', to).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  const match = /\/vurdering\/([A-Za-z0-9_-]{43})/.exec(mail.body_text);
  if (!match) throw new Error(`no rating link in: ${mail.body_text}`);
  return { token: match[1]!, subject: mail.subject, body: mail.body_text };
}

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 10 });
  sofie = await signedIn(t.app, 'forelder');
  const db = t.database.db;
  const demo = await demoFamilies(db);
  const team = await teamLedBy(db, 'teamleder');
  Object.assign(ids, {
    jonas: demo.olderChild.id, sofie: demo.mother.id, martin: demo.fatherWithoutResponsibility.id, sander: demo.youth.id,
    tone: (await db.selectFrom('staff_user').select('id').where('username', '=', 'teamleder').executeTakeFirstOrThrow()).id,
    team: team.id, teamName: team.name,
  });
  // The words a mail or a public page must not carry: the child's and the father's names, as the demo has them.
  names.child = [demo.olderChild.givenName, demo.olderChild.familyName];
  names.father = [demo.fatherWithoutResponsibility.givenName, demo.fatherWithoutResponsibility.familyName];
  // Martin reads nynorsk and has an address; his part in this story is a guardian at the meeting.
  await db.updateTable('person').set({ language: 'nn' }).where('id', '=', ids.martin!).execute();
});
afterAll(async () => {
  await t?.close();
});

/** A closed case meeting with both guardians, and the rating links their e-mails carry. */
async function offeredToGuardians() {
  const meetingId = await meeting({ close: true, family: [{ personId: ids.sofie!, role: 'guardian' }, { personId: ids.martin!, role: 'guardian' }] });
  return { meetingId, sofie: await linkFromMail('sofie.nordli@example.com'), martin: await linkFromMail('martin.berg@example.com') };
}
const ratingsOf = async (meetingId: string) =>
  (await t.database.db.selectFrom('meeting_rating').select(sql<number>`count(*)::int`.as('n')).where('meeting_id', '=', meetingId).executeTakeFirstOrThrow()).n;
const rateNotices = async () => (await sofie.get('/api/notifications')).json().notifications.filter((n: { kind: string }) => n.kind === 'meeting.rate');

describe('closing a meeting offers the rating', () => {
  it('sends each guardian at the meeting a link by e-mail, naming neither the child nor the team, and stores only its hash', async () => {
    const { meetingId, sofie: mail, martin: martinMail } = await offeredToGuardians();
    const links = await t.database.db.selectFrom('meeting_rating_link').selectAll().where('meeting_id', '=', meetingId).execute();
    expect(links.map((l) => l.person_id).sort()).toEqual([ids.sofie, ids.martin].sort());
    const days = (new Date(links[0]!.expires_at).getTime() - testClock.now().getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(29);
    expect(days).toBeLessThanOrEqual(30);

    expect(mail.subject).toBe('Hvordan var møtet?');
    expect(mail.body).toContain('du trenger ikke logge inn');
    expect(mail.body).not.toMatch(anyOf(names.child));
    expect(mail.body).not.toContain(ids.teamName);
    expect(mail.body).not.toMatch(/innsatsteam/i);
    // It says why it came: she was at the meeting. She has not chosen e-mail notices, so it must not say she did.
    const chose = await t.database.db.selectFrom('citizen_account').select('email_notifications').where('person_id', '=', ids.sofie!).executeTakeFirstOrThrow();
    expect(chose.email_notifications).toBe(false);
    expect(mail.body).not.toContain('valgt varsler på e-post');
    expect(mail.body).toContain('fordi du var med på møtet');
    expect(links.map((l) => l.token_hash)).toContain(createHash('sha256').update(mail.token).digest('hex'));
    expect(links.some((l) => l.token_hash.includes(mail.token))).toBe(false);
    // In the family's language.
    expect(martinMail.subject).toBe('Korleis var møtet?');
  });

  it('puts a notice on Min side, and sends nothing more when offered again', async () => {
    const noticesBefore = (await rateNotices()).length;
    const { meetingId } = await offeredToGuardians();
    const notices = await rateNotices();
    expect(notices).toHaveLength(noticesBefore + 1);
    expect(notices[0]).toMatchObject({ link: '/min-side/vurderinger' });
    expect(notices[0].text).toContain(ids.teamName);
    const mails = async () => (await t.database.db.selectFrom('outbound_email').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
    const before = await mails();
    await t.database.db.transaction().execute((trx) => offerRating(trx, meetingId, testClock.now()));
    expect(await mails()).toBe(before);
    expect(await rateNotices()).toHaveLength(noticesBefore + 1);
  });

  it('offers nothing to staff', async () => {
    const { meetingId } = await offeredToGuardians();
    const staffLinks = await t.database.db.selectFrom('meeting_rating_link').select('person_id').where('meeting_id', '=', meetingId).where('person_id', '=', ids.tone!).execute();
    expect(staffLinks).toEqual([]);
  });
});

describe('rating from the link, without signing in', () => {
  it('shows the team and the date in the language of the person it was sent to', async () => {
    const { martin } = await offeredToGuardians();
    const form = await publicRequest('GET', `/api/ratings/${martin.token}`);
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({ meeting: { teamName: ids.teamName }, language: 'nn' });
    expect(form.body).not.toMatch(anyOf([...names.child, ...names.father]));
  });

  it('refuses scores outside 1–5 with a clear message, storing nothing', async () => {
    const { meetingId, sofie: mail } = await offeredToGuardians();
    const refused = await publicRequest('POST', `/api/ratings/${mail.token}`, { feltHeard: 6, useful: 0 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      { field: 'feltHeard', message: 'Velg et tall fra 1 til 5 for om du følte deg hørt.' },
      { field: 'useful', message: 'Velg et tall fra 1 til 5 for om hjelpen var nyttig.' },
    ]);
    expect(await ratingsOf(meetingId)).toBe(0);
  });

  it('stores the rating once, audited with the guardian as the subject; the link then stops working', async () => {
    const { meetingId, sofie: mail } = await offeredToGuardians();
    const rated = await publicRequest('POST', `/api/ratings/${mail.token}`, { feltHeard: 4, useful: 5, comment: 'Godt å bli hørt.' });
    expect(rated.statusCode).toBe(201);
    const row = await t.database.db.selectFrom('meeting_rating').selectAll().where('meeting_id', '=', meetingId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ person_id: ids.sofie, felt_heard: 4, useful: 5, comment: 'Godt å bli hørt.' });
    const audit = await t.database.db.selectFrom('audit_event').select(['actor_kind', 'subject_id', 'entity_id', 'outcome']).where('action', '=', 'meetingRating.create').where('entity_id', '=', meetingId).execute();
    expect(audit).toEqual([{ actor_kind: 'anonymous', subject_id: ids.sofie, entity_id: meetingId, outcome: 'allowed' }]);

    const again = await publicRequest('POST', `/api/ratings/${mail.token}`, { feltHeard: 1, useful: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Du har allerede sagt hva du synes om dette møtet. Takk!');
    expect((await publicRequest('GET', `/api/ratings/${mail.token}`)).statusCode).toBe(409);
    expect(await ratingsOf(meetingId)).toBe(1);
  });

  it('refuses an expired link with a message that points to Min side', async () => {
    const { meetingId, martin } = await offeredToGuardians();
    await t.database.db.updateTable('meeting_rating_link').set({ expires_at: new Date(testClock.now().getTime() - 1000) }).where('meeting_id', '=', meetingId).where('person_id', '=', ids.martin!).execute();
    const expired = await publicRequest('POST', `/api/ratings/${martin.token}`, { feltHeard: 3, useful: 3 }, 'nn');
    expect(expired.statusCode).toBe(409);
    expect(expired.json().error.message).toBe('Lenka er for gammal og verkar ikkje lenger. Du kan framleis svare på Min side.');
    expect(await ratingsOf(meetingId)).toBe(0);
  });

  it('refuses an unknown link', async () => {
    const unknown = await publicRequest('GET', `/api/ratings/${'A'.repeat(43)}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toContain('Lenken virker ikke');
    expect((await publicRequest('GET', '/api/ratings/short')).statusCode).toBe(400);
  });
});

describe('rating on Min side', () => {
  it('lists the closed meetings the guardian took part in, and which are rated', async () => {
    const rated = await offeredToGuardians();
    expect((await publicRequest('POST', `/api/ratings/${rated.sofie.token}`, { feltHeard: 4, useful: 5 })).statusCode).toBe(201);
    const unrated = await meeting({ close: true, family: [{ personId: ids.sofie!, role: 'guardian' }] });
    const open = await meeting({ close: false, family: [{ personId: ids.sofie!, role: 'guardian' }] });
    const list = (await sofie.get('/api/meeting-ratings')).json().meetings as { id: string; rating: unknown }[];
    // Exactly the closed meetings Sofie took part in, whichever other tests made.
    const closedWithSofie = await t.database.db.selectFrom('team_meeting as m').innerJoin('meeting_participant as p', 'p.meeting_id', 'm.id')
      .select('m.id').where('p.person_id', '=', ids.sofie!).where('m.status', '=', 'closed').execute();
    expect(list.map((m) => m.id).sort()).toEqual(closedWithSofie.map((m) => m.id).sort());
    expect(list.map((m) => m.id)).toEqual(expect.arrayContaining([rated.meetingId, unrated]));
    expect(list.map((m) => m.id)).not.toContain(open);
    expect(list.find((m) => m.id === rated.meetingId)!.rating).toMatchObject({ feltHeard: 4, useful: 5 });
    expect(list.find((m) => m.id === unrated)!.rating).toBeNull();
  });

  it('takes the rating from the signed-in guardian once; the e-mailed link then stops working', async () => {
    const { meetingId, sofie: { token } } = await offeredToGuardians();
    const rated = await sofie.post(`/api/meetings/${meetingId}/rating`, { feltHeard: 2, useful: 3 });
    expect(rated.statusCode).toBe(201);
    expect((await sofie.get(`/api/meetings/${meetingId}/rating`)).json()).toMatchObject({ meeting: { teamName: ids.teamName }, rating: { feltHeard: 2, useful: 3, comment: null } });
    const twice = await sofie.post(`/api/meetings/${meetingId}/rating`, { feltHeard: 5, useful: 5 });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('Du har allerede sagt hva du synes om dette møtet.');
    expect((await publicRequest('POST', `/api/ratings/${token}`, { feltHeard: 5, useful: 5 })).statusCode).toBe(409);
    expect(await ratingsOf(meetingId)).toBe(1);
  });

  it('is refused for a meeting not yet closed, to someone who did not take part, and to staff', async () => {
    const open = await meeting({ close: false, family: [{ personId: ids.sofie!, role: 'guardian' }] });
    const { meetingId: closed } = await offeredToGuardians();
    expect((await sofie.post(`/api/meetings/${open}/rating`, { feltHeard: 5, useful: 5 })).statusCode).toBe(403);
    const sander = await signedIn(t.app, 'ungdom');
    expect((await sander.post(`/api/meetings/${closed}/rating`, { feltHeard: 5, useful: 5 })).statusCode).toBe(403);
    const tone = await signedIn(t.app, 'teamleder');
    expect((await tone.post(`/api/meetings/${closed}/rating`, { feltHeard: 5, useful: 5 })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/meeting-ratings' })).statusCode).toBe(401);
    expect(await ratingsOf(open)).toBe(0);
    expect(await ratingsOf(closed)).toBe(0);
    const denied = await t.database.db.selectFrom('audit_event').select('reason').where('action', '=', 'meetingRating.create').where('outcome', '=', 'denied')
      .where('entity_id', 'in', [open, closed]).execute();
    expect(denied.map((d) => d.reason).sort()).toEqual(['meeting_not_closed', 'not_family_participant']);
  });

  it('shows a youth none of the meetings they did not take part in', async () => {
    const sander = await signedIn(t.app, 'ungdom');
    await offeredToGuardians();
    const listed = (await sander.get('/api/meeting-ratings')).json().meetings as { id: string }[];
    const closedWithSander = await t.database.db.selectFrom('team_meeting as m').innerJoin('meeting_participant as p', 'p.meeting_id', 'm.id')
      .select('m.id').where('p.person_id', '=', ids.sander!).where('m.status', '=', 'closed').execute();
    expect(listed.map((m) => m.id).sort()).toEqual(closedWithSander.map((m) => m.id).sort());
  });

  it('lets a youth who took part rate their own meeting', async () => {
    const youthMeeting = await meeting({ close: true, about: ids.sander!, family: [{ personId: ids.sander!, role: 'youth' }] });
    const sander = await signedIn(t.app, 'ungdom');
    expect((await sander.post(`/api/meetings/${youthMeeting}/rating`, { feltHeard: 5, useful: 4, comment: 'Bra' })).statusCode).toBe(201);
  });
});
