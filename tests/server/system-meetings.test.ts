// A system-level team (the one Tone sits in) meets on trends, never on a child: a member schedules the
// meeting (its leader chairs it), the minutes and action plan are refused whole if any text holds a
// national identity number or the full name of someone in the person register, and closing forwards
// the report to the SBU coordinator in Sammen and to the SLT group by e-mail with the PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { parseNationalId } from '../../common/national-id.ts';
import { today } from '../support/clock.ts';
import { demoFamilies, staffIdentity, teamLedBy } from '../support/factories.ts';

let t: TestApp;
let tone: Client; // teamleder: leads an early-intervention team, and is a member of one system-level team
let sbu: Client;
let lars: Client; // teammedlem: in no system-level team
const ids: Record<string, string> = {};
const names = { childGiven: '', childFamily: '', mother: '', tone: '', slt: '', sbu: '' };

const plusDays = (n: number) => {
  const d = new Date(`${today()}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fields = (r: { json(): { error: { fields: unknown } } }) => r.json().error.fields;
const meetingCount = async () => (await t.database.db.selectFrom('team_meeting').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
const stored = (meetingId: string) => t.database.db.selectFrom('team_meeting').select(['background', 'assessments', 'decisions', 'version', 'status']).where('id', '=', meetingId).executeTakeFirstOrThrow();
const minutes = (version: number, overrides: Record<string, unknown> = {}) => ({
  version,
  background: 'Flere skoler melder om økt skolefravær blant elever på mellomtrinnet etter jul.',
  assessments: 'PP-tjenesten og skolehelsetjenesten ser samme trend.',
  decisions: 'Vi lager felles rutine for oppfølging av fravær.',
  actionItems: [{ what: 'Utkast til felles fraværsrutine', ownerStaffId: ids.tone, dueOn: plusDays(30) }],
  ...overrides,
});

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  [tone, sbu, lars] = await Promise.all([signedIn(t.app, 'teamleder'), signedIn(t.app, 'sbu.koordinator'), signedIn(t.app, 'teammedlem')]);
  // Lars acts as a team member (his first role is professional).
  expect((await lars.post('/api/auth/role', { role: 'team_member' })).statusCode).toBe(200);
  const db = t.database.db;
  // Tone sits in one system-level team.
  const [team, ...more] = await db.selectFrom('team as t').innerJoin('team_member as m', 'm.team_id', 't.id').innerJoin('staff_user as s', 's.id', 'm.staff_user_id')
    .select(['t.id', 't.name', 't.meeting_place', 't.leader_staff_user_id']).where('s.username', '=', 'teamleder').where('t.kind', '=', 'system_level').where('t.active', '=', true).execute();
  if (!team || more.length) throw new Error('expected Tone in one system-level team');
  const staff = async (u: string) => (await db.selectFrom('staff_user').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
  const withId = await db.selectFrom('person').select('national_id').where('national_id', 'is not', null).executeTakeFirstOrThrow();
  Object.assign(ids, {
    team: team.id, teamName: team.name, place: team.meeting_place, leader: team.leader_staff_user_id, tone: await staff('teamleder'), lars: await staff('teammedlem'), sbu: await staff('sbu.koordinator'),
    earlyTeam: (await teamLedBy(db, 'teamleder')).id,
    nationalId: withId.national_id,
  });
  // People in the register, by their place in a demo family, and the leader's name as the app shows it.
  const demo = await demoFamilies(db);
  // The SLT group's address is the municipality's (the team's), the SBU coordinator's name her row's.
  const { slt_email } = await db.selectFrom('municipality as m').innerJoin('team as t', 't.municipality_id', 'm.id').select('m.slt_email').where('t.id', '=', team.id).executeTakeFirstOrThrow();
  if (!slt_email) throw new Error('the demo municipality has no SLT address');
  Object.assign(names, { slt: slt_email, sbu: (await staffIdentity(db, sbu)).displayName });
  Object.assign(names, { childGiven: demo.olderChild.givenName, childFamily: demo.olderChild.familyName, mother: demo.mother.name, tone: (await staffIdentity(db, tone)).displayName });
});
let meetingsMade = 0;
/** A meeting of Tone's system-level team, the test's own, scheduled by Tone (version 1, no minutes). */
async function scheduled(topic = 'Skolefravær på mellomtrinnet'): Promise<string> {
  meetingsMade += 1;
  const created = await tone.post('/api/system-meetings', { teamId: ids.team, topic, startsAt: `${plusDays(7 + meetingsMade)}T14:00:00+01:00` });
  if (created.statusCode !== 201) throw new Error(`scheduling failed: ${created.body}`);
  return created.json().id;
}
/** A meeting with the default minutes and action plan saved (version 2). */
async function withMinutes(topic?: string): Promise<string> {
  const meetingId = await scheduled(topic);
  const saved = await tone.put(`/api/system-meetings/${meetingId}/minutes`, minutes(1));
  if (saved.statusCode !== 200) throw new Error(`saving minutes failed: ${saved.body}`);
  return meetingId;
}
/** A closed meeting and the version it was closed at. */
async function closedMeeting(topic: string): Promise<{ meetingId: string; version: number }> {
  const meetingId = await withMinutes(topic);
  const closed = await tone.post(`/api/system-meetings/${meetingId}/close`, { version: 2 });
  if (closed.statusCode !== 200) throw new Error(`closing failed: ${closed.body}`);
  return { meetingId, version: 2 };
}

afterAll(async () => {
  await t?.close();
});

describe('the system-level teams one works in', () => {
  it('lists the member\'s teams, every team for the SBU coordinator, and none for someone in no such team', async () => {
    expect((await tone.get('/api/system-meetings')).json().teams.map((x: { id: string }) => x.id)).toEqual([ids.team]);
    const systemLevel = await t.database.db.selectFrom('team').select('id').where('kind', '=', 'system_level').where('active', '=', true).orderBy('age_from_months').orderBy('name').execute();
    expect(systemLevel.length).toBeGreaterThan(1);
    expect((await sbu.get('/api/system-meetings')).json().teams.map((x: { id: string }) => x.id)).toEqual(systemLevel.map((x) => x.id));
    expect((await lars.get('/api/system-meetings')).json().teams).toEqual([]);
    const professional = await signedIn(t.app, 'fagperson.skole');
    expect((await professional.get('/api/system-meetings')).statusCode).toBe(403);
  });
});

describe('scheduling', () => {
  it('refuses a topic with a national identity number, storing nothing', async () => {
    const before = await meetingCount();
    const spaced = `${ids.nationalId!.slice(0, 6)} ${ids.nationalId!.slice(6)}`;
    const refused = await tone.post('/api/system-meetings', { teamId: ids.team, topic: `Fravær, jf. ${spaced}`, startsAt: `${plusDays(7)}T14:00:00+01:00` });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      message: 'Systemteam arbeider uten personopplysninger. Ta bort fødselsnummer og navn fra personregisteret i: Tema. Ingenting er lagret.',
      fields: [{ field: 'topic', message: 'Inneholder et fødselsnummer eller D-nummer.' }],
    });
    expect(await meetingCount()).toBe(before);
  });

  it('is refused to someone outside the team, and for an early-intervention team', async () => {
    expect((await lars.post('/api/system-meetings', { teamId: ids.team, topic: 'Fravær', startsAt: `${plusDays(7)}T14:00:00+01:00` })).statusCode).toBe(403);
    expect((await tone.post('/api/system-meetings', { teamId: ids.earlyTeam, topic: 'Fravær', startsAt: `${plusDays(7)}T14:00:00+01:00` })).statusCode).toBe(403);
  });

  it('schedules the meeting at the team\'s usual place, chaired by the team\'s leader, and invites the members', async () => {
    const created = await tone.post('/api/system-meetings', { teamId: ids.team, topic: 'Skolefravær på mellomtrinnet', startsAt: `${plusDays(7)}T14:00:00+01:00` });
    expect(created.statusCode).toBe(201);
    const meetingId: string = created.json().id;
    const meeting = (await tone.get(`/api/system-meetings/${meetingId}`)).json();
    expect(meeting).toMatchObject({ topic: 'Skolefravær på mellomtrinnet', place: ids.place, status: 'scheduled', team: { name: ids.teamName }, mayWrite: true });
    const chair = await t.database.db.selectFrom('team_meeting').select('chair_staff_id').where('id', '=', meetingId).executeTakeFirstOrThrow();
    expect(chair.chair_staff_id).toBe(ids.leader);
    expect(meeting.owners.map((o: { id: string }) => o.id)).toContain(ids.tone);
    const invited = await t.database.db.selectFrom('notification').select('staff_user_id').where('kind', '=', 'meeting.invited').where('link', '=', `/systemteam/${meetingId}`).execute();
    expect(invited.map((n) => n.staff_user_id)).toContain(ids.leader);
    // The one who scheduled it needs no invitation.
    expect(invited.map((n) => n.staff_user_id)).not.toContain(ids.tone);
  });
});

describe('minutes without personal data', () => {
  it('refuses the full name of someone in the person register, in any case and spacing, naming the field; nothing is stored', async () => {
    const meetingId = await scheduled();
    const refused = await tone.put(`/api/system-meetings/${meetingId}/minutes`, minutes(1, { assessments: 'Vi har snakket med SOFIE   nordli om dette.' }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      message: 'Systemteam arbeider uten personopplysninger. Ta bort fødselsnummer og navn fra personregisteret i: Tjenestenes vurderinger. Ingenting er lagret.',
      fields: [{ field: 'assessments', message: 'Inneholder navnet på en person i personregisteret.' }],
    });
    expect(await stored(meetingId)).toMatchObject({ background: null, assessments: null, version: 1 });
    expect(await t.database.db.selectFrom('action_item').select('id').where('meeting_id', '=', meetingId).execute()).toEqual([]);
  });

  it('refuses a name across a line break and a national id in an action item, naming each field', async () => {
    const meetingId = await scheduled();
    const refused = await tone.put(`/api/system-meetings/${meetingId}/minutes`, minutes(1, {
      decisions: `Skolen følger opp ${names.childGiven}\n${names.childFamily} særskilt.`,
      actionItems: [{ what: `Sjekk ${ids.nationalId}`, ownerStaffId: ids.tone, dueOn: plusDays(30) }],
    }));
    expect(fields(refused)).toEqual([
      { field: 'decisions', message: 'Inneholder navnet på en person i personregisteret.' },
      { field: 'actionItems.0.what', message: 'Inneholder et fødselsnummer eller D-nummer.' },
    ]);
    expect(refused.json().error.message).toContain('i: Beslutninger, Tiltak 1.');
    expect((await stored(meetingId)).version).toBe(1);
  });

  it('accepts numbers that are not identity numbers, staff names and words that only look like names', async () => {
    expect(parseNationalId('12345678901').valid).toBe(false);
    const meetingId = await scheduled();
    const saved = await tone.put(`/api/system-meetings/${meetingId}/minutes`, minutes(1, {
      background: `Saksnummer 12345678901. ${names.tone} orienterte. ${names.childFamily}-området har flere familier som har flyttet.`,
    }));
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(2);
    expect(await stored(meetingId)).toMatchObject({ version: 2, decisions: 'Vi lager felles rutine for oppfølging av fravær.' });
  });

  it('needs an owner from the team and a deadline for each action item', async () => {
    const meetingId = await scheduled();
    const refused = await tone.put(`/api/system-meetings/${meetingId}/minutes`, minutes(1, { actionItems: [{ what: 'Noe' }, { what: 'Mer', ownerStaffId: ids.lars, dueOn: plusDays(3) }] }));
    expect(fields(refused)).toEqual([
      { field: 'actionItems.0.ownerStaffId', message: 'Velg hvem som har ansvaret.' },
      { field: 'actionItems.0.dueOn', message: 'Skriv fristen.' },
    ]);
    expect(fields(await tone.put(`/api/system-meetings/${meetingId}/minutes`, minutes(1, { actionItems: [{ what: 'Mer', ownerStaffId: ids.lars, dueOn: plusDays(3) }] })))).toEqual([
      { field: 'actionItems.0.ownerStaffId', message: 'Den ansvarlige må være med i teamet.' },
    ]);
  });

  it('cannot be written through the case meetings\' routes, which do not check for personal data', async () => {
    const meetingId = await withMinutes();
    const leaderName = await t.database.db.selectFrom('staff_user').select('username').where('id', '=', ids.leader!).executeTakeFirstOrThrow();
    const chair = await signedIn(t.app, leaderName.username);
    const bypass = await chair.put(`/api/meetings/${meetingId}/minutes`, { version: 2, background: `Om ${names.mother}`, actionItems: [] });
    expect(bypass.statusCode).toBe(403);
    expect((await chair.post(`/api/meetings/${meetingId}/close`)).statusCode).toBe(403);
    expect(await stored(meetingId)).toMatchObject({ version: 2, status: 'scheduled' });
    expect((await stored(meetingId)).background).not.toContain(names.mother);
    const denied = await t.database.db.selectFrom('audit_event').select('reason').where('action', '=', 'meeting.write').where('entity_id', '=', meetingId).execute();
    expect(denied.map((d) => d.reason)).toEqual(['system_meeting', 'system_meeting']);
  });

  it('refuses a stale version', async () => {
    const meetingId = await withMinutes();
    expect((await tone.put(`/api/system-meetings/${meetingId}/minutes`, minutes(1, { background: 'Endret.' }))).statusCode).toBe(409);
    expect(await stored(meetingId)).toMatchObject({ version: 2, background: minutes(1).background });
  });
});

describe('closing and the report', () => {
  it('will not close without an action plan', async () => {
    const meetingId = await withMinutes();
    const cleared = await tone.put(`/api/system-meetings/${meetingId}/minutes`, minutes(2, { actionItems: [] }));
    const version: number = cleared.json().version;
    const refused = await tone.post(`/api/system-meetings/${meetingId}/close`, { version });
    expect(fields(refused)).toEqual([{ field: 'actionItems', message: 'Møtet kan ikke avsluttes uten handlingsplan. Legg til minst ett tiltak og lagre.' }]);
    expect((await stored(meetingId)).status).toBe('scheduled');
  });

  it('closes and forwards the report to the SBU coordinator in Sammen and to the SLT group by e-mail with the PDF', async () => {
    const topic = 'Skolefravær på mellomtrinnet i vinter';
    const meetingId = await withMinutes(topic);
    const closed = await tone.post(`/api/system-meetings/${meetingId}/close`, { version: 2 });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', deliveries: 2 });

    const deliveries = await t.database.db.selectFrom('system_report_delivery').select(['staff_user_id', 'email']).where('meeting_id', '=', meetingId).execute();
    expect(deliveries).toEqual(expect.arrayContaining([{ staff_user_id: ids.sbu, email: null }, { staff_user_id: null, email: names.slt }]));

    // Other tests close meetings of their own: find this meeting's notice and e-mail among them.
    const notices = (await sbu.get('/api/notifications')).json().notifications as { kind: string; link: string; text: string }[];
    const notice = notices.find((n) => n.link === `/systemteam/${meetingId}`);
    expect(notice).toMatchObject({ kind: 'systemMeeting.report' });
    expect(notice!.text).toContain(`Rapport fra ${ids.teamName}`);

    const mails = await t.database.db.selectFrom('outbound_email').select(['id', 'subject', 'body_text']).where('to_address', '=', names.slt).execute();
    const mail = mails.find((m) => m.body_text.includes(topic));
    expect(mail, mails.map((m) => m.body_text).join('\n---\n')).toBeDefined();
    expect(mail!.subject).toMatch(new RegExp(`^Rapport fra ${escapeRegExp(ids.teamName!)} \\d\\d\\.\\d\\d\\.\\d{4}$`));
    const attachment = await t.database.db.selectFrom('outbound_email_attachment').select(['filename', 'content_type', 'content']).where('email_id', '=', mail!.id).executeTakeFirstOrThrow();
    expect(attachment.content_type).toBe('application/pdf');
    // Named for the team in letters any file system keeps.
    const slug = ids.teamName!.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    expect(attachment.filename).toMatch(new RegExp(`^rapport-${slug}-\\d{4}-\\d\\d-\\d\\d\\.pdf$`));
    expect(Buffer.from(attachment.content).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('gives the SBU coordinator the report in the app; outsiders are refused', async () => {
    const { meetingId } = await closedMeeting('Fritidstilbud for mellomtrinnet');
    const seen = (await sbu.get('/api/system-meetings')).json().meetings.find((m: { id: string }) => m.id === meetingId);
    expect(seen).toMatchObject({ status: 'closed', teamName: ids.teamName });
    const detail = (await sbu.get(`/api/system-meetings/${meetingId}`)).json();
    expect(detail.deliveries.map((d: { to: string }) => d.to)).toEqual(expect.arrayContaining([names.sbu, names.slt]));
    const pdf = await sbu.get(`/api/system-meetings/${meetingId}/report.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await lars.get(`/api/system-meetings/${meetingId}/report.pdf`)).statusCode).toBe(403);
    expect((await lars.get(`/api/system-meetings/${meetingId}`)).statusCode).toBe(403);
  });

  it('cannot be changed or closed again once closed', async () => {
    const { meetingId, version } = await closedMeeting('Foreldremøter om skjermbruk');
    expect((await tone.put(`/api/system-meetings/${meetingId}/minutes`, minutes(version + 1))).statusCode).toBe(409);
    expect((await tone.post(`/api/system-meetings/${meetingId}/close`, { version: version + 1 })).statusCode).toBe(409);
    expect((await t.database.db.selectFrom('system_report_delivery').select('id').where('meeting_id', '=', meetingId).execute())).toHaveLength(2);
  });
});
