// An early-intervention team at work, through the API: the school refers a pupil (9) and the primary
// team for his area is proposed; the leader accepts; a meeting with both guardians is scheduled at
// his school, led by its head, with calendar invitations; minutes with a three-item action plan
// close the meeting, become relay-log entries and reach every participant; an overdue item is
// flagged and reminded, and the plan is reviewed at the next meeting. Each test brings its own
// family as far along as it needs (family, referred, scheduled, closed), so they pass in any order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, signedIn, startTestApp, type TestApp } from '../support/app.ts';
import { sendCaseReminders } from '../../server/modules/cases/jobs.ts';
import { today as todayInOslo, testClock } from '../support/clock.ts';
import { formatDate } from '../../common/i18n/index.ts';
import { addGuardian, enrol, expectStatus, familyName, registeredChildWithGuardian, staffIdentity } from '../support/factories.ts';
import { addDays, subtractYears } from '../../common/dates.ts';

let t: TestApp;
let henrik: Client; // a primary-school teacher
let tone: Client; // leads the primary-school team for the school's area
let nurse: Client;
const ids = { henrik: '', tone: '', nurse: '', school: '' };
const names = { henrik: '', tone: '', school: '', henrikEmail: '' };
let team: { id: string; name: string };

const today = todayInOslo();
const plusDays = (n: number) => addDays(today, n);
const fields = (r: { json(): { error: { fields: unknown } } }) => r.json().error.fields;
const count = async (table: 'team_meeting' | 'action_item' | 'referral') =>
  (await t.database.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;

interface Parent { id: string; name: string; email: string; client: Client }
interface Family { childId: string; childName: string; surname: string; mother: Parent; father: Parent }

let families = 0;
/** A nine-year-old at the teacher's school in the team's area, registered by the teacher; both parents share parental responsibility. */
async function family(): Promise<Family> {
  const n = families++;
  const surname = familyName(n);
  const db = t.database.db;
  const motherEmail = `mor.moter.${n}@example.com`;
  const f = await registeredChildWithGuardian(db, henrik, {
    givenName: 'Sindre', familyName: surname, birthDate: addDays(subtractYears(today, 9), -30), guardianGivenName: 'Mari', username: `mor.moter.${n}`, guardianEmail: motherEmail,
  });
  await enrol(db, f.childId, ids.school, subtractYears(today, 3));
  const fatherEmail = `far.moter.${n}@example.com`;
  const father = await addGuardian(db, t.app, f.childId, { givenName: 'Per', familyName: surname, username: `far.moter.${n}`, email: fatherEmail, relation: 'father' });
  return {
    childId: f.childId, childName: `Sindre ${surname}`, surname,
    mother: { id: f.guardianId, name: f.guardianName, email: motherEmail, client: f.guardian }, father: { ...father, email: fatherEmail },
  };
}

/** The family, referred by the teacher with the family taking part, and accepted by the leader. */
async function referred(): Promise<Family & { referralId: string }> {
  const f = await family();
  const referralId = expectStatus(await henrik.post(`/api/people/${f.childId}/referrals`, { reason: 'Uro i timene.', basis: 'family_present' }), 201).json().id;
  expectStatus(await tone.post(`/api/referrals/${referralId}/accept`, {}), 200);
  return { ...f, referralId };
}

/** A meeting a week ahead with the teacher and both parents. */
async function scheduled() {
  const f = await referred();
  const meetingId = expectStatus(await tone.post(`/api/referrals/${f.referralId}/meetings`, { startsAt: `${plusDays(7)}T12:00:00+01:00`, staffIds: [ids.henrik], personIds: [f.mother.id, f.father.id] }), 201).json().id as string;
  return { ...f, meetingId };
}

const PLAN = ['Kartlegge lesing', 'Samtale med helsesykepleier', 'Lesestund hjemme hver dag'];
/** The meeting closed with a three-item plan: the teacher owns the first and the last, the leader the second. */
async function closed() {
  const f = await scheduled();
  const { version } = (await tone.get(`/api/meetings/${f.meetingId}`)).json();
  expectStatus(await tone.put(`/api/meetings/${f.meetingId}/minutes`, {
    version, actionItems: [
      { what: PLAN[0], ownerStaffId: ids.henrik, dueOn: plusDays(14) }, { what: PLAN[1], ownerStaffId: ids.tone, dueOn: plusDays(21) }, { what: PLAN[2], ownerStaffId: ids.henrik, dueOn: plusDays(30) },
    ],
  }), 200);
  expectStatus(await tone.post(`/api/meetings/${f.meetingId}/close`), 200);
  return f;
}

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  [henrik, tone, nurse] = await Promise.all([signedIn(t.app, 'fagperson.skole'), signedIn(t.app, 'teamleder'), signedIn(t.app, 'helsesykepleier')]);
  const db = t.database.db;
  const staff = async (u: string) => db.selectFrom('staff_user').select(['id', 'service_unit_id', 'email']).where('username', '=', u).executeTakeFirstOrThrow();
  const [h, l, n] = [await staff('fagperson.skole'), await staff('teamleder'), await staff('helsesykepleier')];
  Object.assign(ids, { henrik: h.id, tone: l.id, nurse: n.id, school: h.service_unit_id! });
  const identity = await staffIdentity(db, henrik);
  Object.assign(names, { henrik: identity.displayName, school: identity.unitName!, tone: (await staffIdentity(db, tone)).displayName, henrikEmail: h.email });
  team = await db.selectFrom('team').select(['id', 'name']).where('leader_staff_user_id', '=', ids.tone).where('kind', '=', 'early_intervention').where('active', '=', true).executeTakeFirstOrThrow();
});
afterAll(async () => {
  await t?.close();
});

