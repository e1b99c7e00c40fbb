// Meetings about an individual plan (ansvarsgruppemøte, issue 14) through the team meetings'
// machinery: the coordinator in office calls the meeting with the family and the services working
// with the child; the minutes need the action plan; the family rates the closed meeting on Min side.
// A plan's meeting follows the plan's rule: from 18 only on the young adult's own consent. Also the
// evaluation reminders, sent once per date even when two job runners work at the same time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, signedIn, startTestApp, type TestApp } from '../support/app.ts';
import { daysFromToday, today } from '../support/clock.ts';
import { involvedChild, staffIdentity, type PersonName } from '../support/factories.ts';
import { sendPlanReminders } from '../../server/modules/plans/jobs.ts';
import { addDays } from '../../common/dates.ts';

let t: TestApp;
let teacher: Client; // fagperson.skole: involved, the relay holder; a service under the consent for the plan
let nurse: Client; // helsesykepleier: the coordinator in office
let other: Client; // fagperson.barnehage: another unit, not involved
let mother: Client; // forelder: parental responsibility
let father: Client; // forelder.uten.ansvar
let youth: Client; // ungdom: no relation to the child
let child: PersonName;
let ids: Record<'nurse' | 'teacher' | 'other' | 'mother' | 'father' | 'school', string>;
let planId: string;

const fields = (r: { json(): { error: { fields: unknown } } }) => r.json().error.fields;
const idOf = async (username: string) => (await t.database.db.selectFrom('staff_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
const personOf = async (username: string) => (await t.database.db.selectFrom('citizen_account').select('person_id').where('username', '=', username).executeTakeFirstOrThrow()).person_id;
const planMeetings = async () => (await t.database.db.selectFrom('team_meeting').select(sql<number>`count(*)::int`.as('n')).where('plan_id', '=', planId).executeTakeFirstOrThrow()).n;
const meetingsUrl = () => `/api/individual-plans/${planId}/meetings`;
const tomorrowAt = (hour: number) => `${daysFromToday(1)}T${String(hour).padStart(2, '0')}:00:00.000Z`;
const withKey = (client: Client, url: string, payload: unknown, key: string) =>
  client.app.inject({ method: 'POST', url, payload: payload as object, cookies: client.cookies, headers: { 'x-csrf-token': client.csrfToken ?? '', 'idempotency-key': key } });

/** A meeting the nurse calls with the teacher and the mother. */
async function callMeeting(hour: number) {
  const called = await nurse.post(meetingsUrl(), { startsAt: tomorrowAt(hour), staffIds: [ids.teacher], personIds: [ids.mother] });
  expect(called.statusCode, called.body).toBe(201);
  return called.json().id as string;
}

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  [teacher, nurse, other, mother, father, youth] = await Promise.all([
    signedIn(t.app, 'fagperson.skole'), signedIn(t.app, 'helsesykepleier'), signedIn(t.app, 'fagperson.barnehage'),
    signedIn(t.app, 'forelder'), signedIn(t.app, 'forelder.uten.ansvar'), signedIn(t.app, 'ungdom'),
  ]);
  const unit = await signedIn(t.app, 'koordinerende.enhet');
  child = await involvedChild(teacher, mother);
  const schoolId = (await t.database.db.selectFrom('staff_user').select('service_unit_id').where('username', '=', 'fagperson.skole').executeTakeFirstOrThrow()).service_unit_id!;
  ids = {
    nurse: await idOf('helsesykepleier'), teacher: await idOf('fagperson.skole'), other: await idOf('fagperson.barnehage'),
    mother: await personOf('forelder'), father: await personOf('forelder.uten.ansvar'), school: schoolId,
  };
  // A relay log under the mother's consent to collaborate and to the plan (the school and the health station).
  expect((await teacher.post('/api/worries', { personId: child.id, categories: ['social'], description: 'Trekker seg unna i friminuttene.', noticedOn: today() })).statusCode).toBe(201);
  const consent = await teacher.post(`/api/people/${child.id}/consents`, {
    method: 'paper', childView: 'Han vil at de voksne snakker sammen.', giverIds: [ids.mother], validFrom: today(), validTo: daysFromToday(365), purposes: ['collaboration', 'individual_plan'], categories: ['social', 'health'], recipientUnitIds: [schoolId], recipientUnitTypes: ['health_station'],
  });
  expect(consent.statusCode, consent.body).toBe(201);
  const caseId = (await teacher.get(`/api/people/${child.id}/case-status`)).json().case.id as string;
  const measure = await teacher.post(`/api/cases/${caseId}/entries`, { kind: 'measure', category: 'health', title: 'Samtaler med helsesykepleier', responsibleStaffId: ids.nurse, startsOn: today(), evaluateOn: daysFromToday(60) });
  expect(measure.statusCode, measure.body).toBe(201);
  // The mother asks, Koordinerende enhet grants and appoints the nurse, she accepts and opens the plan.
  expect((await mother.post(`/api/people/${child.id}/plan-requests`, { kind: 'plan_and_coordinator', reason: 'Mange tjenester rundt oss.' })).statusCode).toBe(201);
  const request = (await unit.get('/api/plan-requests')).json().items.find((r: { person: { id: string } }) => r.person.id === child.id);
  expect((await unit.post(`/api/plan-requests/${request.id}/decision`, { decision: 'granted', reason: 'Langvarige behov.', coordinatorStaffId: ids.nurse, version: request.version })).statusCode).toBe(200);
  const appointment = (await nurse.get(`/api/people/${child.id}/individual-plan`)).json().pendingAppointment;
  expect((await nurse.post(`/api/coordinator-assignments/${appointment.id}/answer`, { accept: true })).statusCode).toBe(200);
  const plan = await nurse.post(`/api/people/${child.id}/individual-plan`, { firstEvaluationOn: daysFromToday(30) });
  expect(plan.statusCode, plan.body).toBe(201);
  planId = plan.json().id;
});
afterAll(async () => {
  await t?.close();
});

