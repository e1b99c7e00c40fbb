// After-care (ettervern, decision 0037): child welfare records a young adult's after-care within the
// law's age limit; it shows with the plan; before it ends Koordinerende enhet is told once (several
// job runners, the boundary dates on the Oslo calendar) and appoints a coordinator in adult services,
// who accepts before the current one leaves office, with nothing of the plan dropped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, signedIn, startTestApp, type TestApp } from '../support/app.ts';
import { daysFromToday, today } from '../support/clock.ts';
import { involvedChild, type PersonName } from '../support/factories.ts';
import { AFTER_CARE_NOTICE_DAYS, sendAfterCareNotices, sendPlanReminders } from '../../server/modules/plans/jobs.ts';
import { AFTER_CARE_AGE_LIMIT } from '../../common/plans.ts';
import { addDays, subtractYears } from '../../common/dates.ts';

let t: TestApp;
let teacher: Client; // fagperson.skole: involved, the relay holder
let nurse: Client; // helsesykepleier: the coordinator in office
let cw: Client; // barnevern.mottak: child welfare of the municipality
let unit: Client; // koordinerende.enhet
let other: Client; // fagperson.barnehage: another unit, not involved
let father: Client; // forelder.uten.ansvar
let youth: Client; // ungdom: no relation
let nav: Client; // nav.veileder: adult services
let adult: PersonName;
let birthDate: string;
let ids: Record<'nurse' | 'nav', string>;
let planId: string;