describe('referral and intake', () => {
  it('proposes the primary-school team for the child\'s age and area', { tags: ['calendar'] }, async () => {
    const f = await family();
    const proposal = (await henrik.get(`/api/people/${f.childId}/referral-proposal`)).json();
    expect(proposal).toMatchObject({ team: { id: team.id, name: team.name }, teamDiscussionConsent: false });
  });

  it('needs the family\'s consent or the family taking part', async () => {
    const f = await family();
    const before = await count('referral');
    expect(fields(await henrik.post(`/api/people/${f.childId}/referrals`, { reason: 'Uro i timene', basis: 'consent' }))).toEqual([
      { field: 'basis', message: 'Familien har ikke samtykket til drøfting i team. Velg at familien deltar, eller innhent samtykke.' },
    ]);
    expect(await count('referral')).toBe(before);
    const referred = await henrik.post(`/api/people/${f.childId}/referrals`, { reason: 'Uro i timene, lite mestring i lesing.', basis: 'family_present' });
    expect(referred.statusCode).toBe(201);
    expect(referred.json().team.name).toBe(team.name);
  });

  it('shows the leader the queue with waiting time; others may not see it', { tags: ['calendar'] }, async () => {
    const f = await family();
    const referralId = expectStatus(await henrik.post(`/api/people/${f.childId}/referrals`, { reason: 'Uro i timene.', basis: 'family_present' }), 201).json().id;
    const queue = (await tone.get(`/api/teams/${team.id}/intake`)).json().referrals;
    expect(queue).toEqual(expect.arrayContaining([expect.objectContaining({ id: referralId, person: expect.objectContaining({ name: f.childName }), referredBy: `${names.henrik}, ${names.school}`, status: 'waiting', waitingDays: 0 })]));
    // The demo's earlier referral has waited three days; the queue is oldest first.
    expect(queue[0].waitingDays).toBe(3);
    expect((await henrik.get(`/api/teams/${team.id}/intake`)).statusCode).toBe(403);
    expect((await henrik.post(`/api/referrals/${referralId}/accept`, {})).statusCode).toBe(403);
    expect((await tone.post(`/api/referrals/${referralId}/accept`, {})).statusCode).toBe(200);
    expect((await tone.post(`/api/referrals/${referralId}/accept`, {})).statusCode).toBe(409);
  });
});