describe('a meeting about the plan', () => {
  it('is called by the coordinator with the family and the services, shown in the plan on both sides; a replay calls it once', async () => {
    const before = await planMeetings();
    const body = { startsAt: tomorrowAt(8), staffIds: [ids.teacher], personIds: [ids.mother] };
    const called = await withKey(nurse, meetingsUrl(), body, 'plan-meeting-once');
    expect(called.statusCode, called.body).toBe(201);
    // The coordinator chairs it, at their own unit unless a place is given.
    const { unitName } = await staffIdentity(t.database.db, nurse);
    expect(called.json()).toEqual({ id: expect.any(String), chairStaffId: ids.nurse, place: unitName });
    expect((await withKey(nurse, meetingsUrl(), body, 'plan-meeting-once')).json().id).toBe(called.json().id);
    expect(await planMeetings()).toBe(before + 1);

    const meetingId = called.json().id as string;
    expect((await nurse.get(`/api/people/${child.id}/individual-plan`)).json().plan.meetings).toContainEqual({ id: meetingId, startsAt: body.startsAt, place: unitName, status: 'scheduled' });
    expect((await mother.get(`/api/people/${child.id}/individual-plan`)).json().plan.meetings.map((m: { id: string }) => m.id)).toContain(meetingId);
    expect(JSON.stringify((await mother.get('/api/notifications')).json())).toContain('Du er invitert til møte i ansvarsgruppen for individuell plan');
    const meeting = (await teacher.get(`/api/meetings/${meetingId}`)).json();
    expect(meeting).toMatchObject({ team: null, planId, person: { id: child.id } });
    expect(meeting.participants.map((p: { role: string; name: string }) => p.role).sort()).toEqual(['chair', 'guardian', 'professional']);
  });

  it('offers the coordinator the family to invite, and nobody else that form', async () => {
    const family = (await nurse.get(`/api/people/${child.id}/individual-plan`)).json();
    expect(family.abilities.scheduleMeeting).toBe(true);
    expect(family.family.map((f: { id: string; role: string }) => [f.id, f.role])).toEqual(expect.arrayContaining([[ids.mother, 'guardian'], [child.id, 'youth']]));
    expect(family.family.map((f: { id: string }) => f.id)).not.toContain(ids.father);
    const teachers = (await teacher.get(`/api/people/${child.id}/individual-plan`)).json();
    expect(teachers).toMatchObject({ family: [], abilities: { scheduleMeeting: false } });
  });

  it('is refused to a service that is not the coordinator, another unit\'s colleague, a guardian, a youth and the anonymous; audited, nothing stored', async () => {
    const denials = async () => (await t.database.db.selectFrom('audit_event').select('reason').where('action', '=', 'planMeeting.schedule').where('outcome', '=', 'denied').where('subject_id', '=', child.id).orderBy('occurred_at').execute()).map((d) => d.reason);
    const [before, deniedBefore] = [await planMeetings(), await denials()];
    const body = { startsAt: tomorrowAt(9), personIds: [ids.mother] };
    expect((await teacher.post(meetingsUrl(), body)).statusCode).toBe(403);
    expect((await other.post(meetingsUrl(), body)).statusCode).toBe(403);
    expect((await mother.post(meetingsUrl(), body)).statusCode).toBe(403);
    expect((await youth.post(meetingsUrl(), body)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: meetingsUrl(), payload: body })).statusCode).toBe(401);
    expect(await planMeetings()).toBe(before);
    // The teacher works with the child and the kindergarten's colleague is a case worker too: neither is the coordinator.
    expect((await denials()).slice(deniedBefore.length)).toEqual(['not_coordinator', 'not_coordinator']);
  });

  it('refuses a father without parental responsibility, a professional not working with the child, and a time in the past, in the user\'s language; nothing stored', async () => {
    const before = await planMeetings();
    expect(fields(await nurse.post(meetingsUrl(), { startsAt: tomorrowAt(9), personIds: [ids.father] }))).toEqual([{ field: 'personIds.0', message: expect.any(String) }]);
    expect(fields(await nurse.post(meetingsUrl(), { startsAt: tomorrowAt(9), staffIds: [ids.other] }))).toEqual([{ field: 'staffIds.0', message: expect.any(String) }]);
    const past = await nurse.post(meetingsUrl(), { startsAt: `${daysFromToday(-2)}T09:00:00.000Z` });
    expect(fields(past)).toEqual([{ field: 'startsAt', message: expect.any(String) }]);
    expect(await planMeetings()).toBe(before);
  });

  it('closes only with an action plan, at the version read; the mother then rates it on Min side, the father may not', async () => {
    const meetingId = await callMeeting(12);
    const url = `/api/meetings/${meetingId}`;
    const { version } = (await nurse.get(url)).json();
    expect((await nurse.post(`${url}/close`, {})).statusCode).toBe(400);
    expect((await teacher.put(`${url}/minutes`, { version, decisions: 'Vi fortsetter.', actionItems: [] })).statusCode).toBe(403);
    const minutes = { version, category: 'social', decisions: 'Skolen og helsestasjonen samarbeider om friminuttene.', actionItems: [{ what: 'Lage en plan for friminuttene', ownerStaffId: ids.teacher, dueOn: daysFromToday(14) }] };
    expect((await nurse.put(`${url}/minutes`, { ...minutes, version: version + 1 })).statusCode).toBe(409);
    expect((await nurse.put(`${url}/minutes`, minutes)).statusCode).toBe(200);
    const closed = await nurse.post(`${url}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', inRelayLog: true });

    const state = await mother.get(`${url}/rating`);
    expect(state.json()).toMatchObject({ meeting: { id: meetingId, teamName: 'ansvarsgruppen for individuell plan' }, rating: null });
    expect((await father.post(`${url}/rating`, { feltHeard: 2, useful: 2 })).statusCode).toBe(403);
    expect((await mother.post(`${url}/rating`, { feltHeard: 5, useful: 4 })).statusCode).toBe(201);
    expect((await mother.get('/api/meeting-ratings')).json().meetings).toContainEqual(expect.objectContaining({ id: meetingId, teamName: 'ansvarsgruppen for individuell plan', rating: expect.objectContaining({ feltHeard: 5 }) }));
    // The action item is the teacher's task, named by the plan's meeting.
    expect(JSON.stringify((await teacher.get('/api/tasks/action-items')).json())).toContain('Lage en plan for friminuttene');
  });

  it('follows the plan\'s rule from 18: a participant reads it only on the young adult\'s own consent', async () => {
    const meetingId = await callMeeting(14);
    const db = t.database.db;
    const { birth_date: born } = await db.selectFrom('person').select('birth_date').where('id', '=', child.id).executeTakeFirstOrThrow();
    await db.updateTable('person').set({ birth_date: addDays(`${Number(today().slice(0, 4)) - 18}${today().slice(4)}`, -10) }).where('id', '=', child.id).execute();
    try {
      const refused = await teacher.get(`/api/meetings/${meetingId}`);
      expect(refused.statusCode).toBe(403);
      expect((await nurse.post(meetingsUrl(), { startsAt: tomorrowAt(15) })).statusCode).toBe(403);
      const denied = await db.selectFrom('audit_event').select('reason').where('subject_id', '=', child.id).where('reason', '=', 'adult_own_consent_required').where('action', 'in', ['meeting.read', 'planMeeting.schedule']).execute();
      expect(denied.length).toBeGreaterThanOrEqual(2);
      const own = await teacher.post(`/api/people/${child.id}/consents`, {
        method: 'paper', giverIds: [child.id], validFrom: today(), validTo: daysFromToday(365), purposes: ['individual_plan'], categories: ['social', 'health'], recipientUnitIds: [ids.school], recipientUnitTypes: ['health_station'],
      });
      expect(own.statusCode, own.body).toBe(201);
      expect((await teacher.get(`/api/meetings/${meetingId}`)).statusCode).toBe(200);
    } finally {
      await db.updateTable('person').set({ birth_date: born }).where('id', '=', child.id).execute();
    }
  });
});

describe('evaluation reminders', () => {
  it('go to the coordinator once per evaluation date, even with two job runners at once', async () => {
    const evaluation = await t.database.db.selectFrom('plan_evaluation').select('id').where('plan_id', '=', planId).executeTakeFirstOrThrow();
    const due = new Date(Date.parse(`${daysFromToday(25)}T09:00:00Z`));
    await Promise.all([sendPlanReminders(t.database.db, due), sendPlanReminders(t.database.db, due)]);
    expect(await sendPlanReminders(t.database.db, due)).toBe(0);
    const sent = await t.database.db.selectFrom('notification').select('staff_user_id').where('dedupe_key', 'like', `plan.evaluationDue:${evaluation.id}:%`).execute();
    expect(sent).toEqual([{ staff_user_id: ids.nurse }]);
    expect(JSON.stringify((await nurse.get('/api/notifications')).json())).toContain('Den individuelle planen skal evalueres');
  });
});

describe('evaluation reminders to the family', () => {
  it('reach the mother with parental responsibility in the app and, as she chose, by an e-mail naming neither child nor plan; not the father without it', async () => {
    const db = t.database.db;
    const { plan } = (await nurse.get(`/api/people/${child.id}/individual-plan`)).json();
    const dueOn = daysFromToday(40);
    expect((await nurse.post(`/api/individual-plans/${planId}/evaluations`, { dueOn, version: plan.version })).statusCode).toBe(200);
    const evaluation = await db.selectFrom('plan_evaluation').select('id').where('plan_id', '=', planId).where('due_on', '=', dueOn).executeTakeFirstOrThrow();
    const account = await db.selectFrom('citizen_account').select(['id', 'email_notifications']).where('person_id', '=', ids.mother).executeTakeFirstOrThrow();
    const { email } = await db.selectFrom('person').select('email').where('id', '=', ids.mother).executeTakeFirstOrThrow();
    await db.updateTable('citizen_account').set({ email_notifications: true }).where('id', '=', account.id).execute();
    await db.updateTable('person').set({ email: email ?? 'mor@example.test' }).where('id', '=', ids.mother).execute();
    try {
      const at = new Date(Date.parse(`${daysFromToday(35)}T09:00:00Z`));
      await Promise.all([sendPlanReminders(db, at), sendPlanReminders(db, at)]);
      const family = await db.selectFrom('notification').select(['person_id', 'id']).where('dedupe_key', 'like', `plan.familyEvaluationDue:${evaluation.id}:%`).execute();
      expect(family.map((n) => n.person_id)).toEqual([ids.mother]);
      const shown = JSON.stringify((await mother.get('/api/notifications')).json());
      expect(shown).toContain('Den individuelle planen skal evalueres');
      expect(JSON.stringify((await father.get('/api/notifications')).json())).not.toContain('skal evalueres');
      const mails = await db.selectFrom('outbound_email').select(['subject', 'body_text']).where('notification_id', '=', family[0]!.id).execute();
      expect(mails).toHaveLength(1);
      const mail = `${mails[0]!.subject}\n${mails[0]!.body_text}`;
      expect(mail).toContain('En evaluering nærmer seg');
      expect(mail).not.toContain(child.givenName);
      expect(mail.toLowerCase()).not.toContain('plan');
    } finally {
      await db.updateTable('citizen_account').set({ email_notifications: account.email_notifications }).where('id', '=', account.id).execute();
      await db.updateTable('person').set({ email }).where('id', '=', ids.mother).execute();
    }
  });

  it('reach the mother in the app only when she did not choose e-mail', async () => {
    const db = t.database.db;
    const { plan } = (await nurse.get(`/api/people/${child.id}/individual-plan`)).json();
    const dueOn = daysFromToday(90);
    expect((await nurse.post(`/api/individual-plans/${planId}/evaluations`, { dueOn, version: plan.version })).statusCode).toBe(200);
    const evaluation = await db.selectFrom('plan_evaluation').select('id').where('plan_id', '=', planId).where('due_on', '=', dueOn).executeTakeFirstOrThrow();
    await db.updateTable('citizen_account').set({ email_notifications: false }).where('person_id', '=', ids.mother).execute();
    await sendPlanReminders(db, new Date(Date.parse(`${daysFromToday(85)}T09:00:00Z`)));
    const family = await db.selectFrom('notification').select(['person_id', 'id']).where('dedupe_key', 'like', `plan.familyEvaluationDue:${evaluation.id}:%`).execute();
    expect(family.map((n) => n.person_id)).toEqual([ids.mother]);
    expect(await db.selectFrom('outbound_email').select('id').where('notification_id', '=', family[0]!.id).execute()).toEqual([]);
  });
});

describe('goal progress of the plan\'s own goals', () => {
  it('the mother rates her own goal on Min side, the coordinator writes down a rating given in a meeting; an outsider is refused', async () => {
    const { plan } = (await mother.get(`/api/people/${child.id}/individual-plan`)).json();
    const saved = await mother.post(`/api/individual-plans/${planId}/goals`, { whose: 'family', text: 'Å komme seg på skolen hver morgen.', version: plan.version });
    expect(saved.statusCode, saved.body).toBe(200);
    const goal = (await mother.get(`/api/people/${child.id}/individual-plan`)).json().plan.goals.find((g: { text: string }) => g.text === 'Å komme seg på skolen hver morgen.');
    const url = `/api/people/${child.id}/goal-ratings`;
    expect(fields(await mother.post(url, { source: 'plan', goalKey: planId, score: 3, occasion: 'start' }))).toEqual([{ field: 'goalKey', message: expect.any(String) }]);
    expect((await other.post(url, { source: 'plan', goalKey: goal.id, score: 9, occasion: 'start', rater: 'family' })).statusCode).toBe(403);
    expect((await mother.post(url, { source: 'plan', goalKey: goal.id, score: 3, occasion: 'start' })).statusCode).toBe(201);
    expect((await nurse.post(url, { source: 'plan', goalKey: goal.id, score: 6, occasion: 'evaluation', rater: 'family' })).statusCode).toBe(201);
    for (const reader of [mother, nurse]) {
      const shown = (await reader.get(url)).json().goals.find((g: { goalKey: string }) => g.goalKey === goal.id);
      expect(shown).toMatchObject({ source: 'plan', title: 'Å komme seg på skolen hver morgen.', nextOccasion: 'evaluation' });
      expect(shown.ratings.map((r: { score: number }) => r.score)).toEqual([3, 6]);
    }
  });
});