const idOf = async (username: string) => (await t.database.db.selectFrom('staff_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
const periods = async () => (await t.database.db.selectFrom('after_care').select(sql<number>`count(*)::int`.as('n')).where('person_id', '=', adult.id).executeTakeFirstOrThrow()).n;
const refusals = async (action: string) => (await t.database.db.selectFrom('audit_event').select(sql<number>`count(*)::int`.as('n')).where('action', '=', action).where('outcome', '=', 'denied').executeTakeFirstOrThrow()).n;
const url = () => `/api/people/${adult.id}/after-care`;
const withKey = (client: Client, path: string, payload: unknown, key: string) =>
  client.app.inject({ method: 'POST', url: path, payload: payload as object, cookies: client.cookies, headers: { 'x-csrf-token': client.csrfToken ?? '', 'idempotency-key': key } });
/** The young adult's birthday in a given year of age. */
const birthday = (age: number) => `${Number(birthDate.slice(0, 4)) + age}${birthDate.slice(4)}`;
const firstPeriod = () => ({ startsOn: birthday(18), endsOn: daysFromToday(200) });

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  const mother = await signedIn(t.app, 'forelder');
  [teacher, nurse, cw, unit, other, father, youth, nav] = await Promise.all([
    signedIn(t.app, 'fagperson.skole'), signedIn(t.app, 'helsesykepleier'), signedIn(t.app, 'barnevern.mottak'), signedIn(t.app, 'koordinerende.enhet'),
    signedIn(t.app, 'fagperson.barnehage'), signedIn(t.app, 'forelder.uten.ansvar'), signedIn(t.app, 'ungdom'), signedIn(t.app, 'nav.veileder'),
  ]);
  adult = await involvedChild(teacher, mother);
  const schoolId = (await t.database.db.selectFrom('staff_user').select('service_unit_id').where('username', '=', 'fagperson.skole').executeTakeFirstOrThrow()).service_unit_id!;
  ids = { nurse: await idOf('helsesykepleier'), nav: await idOf('nav.veileder') };
  const motherId = (await t.database.db.selectFrom('citizen_account').select('person_id').where('username', '=', 'forelder').executeTakeFirstOrThrow()).person_id;
  expect((await teacher.post('/api/worries', { personId: adult.id, categories: ['social'], description: 'Trekker seg unna.', noticedOn: today() })).statusCode).toBe(201);
  const consent = await teacher.post(`/api/people/${adult.id}/consents`, {
    method: 'paper', childView: 'Han vil at de voksne snakker sammen.', giverIds: [motherId], validFrom: today(), validTo: daysFromToday(365), purposes: ['collaboration', 'individual_plan'], categories: ['social', 'health'], recipientUnitIds: [schoolId], recipientUnitTypes: ['health_station'],
  });
  expect(consent.statusCode, consent.body).toBe(201);
  const caseId = (await teacher.get(`/api/people/${adult.id}/case-status`)).json().case.id as string;
  // A measure the nurse is responsible for makes her one of those working with the child.
  const measure = await teacher.post(`/api/cases/${caseId}/entries`, { kind: 'measure', category: 'health', title: 'Samtaler med helsesykepleier', responsibleStaffId: ids.nurse, startsOn: today(), evaluateOn: daysFromToday(60) });
  expect(measure.statusCode, measure.body).toBe(201);
  expect((await mother.post(`/api/people/${adult.id}/plan-requests`, { kind: 'plan_and_coordinator', reason: 'Mange tjenester.' })).statusCode).toBe(201);
  const request = (await unit.get('/api/plan-requests')).json().items.find((r: { person: { id: string } }) => r.person.id === adult.id);
  expect((await unit.post(`/api/plan-requests/${request.id}/decision`, { decision: 'granted', reason: 'Langvarige behov.', coordinatorStaffId: ids.nurse, version: request.version })).statusCode).toBe(200);
  const appointment = (await nurse.get(`/api/people/${adult.id}/individual-plan`)).json().pendingAppointment;
  expect((await nurse.post(`/api/coordinator-assignments/${appointment.id}/answer`, { accept: true })).statusCode).toBe(200);
  const plan = await nurse.post(`/api/people/${adult.id}/individual-plan`, {});
  expect(plan.statusCode, plan.body).toBe(201);
  planId = plan.json().id;
  // Years later: a young adult of 21 whose plan goes on under their own consent.
  birthDate = addDays(subtractYears(today(), 21), -40);
  await t.database.db.updateTable('person').set({ birth_date: birthDate }).where('id', '=', adult.id).execute();
  const own = await teacher.post(`/api/people/${adult.id}/consents`, {
    method: 'paper', giverIds: [adult.id], validFrom: today(), validTo: daysFromToday(365 * 3), purposes: ['individual_plan'], categories: ['social', 'health'], recipientUnitIds: [schoolId], recipientUnitTypes: ['health_station', 'nav'],
  });
  expect(own.statusCode, own.body).toBe(201);
  const recorded = await withKey(cw, url(), firstPeriod(), 'after-care-1');
  expect(recorded.statusCode, recorded.body).toBe(201);
});
afterAll(async () => {
  await t?.close();
});

