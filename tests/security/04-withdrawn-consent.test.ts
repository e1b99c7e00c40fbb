// Item 4: a withdrawn consent reaches everything derived from the case. A schoolboy's mother consents to
// collaboration and team discussion at his school and in PPT; the school refers him to the team on
// that consent; a meeting is held and closed, a second is under way with minutes and an action plan
// to review, a measure is given to the PPT adviser and the baton is offered to him. Then the mother
// withdraws the consent on Min side. From that moment the team member, the team leader and the
// receiver of the baton are refused every read and write that the consent opened — the meetings,
// the minutes PDF, closing, reviewing, marking an item done, accepting the baton — each refusal is
// in the audit log and nothing changes; the task list and the notification texts no longer carry
// the child's data. The family still sees their own meetings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { today as todayInOslo } from '../support/clock.ts';
import { demoFamilies, unitOf } from '../support/factories.ts';

let t: TestApp;
let henrik: Client; // fagperson.skole, the school's contact teacher: involved with the child, relay holder
let tone: Client; // teamleder: leads the primary-school team Nord, works at the school
let lars: Client; // teammedlem: PP-tjenesten, member of the team
let sofie: Client; // forelder: the child's mother, parental responsibility (the child is her older one, at school)
const ids: Record<string, string> = {};
let caseId: string;
let firstMeeting: string;
let secondMeeting: string;
let handoverId: string;
let larsItem: string;
let firstItems: string[] = [];
let inForce: { meetingStatus: number; meeting: { minutes: { childView: string } }; tasks: Awaited<ReturnType<typeof taskList>>; notifications: string };