describe('a referral to another team than the proposed one', () => {
  it('needs the reason, records it with the proposed team, and shows it to the receiving leader; others are refused', async () => {
    const db = t.database.db;
    const f = await referred();
    const proposed = (await henrik.get(`/api/people/${f.childId}/referral-proposal`)).json().team;
    const other = await db.selectFrom('team as t').innerJoin('staff_user as s', 's.id', 't.leader_staff_user_id').select(['t.id', 't.name', 's.username'])
      .where('t.kind', '=', 'early_intervention').where('t.active', '=', true).where('t.id', '<>', proposed.id).orderBy('t.name').executeTakeFirstOrThrow();
    const before = await count('referral');
    const body = { reason: 'Går mest på aktivitetsskolen ved en annen skole.', basis: 'family_present', teamId: other.id };
    expect(fields(await henrik.post(`/api/people/${f.childId}/referrals`, body)))
      .toEqual([{ field: 'otherTeamReason', message: 'Skriv hvorfor saken skal til et annet team enn det som er foreslått.' }]);
    // A professional of another unit, not involved, and the family cannot refer here.
    expect((await nurse.post(`/api/people/${f.childId}/referrals`, { ...body, otherTeamReason: 'Nærmere hjemmet.' })).statusCode).toBe(403);
    expect((await f.mother.client.post(`/api/people/${f.childId}/referrals`, { ...body, otherTeamReason: 'Nærmere hjemmet.' })).statusCode).toBe(403);
    expect(await count('referral')).toBe(before);

    const sent = await henrik.post(`/api/people/${f.childId}/referrals`, { ...body, otherTeamReason: 'Teamet ved aktivitetsskolen kjenner ham best.' });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().team).toEqual({ id: other.id, name: other.name });
    const stored = await db.selectFrom('referral').select(['team_id', 'proposed_team_id', 'other_team_reason']).where('id', '=', sent.json().id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ team_id: other.id, proposed_team_id: proposed.id, other_team_reason: 'Teamet ved aktivitetsskolen kjenner ham best.' });
    const leader = await signedIn(t.app, other.username);
    const queue = (await leader.get(`/api/teams/${other.id}/intake`)).json().referrals;
    expect(queue.find((r: { id: string }) => r.id === sent.json().id).otherTeam).toEqual({ proposedTeamName: proposed.name, reason: 'Teamet ved aktivitetsskolen kjenner ham best.' });
    // The proposed team's own referral carries no such reason.
    const own = (await tone.get(`/api/teams/${proposed.id}/intake`)).json().referrals.find((r: { id: string }) => r.id === f.referralId);
    expect(own.otherTeam).toBeNull();
  });
});