describe('child welfare records after-care', () => {
  it('shows it with the plan to the coordinator; a replay records it once', async () => {
    const [recorded] = (await cw.get(url())).json().items;
    const again = await withKey(cw, url(), firstPeriod(), 'after-care-1');
    expect(again.json().id).toBe(recorded.id);
    expect(await periods()).toBe(1);
    const { plan } = (await nurse.get(`/api/people/${adult.id}/individual-plan`)).json();
    expect(plan.afterCare).toEqual([expect.objectContaining({ id: recorded.id, startsOn: birthday(18) })]);
  });

  it('refuses dates outside the law\'s age limit, an end before the start and an overlap, in the user\'s language; nothing is recorded', { tags: ['calendar'] }, async () => {
    const before = await periods();
    const tooLate = await cw.post(url(), { startsOn: birthday(23), endsOn: birthday(AFTER_CARE_AGE_LIMIT) });
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.json().error.fields).toEqual([{ field: 'endsOn', message: expect.stringContaining(String(AFTER_CARE_AGE_LIMIT)) }]);
    const tooEarly = await cw.post(url(), { startsOn: addDays(birthday(18), -1), endsOn: birthday(18) });
    expect(tooEarly.json().error.fields).toEqual([{ field: 'startsOn', message: expect.stringContaining('18') }]);
    const backwards = await cw.post(url(), { startsOn: birthday(23), endsOn: birthday(22) });
    expect(backwards.json().error.fields).toEqual([{ field: 'endsOn', message: 'Sluttdatoen kan ikke være før startdatoen.' }]);
    const overlap = await cw.post(url(), { startsOn: daysFromToday(100), endsOn: daysFromToday(300) });
    expect(overlap.json().error.fields).toEqual([{ field: 'startsOn', message: 'Perioden overlapper en annen periode med ettervern.' }]);
    const english = await new Client(t.app, 'en').signIn('barnevern.mottak');
    expect((await english.post(url(), { startsOn: birthday(23), endsOn: birthday(AFTER_CARE_AGE_LIMIT) })).json().error.fields[0].message).toContain('After-care lasts until');
    expect(await periods()).toBe(before);
  });

  it('refuses everyone but child welfare of the municipality, audited, and a stale version; nothing changes', async () => {
    const body = { startsOn: daysFromToday(400), endsOn: daysFromToday(500) };
    const before = await periods();
    const denied = await refusals('afterCare.record');
    for (const client of [other, teacher, unit, father, youth]) {
      expect((await client.post(url(), body)).statusCode).toBe(403);
    }
    expect((await new Client(t.app).post(url(), body)).statusCode).toBe(401);
    expect(await refusals('afterCare.record')).toBeGreaterThanOrEqual(denied + 3);
    expect(await periods()).toBe(before);
    // Reading: the unit sees requests and who coordinates, never child welfare's after-care.
    for (const client of [unit, other]) expect((await client.get(url())).statusCode).toBe(403);
    const [period] = (await cw.get(url())).json().items;
    const stale = await cw.put(`/api/after-care/${period.id}`, { startsOn: period.startsOn, endsOn: daysFromToday(150), version: period.version + 1 });
    expect(stale.statusCode).toBe(409);
    expect((await other.put(`/api/after-care/${period.id}`, { startsOn: period.startsOn, endsOn: daysFromToday(150), version: period.version })).statusCode).toBe(403);
    expect((await cw.get(url())).json().items[0]).toMatchObject({ endsOn: period.endsOn, version: period.version });
  });
});