const today = todayInOslo();
const plusDays = (n: number) => {
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
/** The child's given and family name as the database has them; the child's view says the given one. */
const child = { givenName: '', familyName: '' };
let CHILD_VIEW = '';

/** Everything a refused request could have changed. */
async function snapshot() {
  const db = t.database.db;
  const n = async (table: 'relay_log_entry' | 'team_meeting' | 'action_item' | 'relay_handover' | 'involvement' | 'notification') =>
    (await db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
  return {
    entries: await n('relay_log_entry'),
    meetings: await db.selectFrom('team_meeting').select(['id', 'status', 'version', 'background', 'child_view']).where('person_id', '=', ids.child!).orderBy('id').execute(),
    items: await db.selectFrom('action_item').select(['id', 'status', 'done_on', 'review_note', 'reviewed_in_meeting_id']).orderBy('id').execute(),
    handovers: await db.selectFrom('relay_handover').select(['id', 'status']).orderBy('id').execute(),
    holder: (await db.selectFrom('help_case').select(['relay_holder_id', 'version']).where('id', '=', caseId).executeTakeFirstOrThrow()),
    involvements: await n('involvement'),
    notifications: await n('notification'),
  };
}

async function denials(actor: string, action: string) {
  const row = await t.database.db.selectFrom('audit_event').select(sql<number>`count(*)::int`.as('n'))
    .where('actor_id', '=', actor).where('action', '=', action).where('outcome', '=', 'denied').where('subject_id', '=', ids.child!)
    .executeTakeFirstOrThrow();
  return row.n;
}

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  [henrik, tone, lars, sofie] = await Promise.all([
    signedIn(t.app, 'fagperson.skole'), signedIn(t.app, 'teamleder'), signedIn(t.app, 'teammedlem'), signedIn(t.app, 'forelder'),
  ]);
  const db = t.database.db;
  const demo = await demoFamilies(db);
  Object.assign(child, { givenName: demo.olderChild.givenName, familyName: demo.olderChild.familyName });
  CHILD_VIEW = `${child.givenName} sier at bokstavene hopper.`;
  const staff = async (u: string) => (await db.selectFrom('staff_user').select('id').where('username', '=', u).executeTakeFirstOrThrow()).id;
  Object.assign(ids, {
    child: demo.olderChild.id, sofie: demo.mother.id,
    henrik: await staff('fagperson.skole'), tone: await staff('teamleder'), lars: await staff('teammedlem'),
    // The school, found through its teacher rather than by the demo's name for it.
    school: (await unitOf(db, 'fagperson.skole')).id,
  });

  // The mother's consent: collaboration and team discussion, for the school and PPT.
  const consent = await henrik.post(`/api/people/${ids.child}/consents`, {
    method: 'paper', giverIds: [ids.sofie], purposes: ['collaboration', 'team_discussion'], categories: ['development', 'social'],
    recipientUnitIds: [ids.school], recipientUnitTypes: ['ppt'], validFrom: today, validTo: plusDays(300), childView: `${child.givenName} vil ha hjelp med lesing.`,
  });
  expect(consent.statusCode, consent.body).toBe(201);
  ids.consent = consent.json().id;

  const referral = await henrik.post(`/api/people/${ids.child}/referrals`, { reason: 'Lesevansker.', basis: 'consent' });
  expect(referral.statusCode, referral.body).toBe(201);
  const referralId = referral.json().id;
  expect((await tone.post(`/api/referrals/${referralId}/accept`, {})).statusCode).toBe(200);

  const holdMeeting = async (days: number, items: { what: string; ownerStaffId: string }[]) => {
    const scheduled = await tone.post(`/api/referrals/${referralId}/meetings`, { startsAt: `${plusDays(days)}T12:00:00+01:00`, staffIds: [ids.henrik, ids.lars], personIds: [ids.sofie] });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    const id = scheduled.json().id as string;
    const { version } = (await tone.get(`/api/meetings/${id}`)).json();
    const saved = await tone.put(`/api/meetings/${id}/minutes`, {
      version, category: 'development', background: 'Strever med lesing.', childView: CHILD_VIEW, familyView: 'Mor ser det samme hjemme.',
      assessments: 'PPT kartlegger.', decisions: 'Tett oppfølging.', actionItems: items.map((i) => ({ ...i, dueOn: plusDays(days + 14) })),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    return id;
  };
  firstMeeting = await holdMeeting(2, [{ what: 'Kartlegge lesing', ownerStaffId: ids.lars! }, { what: 'Leselekse hver dag', ownerStaffId: ids.henrik! }]);
  expect((await tone.post(`/api/meetings/${firstMeeting}/close`)).statusCode).toBe(200);
  secondMeeting = await holdMeeting(30, [{ what: 'Ny kartlegging', ownerStaffId: ids.lars! }]);
  firstItems = (await db.selectFrom('action_item').select('id').where('meeting_id', '=', firstMeeting).orderBy('position').execute()).map((r) => r.id);
  larsItem = firstItems[0]!;

  caseId = (await db.selectFrom('help_case').select('id').where('person_id', '=', ids.child!).where('closed_at', 'is', null).executeTakeFirstOrThrow()).id;
  const measure = await henrik.post(`/api/cases/${caseId}/entries`, {
    kind: 'measure', category: 'development', title: 'Lesekurs med PPT', responsibleStaffId: ids.lars, startsOn: today, evaluateOn: plusDays(20),
  });
  expect(measure.statusCode, measure.body).toBe(201);
  const handover = await henrik.post(`/api/cases/${caseId}/handovers`, { toStaffId: ids.lars, message: `Kan du ta over stafetten for ${child.givenName}?` });
  expect(handover.statusCode, handover.body).toBe(201);
  handoverId = handover.json().id;
  // What the team member is shown while the consent is in force, read here because a describe
  // below withdraws it and the tests may run in any order.
  const meeting = await lars.get(`/api/meetings/${firstMeeting}`);
  inForce = { meetingStatus: meeting.statusCode, meeting: meeting.json(), tasks: await taskList(lars), notifications: (await lars.get('/api/notifications')).body };
});
afterAll(async () => {
  await t?.close();
});

/** The task list's three sections, each its first page, as the task page loads them. */
async function taskList(client: Client): Promise<{ handovers: { id: string }[]; measures: unknown[]; actionItems: unknown[] }> {
  const section = async (path: string) => {
    const response = await client.get(`/api/tasks/${path}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };
  const [handovers, measures, actionItems] = await Promise.all([section('handovers'), section('measures'), section('action-items')]);
  return { handovers: handovers.handovers, measures: measures.measures, actionItems: actionItems.actionItems };
}

describe('while the consent is in force', () => {
  it('opens the meetings, the task list and the notifications to the team member', () => {
    expect(inForce.meetingStatus).toBe(200);
    expect(inForce.meeting.minutes.childView).toBe(CHILD_VIEW);
    expect(inForce.tasks.handovers.map((h) => h.id)).toEqual([handoverId]);
    expect(JSON.stringify(inForce.tasks)).toContain(child.givenName);
    expect(inForce.notifications).toContain(child.givenName);
  });
});

describe('after the mother withdraws the consent on Min side', () => {
  let before: Awaited<ReturnType<typeof snapshot>>;

  beforeAll(async () => {
    const withdrawn = await sofie.post(`/api/consents/${ids.consent}/withdraw`, { note: 'Vi ønsker ikke mer drøfting.' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    before = await snapshot();
  });

  it('refuses the team member the meetings and the minutes PDF', async () => {
    const denied = await denials(ids.lars!, 'meeting.read');
    for (const id of [firstMeeting, secondMeeting]) {
      const meeting = await lars.get(`/api/meetings/${id}`);
      expect(meeting.statusCode).toBe(403);
      expect(meeting.body).not.toContain(CHILD_VIEW);
    }
    const pdf = await lars.get(`/api/meetings/${firstMeeting}/minutes.pdf`);
    expect(pdf.statusCode).toBe(403);
    expect(pdf.headers['content-type']).not.toContain('application/pdf');
    expect(await denials(ids.lars!, 'meeting.read')).toBe(denied + 3);
  });

  it('refuses the team leader reading, writing, reviewing and closing: nothing reaches the relay log', async () => {
    const denied = await denials(ids.tone!, 'meeting.write');
    expect((await tone.get(`/api/meetings/${secondMeeting}`)).statusCode).toBe(403);
    expect((await tone.put(`/api/meetings/${secondMeeting}/minutes`, { version: before.meetings.find((m) => m.id === secondMeeting)!.version, category: 'development', background: 'Endret', actionItems: [] })).statusCode).toBe(403);
    expect((await tone.post(`/api/meetings/${secondMeeting}/review`, { items: [{ id: firstItems[1], status: 'done' }] })).statusCode).toBe(403);
    expect((await tone.post(`/api/meetings/${secondMeeting}/close`)).statusCode).toBe(403);
    expect(await denials(ids.tone!, 'meeting.write')).toBe(denied + 3);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses the owner marking an action item done', async () => {
    const denied = await denials(ids.lars!, 'actionItem.update');
    expect((await lars.post(`/api/action-items/${larsItem}/done`)).statusCode).toBe(403);
    expect(await denials(ids.lars!, 'actionItem.update')).toBe(denied + 1);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses the baton to a receiver the consent no longer covers', async () => {
    const denied = await denials(ids.lars!, 'handover.answer');
    expect((await lars.post(`/api/handovers/${handoverId}/accept`, {})).statusCode).toBe(403);
    expect(await denials(ids.lars!, 'handover.answer')).toBe(denied + 1);
    expect(await snapshot()).toEqual(before);
    expect(before.holder.relay_holder_id).toBe(ids.henrik);
  });

  it('takes the child out of the task list', async () => {
    const tasks = await taskList(lars);
    expect(tasks).toMatchObject({ handovers: [], measures: [], actionItems: [] });
    expect(JSON.stringify(tasks)).not.toMatch(new RegExp(`${child.givenName}|Kartlegge lesing|Lesekurs med PPT`));
  });

  it('takes the child out of the notification texts', async () => {
    const list = await lars.get('/api/notifications');
    expect(list.statusCode).toBe(200);
    expect(list.json().notifications.length).toBeGreaterThan(0);
    expect(list.body).not.toMatch(new RegExp(`${child.givenName}|${child.familyName}`));
    for (const n of list.json().notifications) expect(n.subjectPersonId).toBeNull();
  });

  it('refuses another unit, a guardian without parental responsibility, a youth and an anonymous caller, and audits each', async () => {
    const nurse = await signedIn(t.app, 'helsesykepleier');
    const martin = await signedIn(t.app, 'forelder.uten.ansvar');
    const sander = await signedIn(t.app, 'ungdom');
    const refusals = async () => (await t.database.db.selectFrom('audit_event').select(sql<number>`count(*)::int`.as('n')).where('outcome', '=', 'denied')
      .where('entity_id', 'in', [firstMeeting, handoverId, larsItem]).where('actor_kind', '<>', 'anonymous').executeTakeFirstOrThrow()).n;
    const refusedBefore = await refusals();
    for (const client of [nurse, martin, sander]) {
      expect((await client.get(`/api/meetings/${firstMeeting}`)).statusCode).toBe(403);
      expect((await client.get(`/api/meetings/${firstMeeting}/minutes.pdf`)).statusCode).toBe(403);
    }
    expect((await nurse.post(`/api/handovers/${handoverId}/accept`, {})).statusCode).toBe(403);
    expect((await nurse.post(`/api/action-items/${larsItem}/done`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/meetings/${firstMeeting}` })).statusCode).toBe(401);
    expect(await refusals()).toBe(refusedBefore + 8);
    expect(await snapshot()).toEqual(before);
  });

  it('still shows the family their own meeting and its minutes', async () => {
    const meeting = await sofie.get(`/api/meetings/${firstMeeting}`);
    expect(meeting.statusCode).toBe(200);
    expect(meeting.json().minutes.childView).toBe(CHILD_VIEW);
    const pdf = await sofie.get(`/api/meetings/${firstMeeting}/minutes.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });
});