describe('the meeting', () => {
  it('refuses a participant who is not involved, and a meeting without the family when the referral rests on it', async () => {
    const f = await referred();
    const before = await count('team_meeting');
    const startsAt = `${plusDays(7)}T12:00:00+01:00`;
    expect(fields(await tone.post(`/api/referrals/${f.referralId}/meetings`, { startsAt, staffIds: [ids.nurse], personIds: [f.mother.id] }))).toEqual([
      { field: 'staffIds.0', message: 'Deltakeren er ikke involvert i saken og er ikke medlem av teamet.' },
    ]);
    expect(fields(await tone.post(`/api/referrals/${f.referralId}/meetings`, { startsAt, staffIds: [ids.henrik], personIds: [] }))).toEqual([
      { field: 'personIds', message: 'Henvisningen bygger på at familien deltar. Inviter minst én foresatt eller ungdommen.' },
    ]);
    expect(await count('team_meeting')).toBe(before);
  });

  it('is scheduled with both guardians at the child\'s school, led by its head, with calendar invitations that do not name him', { tags: ['calendar'] }, async () => {
    const f = await referred();
    const scheduled = await tone.post(`/api/referrals/${f.referralId}/meetings`, { startsAt: `${plusDays(7)}T12:00:00+01:00`, staffIds: [ids.henrik], personIds: [f.mother.id, f.father.id] });
    expect(scheduled.statusCode).toBe(201);
    const meetingId = scheduled.json().id;
    expect(scheduled.json().place).toBe(names.school);
    const meeting = (await tone.get(`/api/meetings/${meetingId}`)).json();
    const chair = meeting.participants.find((p: { role: string }) => p.role === 'chair');
    const head = await t.database.db.selectFrom('service_unit as u').innerJoin('staff_user as s', 's.id', 'u.leader_staff_user_id').select('s.display_name').where('u.id', '=', ids.school).executeTakeFirstOrThrow();
    expect(chair.name).toBe(head.display_name);
    expect(meeting.participants.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining([names.henrik, names.tone, f.mother.name, f.father.name]));

    const mails = await t.database.db.selectFrom('outbound_email as e').innerJoin('outbound_email_attachment as a', 'a.email_id', 'e.id')
      .select(['e.to_address', 'e.subject', 'e.body_text', 'a.content_type', 'a.content']).where('a.filename', '=', 'moete.ics').execute();
    expect(mails.map((m) => m.to_address)).toEqual(expect.arrayContaining([f.mother.email, f.father.email, names.henrikEmail]));
    for (const mail of mails) {
      const ics = Buffer.from(mail.content).toString('utf8');
      expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
      expect(ics).toContain(`LOCATION:${names.school}`);
      expect(`${mail.subject} ${mail.body_text} ${ics}`).not.toContain('Sindre');
      expect(`${mail.subject} ${mail.body_text} ${ics}`).not.toContain(f.surname);
    }
    // The family sees the meeting on Min side.
    expect((await f.mother.client.get(`/api/people/${f.childId}/meetings`)).json().meetings).toEqual([expect.objectContaining({ id: meetingId, teamName: team.name })]);
  });

  it('refuses an action item without an owner or a deadline, and closing without an action plan', async () => {
    const { meetingId } = await scheduled();
    const { version } = (await tone.get(`/api/meetings/${meetingId}`)).json();
    const bad = await tone.put(`/api/meetings/${meetingId}/minutes`, { version, actionItems: [{ what: 'Kartlegge lesing' }] });
    expect(fields(bad)).toEqual([
      { field: 'actionItems.0.ownerStaffId', message: 'Hvert punkt i handlingsplanen må ha en ansvarlig.' },
      { field: 'actionItems.0.dueOn', message: 'Hvert punkt i handlingsplanen må ha en frist.' },
    ]);
    const close = await tone.post(`/api/meetings/${meetingId}/close`);
    expect(fields(close)).toEqual([{ field: 'actionItems', message: 'Møtet kan ikke avsluttes uten en handlingsplan.' }]);
    expect((await tone.get(`/api/meetings/${meetingId}`)).json().status).toBe('scheduled');
  });

  it('records who actually came with the minutes, and refuses attendance for someone not invited', async () => {
    const f = await scheduled();
    const { meetingId } = f;
    const meeting = (await tone.get(`/api/meetings/${meetingId}`)).json();
    const participant = (personId: string) => meeting.participants.find((p: { personId: string | null }) => p.personId === personId).id as string;
    const other = (await t.database.db.selectFrom('meeting_participant').select('id').where('meeting_id', '<>', meetingId).executeTakeFirst())?.id ?? '00000000-0000-4000-8000-000000000000';
    const bad = await tone.put(`/api/meetings/${meetingId}/minutes`, { version: meeting.version, attendance: [{ participantId: other, attendance: 'present' }] });
    expect(fields(bad)).toEqual([{ field: 'attendance.0.participantId', message: 'Personen er ikke invitert til dette møtet.' }]);
    const saved = await tone.put(`/api/meetings/${meetingId}/minutes`, {
      version: meeting.version, attendance: [{ participantId: participant(f.mother.id), attendance: 'present' }, { participantId: participant(f.father.id), attendance: 'apologies' }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = (await tone.get(`/api/meetings/${meetingId}`)).json();
    const family = after.participants.filter((p: { personId: string | null }) => p.personId).map((p: { personId: string; attendance: string | null }) => [p.personId, p.attendance]);
    expect(Object.fromEntries(family)).toEqual({ [f.mother.id]: 'present', [f.father.id]: 'apologies' });
    // Those not named stay unrecorded.
    expect(after.participants.filter((p: { staffId: string | null }) => p.staffId).every((p: { attendance: string | null }) => p.attendance === null)).toBe(true);
  });

  it('closes with minutes and a three-item plan, which become relay-log entries and reach every participant', { tags: ['calendar'] }, async () => {
    const f = await scheduled();
    const { meetingId } = f;
    const { version } = (await tone.get(`/api/meetings/${meetingId}`)).json();
    const saved = await tone.put(`/api/meetings/${meetingId}/minutes`, {
      version, category: 'development', background: 'Uro i timene siden høsten.', childView: 'Han synes lesing er kjedelig.', familyView: 'Foreldrene ser det samme hjemme.',
      assessments: 'Skolen og PPT vurderer lesevansker.', decisions: 'Kartlegging og tett oppfølging.',
      actionItems: [
        { what: PLAN[0], ownerStaffId: ids.henrik, dueOn: plusDays(14) },
        { what: PLAN[1], ownerStaffId: ids.tone, dueOn: plusDays(21) },
        { what: PLAN[2], ownerStaffId: ids.henrik, dueOn: plusDays(30) },
      ],
    });
    expect(saved.statusCode).toBe(200);
    // At the meeting both parents consent to collaboration in the relay log at the school: closing
    // writes the minutes into the log only as far as that consent lets the one closing write it.
    const school = await t.database.db.selectFrom('staff_user').select('service_unit_id').where('id', '=', ids.tone).executeTakeFirstOrThrow();
    const consent = await henrik.post(`/api/people/${f.childId}/consents`, {
      method: 'paper', giverIds: [f.mother.id, f.father.id], purposes: ['collaboration'], categories: ['development'], recipientUnitIds: [school.service_unit_id],
      validFrom: today, validTo: plusDays(300), childView: 'Han vil ha hjelp med lesing.',
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const minutesNotices = async () => (await t.database.db.selectFrom('notification').select(sql<number>`count(*)::int`.as('n')).where('kind', '=', 'meeting.minutes').executeTakeFirstOrThrow()).n;
    const noticesBefore = await minutesNotices();
    expect((await tone.post(`/api/meetings/${meetingId}/close`)).json()).toEqual({ status: 'closed', entries: 4, inRelayLog: true });
    const participants = await t.database.db.selectFrom('meeting_participant').select('copy_sent_at').where('meeting_id', '=', meetingId).execute();
    expect(participants.every((p) => p.copy_sent_at !== null)).toBe(true);
    expect((await minutesNotices()) - noticesBefore).toBe(participants.length);
    const pdf = await f.mother.client.get(`/api/meetings/${meetingId}/minutes.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const caseId = (await t.database.db.selectFrom('referral').select('case_id').where('id', '=', f.referralId).executeTakeFirstOrThrow()).case_id!;
    const entries = await t.database.db.selectFrom('relay_log_entry').select(['kind', 'title']).where('case_id', '=', caseId).orderBy('written_at').execute();
    expect(entries.map((e) => `${e.kind}:${e.title}`)).toEqual(expect.arrayContaining([
      expect.stringMatching(new RegExp(`^decision:Referat fra møte i ${team.name}`)), ...PLAN.map((what) => `agreement:${what}`),
    ]));
    expect((await nurse.get(`/api/meetings/${meetingId}`)).statusCode).toBe(403);
  });
});

describe('follow-up', () => {
  it('puts items on the owner\'s task list, flags and reminds an overdue one', { tags: ['calendar'] }, async () => {
    const f = await closed();
    await t.database.db.updateTable('action_item').set({ due_on: plusDays(-1) }).where('meeting_id', '=', f.meetingId).where('position', '=', 1).execute();
    const tasks = (await henrik.get('/api/tasks/action-items')).json().actionItems;
    expect(tasks).toEqual(expect.arrayContaining([
      expect.objectContaining({ what: PLAN[0], overdue: true, person: { id: f.childId, name: f.childName } }),
      expect.objectContaining({ what: PLAN[2], overdue: false, person: { id: f.childId, name: f.childName } }),
    ]));
    await sendCaseReminders(t.database.db, testClock.now());
    await sendCaseReminders(t.database.db, testClock.now());
    // Reminders about this meeting's items (another test here moves the clock past other plans' deadlines).
    const items = await t.database.db.selectFrom('action_item').select('id').where('meeting_id', '=', f.meetingId).execute();
    const reminders = await t.database.db.selectFrom('notification').select('staff_user_id').where('kind', '=', 'actionItem.overdue')
      .where((eb) => eb.or(items.map((i) => eb('dedupe_key', 'like', `actionItem.overdue:${i.id}:%`)))).execute();
    expect(reminders).toEqual([{ staff_user_id: ids.henrik }]);
  });

  it('reviews the plan at the next meeting: done, or not done and why', { tags: ['calendar'] }, async () => {
    const f = await closed();
    const next = await tone.post(`/api/referrals/${f.referralId}/meetings`, { startsAt: `${plusDays(40)}T12:00:00+01:00`, staffIds: [ids.henrik], personIds: [f.mother.id] });
    const nextId = next.json().id;
    const toReview = (await tone.get(`/api/meetings/${nextId}`)).json().toReview;
    expect(toReview.map((i: { what: string }) => i.what)).toEqual(PLAN);
    const [first, second] = toReview;
    expect(fields(await tone.post(`/api/meetings/${nextId}/review`, { items: [{ id: second.id, status: 'not_done' }] }))).toEqual([
      { field: 'items.0.note', message: 'Skriv hvorfor punktet ikke er gjort.' },
    ]);
    expect((await tone.post(`/api/meetings/${nextId}/review`, { items: [{ id: first.id, status: 'done' }, { id: second.id, status: 'not_done', note: 'Helsesykepleier var syk.' }] })).statusCode).toBe(200);
    const after = (await tone.get(`/api/meetings/${nextId}`)).json().toReview;
    expect(after.map((i: { status: string; reviewNote: string | null }) => [i.status, i.reviewNote])).toEqual([['done', null], ['not_done', 'Helsesykepleier var syk.'], ['open', null]]);
  });
});

describe('action-plan items the family owns', () => {
  const item = async (itemId: string) => t.database.db.selectFrom('action_item').select(['status', 'done_on', 'owner_person_id', 'owner_staff_id']).where('id', '=', itemId).executeTakeFirstOrThrow();
  /** A closed meeting whose plan gives the mother an item: its id. */
  async function familyItem() {
    const f = await scheduled();
    const { version } = (await tone.get(`/api/meetings/${f.meetingId}`)).json();
    expectStatus(await tone.put(`/api/meetings/${f.meetingId}/minutes`, {
      version, actionItems: [{ what: 'Søke om fritidskort', ownerPersonId: f.mother.id, dueOn: plusDays(70) }, { what: 'Ny kartlegging av lesing', ownerStaffId: ids.henrik, dueOn: plusDays(80) }],
    }), 200);
    expectStatus(await tone.post(`/api/meetings/${f.meetingId}/close`), 200);
    const itemId = (await tone.get(`/api/meetings/${f.meetingId}`)).json().actionItems[0].id as string;
    return { ...f, itemId };
  }

  it('gives an item to a guardian taking part, never to someone not in the meeting or to two owners', async () => {
    const f = await scheduled();
    const id = f.meetingId;
    const { version } = (await tone.get(`/api/meetings/${id}`)).json();
    const before = await count('action_item');
    expect(fields(await tone.put(`/api/meetings/${id}/minutes`, { version, actionItems: [{ what: 'Søke om fritidskort', ownerPersonId: f.childId, dueOn: plusDays(70) }] })))
      .toEqual([{ field: 'actionItems.0.ownerPersonId', message: 'Et punkt familien skal gjøre, må gis til en forelder eller ungdommen som er med i møtet.' }]);
    expect(fields(await tone.put(`/api/meetings/${id}/minutes`, { version, actionItems: [{ what: 'Søke om fritidskort', ownerPersonId: f.mother.id, ownerStaffId: ids.henrik, dueOn: plusDays(70) }] })))
      .toEqual([{ field: 'actionItems.0.ownerPersonId', message: 'Et punkt i handlingsplanen har én ansvarlig: en fagperson eller en i familien.' }]);
    expect(await count('action_item')).toBe(before);
    const saved = await tone.put(`/api/meetings/${id}/minutes`, {
      version, actionItems: [{ what: 'Søke om fritidskort', ownerPersonId: f.mother.id, dueOn: plusDays(70) }, { what: 'Ny kartlegging av lesing', ownerStaffId: ids.henrik, dueOn: plusDays(80) }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const meeting = (await tone.get(`/api/meetings/${id}`)).json();
    expect(meeting.actionItems.map((a: { what: string; owner: { name: string }; ownerKind: string }) => [a.what, a.owner.name, a.ownerKind]))
      .toEqual([['Søke om fritidskort', f.mother.name, 'family'], ['Ny kartlegging av lesing', names.henrik, 'staff']]);
    expect((await tone.post(`/api/meetings/${id}/close`)).statusCode).toBe(200);
    expect(await item(meeting.actionItems[0].id)).toEqual({ status: 'open', done_on: null, owner_person_id: f.mother.id, owner_staff_id: null });
  });

  it('shows the family its items on Min side; only the owner may mark hers done', async () => {
    const f = await familyItem();
    const mine = (await f.mother.client.get(`/api/people/${f.childId}/case-status`)).json().case.familyItems;
    expect(mine).toEqual([expect.objectContaining({ id: f.itemId, what: 'Søke om fritidskort', owner: f.mother.name, mine: true, status: 'open', teamName: team.name })]);
    // The other guardian sees it, as the minutes' reader, but it is not his to tick off.
    expect((await f.father.client.get(`/api/people/${f.childId}/case-status`)).json().case.familyItems).toEqual([expect.objectContaining({ id: f.itemId, mine: false })]);
    // Staff read the plan in the meeting, not here.
    expect((await henrik.get(`/api/people/${f.childId}/case-status`)).json().case.familyItems).toEqual([]);
  });

  it('reminds the owner once per deadline passed: in the app always, by e-mail only when she chose it', { tags: ['calendar'] }, async () => {
    const db = t.database.db;
    const f = await familyItem();
    const daysLater = (n: number) => new Date(testClock.now().getTime() + n * 86_400_000);
    const reminders = () => db.selectFrom('notification').select(['person_id', 'link', 'id']).where('kind', '=', 'actionItem.familyOverdue').where('dedupe_key', 'like', `%:${f.itemId}:%`).orderBy('created_at').execute();
    const mails = () => db.selectFrom('outbound_email').select(['subject', 'body_text']).where('to_address', '=', f.mother.email).where('subject', 'like', '%handlingsplanen%').execute();
    expect((await f.mother.client.put('/api/notification-settings', { emailNotifications: false })).statusCode).toBe(200);

    // Before the deadline nothing; after it, one reminder to her, from two runners at once.
    await sendCaseReminders(db, daysLater(69));
    expect(await reminders()).toEqual([]);
    await Promise.all([sendCaseReminders(db, daysLater(71)), sendCaseReminders(db, daysLater(71))]);
    await sendCaseReminders(db, daysLater(72));
    expect(await reminders()).toEqual([expect.objectContaining({ person_id: f.mother.id, link: `/min-side/${f.childId}` })]);
    expect(await mails()).toEqual([]);
    const notice = (await f.mother.client.get('/api/notifications')).json().notifications.find((n: { kind: string }) => n.kind === 'actionItem.familyOverdue');
    expect(notice.text).toBe(`Punktet «Søke om fritidskort» i handlingsplanen fra ${team.name} er ditt, og fristen var ${formatDate(plusDays(70))}. Det er ikke merket som gjort. Når det er gjort, kan du merke det på Min side.`);
    // The other guardian owns nothing here and is told nothing.
    expect((await f.father.client.get('/api/notifications')).json().notifications.filter((n: { kind: string }) => n.kind === 'actionItem.familyOverdue')).toEqual([]);

    // A new deadline is a new reminder; now she has chosen e-mail, and the mail names neither child nor item.
    await db.updateTable('action_item').set({ due_on: plusDays(90) }).where('id', '=', f.itemId).execute();
    expect((await f.mother.client.put('/api/notification-settings', { emailNotifications: true })).statusCode).toBe(200);
    await sendCaseReminders(db, daysLater(91));
    await sendCaseReminders(db, daysLater(91));
    expect(await reminders()).toHaveLength(2);
    const [mail] = await mails();
    expect(await mails()).toHaveLength(1);
    expect(mail!.subject).toBe('Nytt varsel i Sammen: Et punkt i handlingsplanen har passert fristen');
    expect(mail!.body_text).not.toContain('Sindre');
    expect(mail!.body_text).not.toContain('fritidskort');
    expect(mail!.body_text).toContain('fordi du har valgt varsler på e-post');
  });

  it('refuses the other guardian, a youth, the professionals and the anonymous, and refuses a replay; nothing changes', async () => {
    const f = await familyItem();
    const youth = await signedIn(t.app, 'ungdom.17');
    const url = `/api/action-items/${f.itemId}/done`;
    for (const who of [f.father.client, youth, henrik, nurse, tone]) expect((await who.post(url, {})).statusCode).toBe(403);
    expect((await new Client(t.app).post(url, {})).statusCode).toBe(401);
    expect(await item(f.itemId)).toMatchObject({ status: 'open', done_on: null });
    const denied = await t.database.db.selectFrom('audit_event').select('reason').where('action', '=', 'actionItem.update').where('outcome', '=', 'denied').where('entity_id', '=', f.itemId).execute();
    expect(denied.map((d) => d.reason)).toEqual(expect.arrayContaining(['not_action_item_owner']));
    expect(denied.length).toBeGreaterThanOrEqual(5);

    expect((await f.mother.client.post(url, {})).json()).toEqual({ status: 'done' });
    expect(await item(f.itemId)).toMatchObject({ status: 'done', done_on: today });
    // The same request again changes nothing.
    const replay = await f.mother.client.post(url, {});
    expect(replay.statusCode).toBe(409);
    expect(await item(f.itemId)).toMatchObject({ status: 'done', done_on: today });
    expect((await f.mother.client.get(`/api/people/${f.childId}/case-status`)).json().case.familyItems).toEqual([expect.objectContaining({ id: f.itemId, status: 'done', doneOn: today })]);
  });
});

describe('an anonymous discussion', () => {
  it('reaches the team with an age and a summary, stores no identity and needs no consent', async () => {
    const asked = await henrik.post('/api/referrals/anonymous', { teamId: team.id, ageYears: 8, summary: 'En elev som virker sliten og trist.' });
    expect(asked.statusCode).toBe(201);
    const row = await t.database.db.selectFrom('referral').selectAll().where('id', '=', asked.json().id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ person_id: null, case_id: null, basis: 'anonymous', age_years: 8 });
    const queue = (await tone.get(`/api/teams/${team.id}/intake`)).json().referrals;
    expect(queue).toEqual(expect.arrayContaining([expect.objectContaining({ id: asked.json().id, person: null, ageYears: 8, basis: 'anonymous' })]));
    // A meeting with the family needs a person: the anonymous discussion has none.
    expect((await tone.post(`/api/referrals/${asked.json().id}/accept`, {})).statusCode).toBe(200);
    expect((await tone.post(`/api/referrals/${asked.json().id}/meetings`, { startsAt: `${plusDays(3)}T12:00:00+01:00` })).statusCode).toBe(409);
  });
});