describe('before after-care ends', () => {
  const notices = async () => t.database.db.selectFrom('notification').select(['staff_user_id', 'link', 'params']).where('kind', '=', 'afterCare.ending').where('subject_person_id', '=', adult.id).execute();
  /** An instant on the Oslo calendar: 23:30 UTC is the next day in Oslo in winter and summer alike. */
  const osloMorningOf = (date: string) => new Date(`${addDays(date, -1)}T23:30:00Z`);
  const osloEveningOf = (date: string) => new Date(`${date}T21:00:00Z`);

  it('tells Koordinerende enhet once, from the notice deadline on the Oslo calendar, naming no one; a moved end is told again', { tags: ['calendar'] }, async () => {
    const [period] = (await cw.get(url())).json().items;
    const deadline = addDays(period.endsOn, -AFTER_CARE_NOTICE_DAYS);
    // The evening before the deadline (still the day before in Oslo) is too early.
    expect(await sendAfterCareNotices(t.database.db, osloEveningOf(addDays(deadline, -1)))).toBe(0);
    const at = osloMorningOf(deadline);
    await Promise.all([sendAfterCareNotices(t.database.db, at), sendAfterCareNotices(t.database.db, at)]);
    expect(await sendAfterCareNotices(t.database.db, osloEveningOf(period.endsOn))).toBe(0);
    const unitId = await idOf('koordinerende.enhet');
    const sent = await notices();
    expect(sent.map((n) => n.staff_user_id)).toEqual([unitId]);
    expect(sent[0]!.link).toMatch(/^\/koordinerende-enhet\/[0-9a-f-]{36}$/);
    const text = JSON.stringify((await unit.get('/api/notifications')).json());
    expect(text).toContain('trenger en koordinator i voksentjenestene');
    expect(text).not.toContain(adult.givenName);
    expect(text).not.toContain('barnevern');
    // Child welfare moves the end: the unit is told of the new date.
    const moved = await cw.put(`/api/after-care/${period.id}`, { startsOn: period.startsOn, endsOn: addDays(period.endsOn, 30), version: period.version });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await sendAfterCareNotices(t.database.db, osloMorningOf(addDays(deadline, 30)))).toBe(1);
    // After the end nothing more is sent.
    expect(await sendAfterCareNotices(t.database.db, osloMorningOf(addDays(period.endsOn, 31)))).toBe(0);
    expect(await notices()).toHaveLength(2);
  });

  it('the unit appoints a coordinator in adult services through the usual appointment: the current one stays until they accept, and nothing of the plan is dropped', async () => {
    const before = (await nurse.get(`/api/people/${adult.id}/individual-plan`)).json().plan;
    // NAV works with the young adult now (the transition to adult services).
    await t.database.db.insertInto('involvement').values({ person_id: adult.id, staff_user_id: ids.nav, kind: 'registrant' }).execute();
    const appointed = await unit.post(`/api/people/${adult.id}/coordinator`, { staffUserId: ids.nav, reason: 'Ettervernet slutter.' });
    expect(appointed.statusCode, appointed.body).toBe(201);
    const waiting = (await unit.get(`/api/people/${adult.id}/individual-plan`)).json();
    expect(waiting.coordinator.id).toBe(ids.nurse);
    expect((await nurse.get(`/api/people/${adult.id}/individual-plan`)).json().plan).not.toBeNull();
    expect((await nav.post(`/api/coordinator-assignments/${appointed.json().id}/answer`, { accept: true })).statusCode).toBe(200);
    const after = (await nav.get(`/api/people/${adult.id}/individual-plan`)).json();
    expect(after.coordinator.id).toBe(ids.nav);
    expect(after.plan.id).toBe(planId);
    expect(after.plan.logItems.map((i: { entryKey: string }) => i.entryKey)).toEqual(before.logItems.map((i: { entryKey: string }) => i.entryKey));
    expect(after.plan.afterCare).toEqual(before.afterCare.map((a: object) => expect.objectContaining({ id: (a as { id: string }).id })));
    expect(after.plan.history.at(-1).what).toBe('coordinator_changed');
  });
});

describe('the demo', () => {
  it('has a young adult in after-care whose plan shows it to the coordinator, and whose notice is due', async () => {
    const coordinator = await signedIn(t.app, 'koordinator');
    const coordinatorId = await idOf('koordinator');
    const rows = await t.database.db.selectFrom('after_care as a').innerJoin('coordinator_assignment as c', 'c.person_id', 'a.person_id')
      .select(['a.person_id', 'a.ends_on']).where('c.staff_user_id', '=', coordinatorId).where('c.status', '=', 'accepted').execute();
    expect(rows).toHaveLength(1);
    const { plan } = (await coordinator.get(`/api/people/${rows[0]!.person_id}/individual-plan`)).json();
    expect(plan.afterCare).toEqual([expect.objectContaining({ endsOn: rows[0]!.ends_on })]);
    expect(plan.goals.length + plan.contributions.length).toBeGreaterThan(0);
  });
});

describe('the young adult\'s own reminder', () => {
  it('reaches the young adult, who decides for themself, before the plan\'s evaluation, once', async () => {
    const db = t.database.db;
    await db.insertInto('citizen_account').values({ person_id: adult.id, username: null, oidc_subject: null }).onConflict((oc) => oc.doNothing()).execute();
    const evaluation = await db.insertInto('plan_evaluation').values({ plan_id: planId, due_on: daysFromToday(10) }).returning('id').executeTakeFirstOrThrow();
    const at = new Date(Date.parse(`${today()}T09:00:00Z`));
    await Promise.all([sendPlanReminders(db, at), sendPlanReminders(db, at)]);
    const sent = await db.selectFrom('notification').select('person_id').where('dedupe_key', 'like', `plan.familyEvaluationDue:${evaluation.id}:%`).execute();
    expect(sent.map((n) => n.person_id)).toContain(adult.id);
    expect(sent.filter((n) => n.person_id === adult.id)).toHaveLength(1);
  });
});
