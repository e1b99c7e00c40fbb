// Individual plan (issue 14) through the API: a 9-year-old's relay log at level 2 (the teacher holds
// the baton, the health nurse is responsible for a measure); the mother asks for an individual plan
// and a coordinator; Koordinerende enhet sees the request with its waiting time, refuses one and
// grants the next, appointing the nurse; she accepts; the plan opens — only with the family's
// consent to the plan — with the log's goals and measures linked, moves the case to level 3 and
// asks the teacher to hand over the baton; the mother writes her own goal, comments and confirms;
// the plan prints as a PDF. Around that path, each rule's refusal changes nothing, and the unit
// sees requests and decisions but not the plan's content. Each test brings a family of its own as
// far along as it needs (family, requested, appointed, withPlan), so the tests pass in any order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, signedIn, startTestApp, type TestApp } from '../support/app.ts';
import { daysFromToday, today } from '../support/clock.ts';
import { addGuardian, expectStatus, familiesRegisteredBy, familyName, staffIdentity, type FamilyForm, type FamilyOfOne, type PersonName } from '../support/factories.ts';
import { pdfText } from '../support/pdf-text.ts';
import { sendPlanReminders } from '../../server/modules/plans/jobs.ts';
import { planCounts } from '../../server/modules/plans/counts.ts';
import { addDays, subtractYears } from '../../common/dates.ts';

let t: TestApp;
let teacher: Client; // a school teacher: registers the child, holds the relay
let nurse: Client; // a health nurse: responsible for a measure, appointed coordinator
let other: Client; // a kindergarten teacher: another unit, not involved
let unit: Client; // Koordinerende enhet
let youth: Client; // a 16-year-old: no relation to any child here
const ids: Record<'nurse' | 'teacher' | 'other' | 'school', string> = { nurse: '', teacher: '', other: '', school: '' };
const names: Record<'nurse' | 'nurseUnit' | 'teacher' | 'unit', string> = { nurse: '', nurseUnit: '', teacher: '', unit: '' };

type Table = 'plan_request' | 'coordinator_assignment' | 'individual_plan' | 'plan_goal' | 'plan_contribution' | 'plan_comment';
const count = async (table: Table) => (await t.database.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
const counts = async () => Object.fromEntries(await Promise.all((['plan_request', 'coordinator_assignment', 'individual_plan', 'plan_goal', 'plan_contribution', 'plan_comment'] as const).map(async (n) => [n, await count(n)])));
const fields = (r: { json(): { error: { fields: unknown } } }) => r.json().error.fields;
const message = (r: { json(): { error: { message: string } } }) => r.json().error.message;
const withKey = (client: Client, url: string, payload: unknown, key: string) =>
  client.app.inject({ method: 'POST', url, payload: payload as object, cookies: client.cookies, headers: { 'x-csrf-token': client.csrfToken ?? '', 'idempotency-key': key } });
const inEnglish = (client: Client) => Object.assign(new Client(t.app, 'en'), { cookies: client.cookies, csrfToken: client.csrfToken });

interface Family {
  n: number; child: PersonName; mother: Client; motherId: string; motherName: string;
  caseId: string; goalKey: string; measureKey: string;
}
const planOf = (client: Client, f: Family) => client.get(`/api/people/${f.child.id}/individual-plan`);
const requestsUrl = (f: Family) => `/api/people/${f.child.id}/plan-requests`;
/** The children this file made, so the demo's own requests can be told from them. */
const made = new Set<string>();

let families = 0;
const familyForm = (): FamilyForm & { n: number } => {
  const n = families++;
  return { n, givenName: 'Nils', familyName: familyName(n), birthDate: addDays(subtractYears(today(), 9), -30), guardianGivenName: 'Sofie', username: `mor.plan.${n}` };
};
const registered = (forms: FamilyForm[]) => familiesRegisteredBy(t.database.db, t.app, { staffUserId: ids.teacher, enrolledAt: { unitId: ids.school, startsOn: subtractYears(today(), 3) } }, forms);
/** Children at the teacher's school with their mothers, made together in `beforeAll`: one for each test that takes one. */
const unused: (FamilyOfOne & { form: FamilyForm & { n: number } })[] = [];

/**
 * A 9-year-old at the teacher's school with her mother, and the relay log at level 2 under the
 * mother's consent to collaborate (the school and the health stations): a development area, a goal,
 * and a measure the nurse is responsible for.
 */
async function family(): Promise<Family> {
  const f = unused.shift() ?? await (async () => {
    const form = familyForm();
    return { ...(await registered([form]))[0]!, form };
  })();
  const { n, familyName: surname } = f.form;
  made.add(f.childId);
  expectStatus(await teacher.post('/api/worries', { personId: f.childId, categories: ['social'], description: 'Trekker seg unna i friminuttene.', noticedOn: today() }), 201);
  expectStatus(await teacher.post(`/api/people/${f.childId}/consents`, {
    method: 'paper', childView: 'Nils vil gjerne ha hjelp til å få venner.', giverIds: [f.guardianId], validFrom: today(), validTo: daysFromToday(365), purposes: ['collaboration'], categories: ['social', 'health'], recipientUnitIds: [ids.school], recipientUnitTypes: ['health_station'],
  }), 201);
  const status = (await teacher.get(`/api/people/${f.childId}/case-status`)).json();
  const caseId = status.case.id as string;
  expectStatus(await teacher.post(`/api/cases/${caseId}/level`, { toLevel: 2, reason: 'Flere tjenester trengs.', version: status.case.version }), 200);
  const entry = async (body: object) => expectStatus(await teacher.post(`/api/cases/${caseId}/entries`, body), 201).json().entryKey as string;
  await entry({ kind: 'development_area', category: 'social', title: 'Vennskap og lek' });
  const goalKey = await entry({ kind: 'goal', category: 'social', title: 'Leker med andre i friminuttene' });
  const measureKey = await entry({ kind: 'measure', category: 'health', title: 'Samtaler med helsesykepleier', responsibleStaffId: ids.nurse, startsOn: today(), evaluateOn: daysFromToday(60) });
  return {
    n, child: { id: f.childId, givenName: 'Nils', familyName: surname }, mother: f.guardian, motherId: f.guardianId, motherName: f.guardianName, caseId, goalKey, measureKey,
  };
}

/** The child's father, without parental responsibility, signed in to Min side. */
async function fatherOf(f: Family): Promise<Client> {
  return (await addGuardian(t.database.db, t.app, f.child.id, { givenName: 'Per', familyName: f.child.familyName, username: `far.plan.${f.n}`, relation: 'father', parentalResponsibility: false })).client;
}

const REASON = 'Nils har mange rundt seg, og vi trenger én å forholde oss til.';
/** The mother's request for a plan and a coordinator, as Koordinerende enhet's queue shows it. */
async function requested(f: Family): Promise<{ id: string; version: number }> {
  const id = expectStatus(await f.mother.post(requestsUrl(f), { kind: 'plan_and_coordinator', reason: REASON }), 201).json().id as string;
  return (await unit.get('/api/plan-requests')).json().items.find((i: { id: string }) => i.id === id);
}
const refuse = async (r: { id: string; version: number }) =>
  expectStatus(await unit.post(`/api/plan-requests/${r.id}/decision`, { decision: 'refused', reason: 'Behovene dekkes i dag av skolen alene.', version: r.version }), 200);
const grant = async (r: { id: string; version: number }) =>
  expectStatus(await unit.post(`/api/plan-requests/${r.id}/decision`, { decision: 'granted', reason: 'Langvarige og koordinerte behov.', coordinatorStaffId: ids.nurse, version: r.version }), 200);

/** A request granted with the nurse as coordinator, and her acceptance. */
async function appointed(f: Family): Promise<void> {
  await grant(await requested(f));
  const view = (await planOf(nurse, f)).json();
  expectStatus(await nurse.post(`/api/coordinator-assignments/${view.pendingAppointment.id}/answer`, { accept: true }), 200);
}

/** The family's consent to the plan, given on paper by the mother (or the child, once an adult). */
const planConsent = async (f: Family, giverId = f.motherId) => teacher.post(`/api/people/${f.child.id}/consents`, {
  method: 'paper', childView: 'Nils synes det er fint at de voksne snakker sammen.', giverIds: [giverId], validFrom: today(), validTo: daysFromToday(365), purposes: ['individual_plan'], categories: ['social', 'health'], recipientUnitIds: [ids.school], recipientUnitTypes: ['health_station'],
});

/** The plan opened by the nurse under the family's consent, its first evaluation on `firstEvaluationOn`. */
async function withPlan(f: Family, firstEvaluationOn = daysFromToday(90)): Promise<string> {
  await appointed(f);
  expectStatus(await planConsent(f), 201);
  return expectStatus(await nurse.post(`/api/people/${f.child.id}/individual-plan`, { firstEvaluationOn }), 201).json().id as string;
}

const CORRECTED_GOAL = 'Leker med minst to andre i friminuttene';
const correctGoal = async (f: Family) =>
  expectStatus(await teacher.post(`/api/cases/${f.caseId}/entries/${f.goalKey}`, { kind: 'goal', category: 'social', title: CORRECTED_GOAL, basedOnVersion: 1 }), 201);
const FAMILY_GOAL = { whose: 'family', text: 'At Nils gleder seg til å gå på skolen.' };
const addFamilyGoal = async (f: Family, planId: string) =>
  expectStatus(await f.mother.post(`/api/individual-plans/${planId}/goals`, { ...FAMILY_GOAL, version: (await planOf(f.mother, f)).json().plan.version }), 200);

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  [teacher, nurse, other, unit, youth] = await Promise.all([
    signedIn(t.app, 'fagperson.skole'), signedIn(t.app, 'helsesykepleier'), signedIn(t.app, 'fagperson.barnehage'), signedIn(t.app, 'koordinerende.enhet'), signedIn(t.app, 'ungdom'),
  ]);
  const db = t.database.db;
  for (const [key, client] of [['teacher', teacher], ['nurse', nurse], ['other', other], ['unit', unit]] as const) {
    const { principal } = (await client.get('/api/auth/me')).json() as { principal: { username: string; serviceUnitId: string } };
    const identity = await staffIdentity(db, client);
    if (key !== 'unit') ids[key] = (await db.selectFrom('staff_user').select('id').where('username', '=', principal.username).executeTakeFirstOrThrow()).id;
    if (key !== 'other') names[key] = identity.displayName;
    if (key === 'teacher') ids.school = principal.serviceUnitId;
    if (key === 'nurse') names.nurseUnit = identity.unitName!;
  }
  const forms = Array.from({ length: 22 }, familyForm);
  unused.push(...(await registered(forms)).map((f, i) => ({ ...f, form: forms[i]! })));
});
afterAll(async () => {
  await t?.close();
});

describe('asking for an individual plan', () => {
  it('the demo gives Koordinerende enhet a waiting request and plans in progress (a child\'s and a young adult\'s in after-care)', async () => {
    const demo = (items: { person: { id: string } }[]) => items.filter((i) => !made.has(i.person.id));
    expect(demo((await unit.get('/api/plan-requests')).json().items)).toEqual([expect.objectContaining({ kind: 'coordinator', decision: null, waitingDays: expect.any(Number) })]);
    expect(demo((await unit.get('/api/plan-requests?view=decided')).json().items)).toEqual([expect.objectContaining({ decision: 'granted' }), expect.objectContaining({ decision: 'granted' })]);
  });

  it('is Koordinerende enhet\'s start page, and only theirs', async () => {
    const f = await family();
    expect((await unit.get('/api/auth/me')).json().pages[0]).toBe('planQueue');
    expect((await teacher.get('/api/auth/me')).json().pages).not.toContain('planQueue');
    expect((await f.mother.get('/api/auth/me')).json().pages).not.toContain('planQueue');
  });

  it('is refused to a guardian without parental responsibility, an unrelated youth, another unit\'s colleague and the anonymous; nothing is stored', async () => {
    const f = await family();
    const father = await fatherOf(f);
    const before = await counts();
    const body = { kind: 'plan_and_coordinator', reason: 'Vi trenger én å forholde oss til.' };
    const anonymous = new Client(t.app);
    const answers = await Promise.all([father, youth, other].map((c) => c.post(requestsUrl(f), body)));
    expect(answers.map((a) => a.statusCode)).toEqual([403, 403, 403]);
    expect([401, 403]).toContain((await anonymous.post(requestsUrl(f), body)).statusCode);
    expect(await counts()).toEqual(before);
  });

  it('refuses an empty reason in the user\'s language', async () => {
    const f = await family();
    const before = await count('plan_request');
    const empty = await f.mother.post(requestsUrl(f), { kind: 'plan_and_coordinator', reason: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(fields(empty)).toEqual([expect.objectContaining({ field: 'reason' })]);
    expect(await count('plan_request')).toBe(before);
  });

  it('lands in Koordinerende enhet\'s queue with its waiting time; a replay is answered once, a second open request refused', async () => {
    const f = await family();
    const before = await count('plan_request');
    const body = { kind: 'plan_and_coordinator', reason: REASON };
    const first = await withKey(f.mother, requestsUrl(f), body, 'plan-request-once');
    expect(first.statusCode, first.body).toBe(201);
    const again = await withKey(f.mother, requestsUrl(f), body, 'plan-request-once');
    expect(again.json().id).toBe(first.json().id);
    const second = await f.mother.post(requestsUrl(f), body);
    expect(second.statusCode).toBe(409);
    expect(message(second)).toBe('Det finnes allerede en forespørsel som venter på svar.');
    expect(await count('plan_request')).toBe(before + 1);
    // Asked three days ago: the queue counts the days waited.
    await t.database.db.updateTable('plan_request').set({ requested_at: new Date(Date.parse(`${daysFromToday(-3)}T10:00:00Z`)) }).where('id', '=', first.json().id).execute();
    const queue = (await unit.get('/api/plan-requests')).json().items;
    // The longest waiting first.
    expect(queue.map((i: { waitingDays: number }) => i.waitingDays)).toEqual([...queue.map((i: { waitingDays: number }) => i.waitingDays)].sort((a, b) => b - a));
    expect(queue.find((i: { id: string }) => i.id === first.json().id)).toMatchObject({
      person: { id: f.child.id }, requestedBy: 'family', kind: 'plan_and_coordinator', waitingDays: 3, decision: null,
    });
    expect(JSON.stringify((await unit.get('/api/notifications')).json())).toContain('Ny forespørsel om individuell plan');
  });

  it('keeps the queue to Koordinerende enhet, and the relay log\'s content from it', async () => {
    const f = await family();
    expect((await teacher.get('/api/plan-requests')).statusCode).toBe(403);
    expect((await f.mother.get('/api/plan-requests')).statusCode).toBe(403);
    expect((await unit.get(`/api/people/${f.child.id}/case`)).statusCode).toBe(403);
  });
});

describe('the decision', () => {
  it('refuses a grant without a coordinator, with one not working with the child, or at a stale version; nothing changes', async () => {
    const f = await family();
    const r = await requested(f);
    const before = await counts();
    const decision = (extra: Record<string, unknown>) => unit.post(`/api/plan-requests/${r.id}/decision`, { decision: 'granted', reason: 'Behov for koordinerte tjenester.', version: r.version, ...extra });
    expect(fields(await decision({}))).toEqual([{ field: 'coordinatorStaffId', message: 'Velg hvem som skal være koordinator.' }]);
    expect(fields(await decision({ coordinatorStaffId: ids.other }))).toEqual([{ field: 'coordinatorStaffId', message: 'Personen må jobbe med barnet i en av tjenestene.' }]);
    expect((await decision({ coordinatorStaffId: ids.nurse, version: r.version + 3 })).statusCode).toBe(409);
    expect((await teacher.post(`/api/plan-requests/${r.id}/decision`, { decision: 'granted', reason: 'x', coordinatorStaffId: ids.nurse, version: r.version })).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    expect((await unit.get('/api/plan-requests')).json().items.find((i: { id: string }) => i.id === r.id).version).toBe(r.version);
  });

  it('a refusal is recorded with who, when and why, and the family is told of the right to complain in their language', async () => {
    const f = await family();
    const r = await requested(f);
    const refused = await unit.post(`/api/plan-requests/${r.id}/decision`, { decision: 'refused', reason: 'Behovene dekkes i dag av skolen alene.', version: r.version });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ decision: 'refused', decisionReason: 'Behovene dekkes i dag av skolen alene.', decidedBy: names.unit });
    const seen = (await planOf(f.mother, f)).json();
    expect(seen.requests[0]).toMatchObject({ decision: 'refused', decisionReason: 'Behovene dekkes i dag av skolen alene.' });
    expect(JSON.stringify((await f.mother.get('/api/notifications')).json())).toContain('Se begrunnelsen og hvordan dere kan klage.');
    expect(JSON.stringify((await inEnglish(f.mother).get('/api/notifications')).json())).toContain('See the reason and how you can appeal.');
    expect((await unit.post(`/api/plan-requests/${r.id}/decision`, { decision: 'granted', reason: 'x', coordinatorStaffId: ids.nurse, version: r.version + 1 })).statusCode).toBe(409);
  });

  it('a grant appoints the nurse, who must accept before the plan can open; only she may answer', async () => {
    const f = await family();
    // A refused request does not stand in the way of the next.
    await refuse(await requested(f));
    const r = await requested(f);
    const granted = await unit.post(`/api/plan-requests/${r.id}/decision`, { decision: 'granted', reason: 'Langvarige og koordinerte behov.', coordinatorStaffId: ids.nurse, version: r.version });
    expect(granted.statusCode, granted.body).toBe(200);
    const view = (await planOf(nurse, f)).json();
    expect(view.pendingAppointment).toMatchObject({ mine: true, coordinator: { name: names.nurse } });
    expect(view.coordinator).toBeNull();
    const early = await nurse.post(`/api/people/${f.child.id}/individual-plan`, {});
    expect(early.statusCode).toBe(409);
    expect(message(early)).toBe('Du må godta oppnevningen som koordinator før du kan opprette planen.');
    expect((await teacher.post(`/api/coordinator-assignments/${view.pendingAppointment.id}/answer`, { accept: true })).statusCode).toBe(403);
    expect(await t.database.db.selectFrom('individual_plan').select('id').where('person_id', '=', f.child.id).execute()).toEqual([]);
    const accepted = await nurse.post(`/api/coordinator-assignments/${view.pendingAppointment.id}/answer`, { accept: true });
    expect(accepted.json()).toEqual({ status: 'accepted' });
    const family_ = (await planOf(f.mother, f)).json();
    expect(family_.coordinator).toMatchObject({ name: names.nurse, unitName: names.nurseUnit, email: expect.stringContaining('@') });
    expect(JSON.stringify((await f.mother.get('/api/notifications')).json())).toContain(`${names.nurse} er nå koordinatoren deres.`);
  });
});

describe('the plan', () => {
  it('is refused without the family\'s consent to the plan, and nothing changes', async () => {
    const f = await family();
    await appointed(f);
    const before = await counts();
    const refused = await nurse.post(`/api/people/${f.child.id}/individual-plan`, {});
    expect(refused.statusCode).toBe(409);
    expect(message(refused)).toBe('Familien har ikke samtykket til individuell plan. Planen kan ikke opprettes før samtykket er gitt.');
    expect(await counts()).toEqual(before);
  });

  it('opens under the consent with the relay log\'s goals and measures linked, moves the case to level 3 and asks for the baton', async () => {
    const f = await family();
    await appointed(f);
    const consent = await planConsent(f);
    expect(consent.statusCode, consent.body).toBe(201);
    const url = `/api/people/${f.child.id}/individual-plan`;
    const created = await withKey(nurse, url, { firstEvaluationOn: daysFromToday(90) }, 'plan-once');
    expect(created.statusCode, created.body).toBe(201);
    const planId = created.json().id;
    expect((await withKey(nurse, url, { firstEvaluationOn: daysFromToday(90) }, 'plan-once')).json().id).toBe(planId);
    const second = await nurse.post(url, {});
    expect(second.statusCode).toBe(409);
    expect(message(second)).toBe('Barnet har allerede en aktiv individuell plan.');
    const plan = (await planOf(nurse, f)).json().plan;
    expect(plan.logItems.map((i: { kind: string; title: string }) => `${i.kind}:${i.title}`)).toEqual([
      'development_area:Vennskap og lek', 'goal:Leker med andre i friminuttene', 'measure:Samtaler med helsesykepleier',
    ]);
    expect(plan.evaluations).toEqual([expect.objectContaining({ dueOn: daysFromToday(90) })]);
    const status = (await teacher.get(`/api/people/${f.child.id}/case-status`)).json();
    expect(status.case.level).toBe(3);
    expect(status.case.levelHistory.at(-1)).toMatchObject({ from: 2, to: 3, reason: 'Individuell plan er opprettet.' });
    const handover = await t.database.db.selectFrom('relay_handover').select(['from_staff_id', 'to_staff_id', 'status']).where('case_id', '=', f.caseId).executeTakeFirstOrThrow();
    expect(handover).toEqual({ from_staff_id: ids.teacher, to_staff_id: ids.nurse, status: 'pending' });
  });

  it('shows the log\'s entries at their current version: corrected in the log, corrected in the plan', async () => {
    const f = await family();
    await withPlan(f);
    await correctGoal(f);
    const goal = (await planOf(f.mother, f)).json().plan.logItems.find((i: { entryKey: string }) => i.entryKey === f.goalKey);
    expect(goal).toMatchObject({ version: 2, title: CORRECTED_GOAL });
  });

  it('takes the mother\'s own goal at the version she read, and refuses a stale one, a father without responsibility and a youth', async () => {
    const f = await family();
    const planId = await withPlan(f);
    const father = await fatherOf(f);
    const { plan } = (await planOf(f.mother, f)).json();
    const before = await count('plan_goal');
    expect((await f.mother.post(`/api/individual-plans/${planId}/goals`, { ...FAMILY_GOAL, version: plan.version + 1 })).statusCode).toBe(409);
    expect((await father.post(`/api/individual-plans/${planId}/goals`, { ...FAMILY_GOAL, version: plan.version })).statusCode).toBe(403);
    expect((await youth.post(`/api/individual-plans/${planId}/goals`, { ...FAMILY_GOAL, version: plan.version })).statusCode).toBe(403);
    expect(fields(await nurse.post(`/api/individual-plans/${planId}/goals`, { ...FAMILY_GOAL, version: plan.version }))).toEqual([{ field: 'whose', message: 'Familiens egne mål skrives av familien.' }]);
    expect(await count('plan_goal')).toBe(before);
    const saved = await f.mother.post(`/api/individual-plans/${planId}/goals`, { ...FAMILY_GOAL, version: plan.version });
    expect(saved.json()).toEqual({ id: planId, version: plan.version + 1 });
    const after = (await planOf(f.mother, f)).json().plan;
    expect(after.goals).toEqual([expect.objectContaining({ whose: 'family', text: FAMILY_GOAL.text, status: 'open', author: { kind: 'family', name: f.motherName } })]);
    expect(after.history.map((h: { what: string }) => h.what)).toEqual(['created', 'goal_added']);
  });

  it('refuses a contribution without a responsible person or ending before it starts; takes one with both', async () => {
    const f = await family();
    const planId = await withPlan(f);
    const { plan } = (await planOf(nurse, f)).json();
    const before = await count('plan_contribution');
    const base = { description: 'Ukentlige samtaler på helsestasjonen', startsOn: today(), endsOn: daysFromToday(120), version: plan.version };
    expect(fields(await nurse.post(`/api/individual-plans/${planId}/contributions`, base))).toEqual([{ field: 'responsibleStaffId', message: 'Et bidrag må ha en ansvarlig person.' }]);
    expect(fields(await nurse.post(`/api/individual-plans/${planId}/contributions`, { ...base, responsibleStaffId: ids.nurse, endsOn: daysFromToday(-1) }))).toEqual([{ field: 'endsOn', message: 'Sluttdatoen kan ikke være før startdatoen.' }]);
    expect((await other.post(`/api/individual-plans/${planId}/contributions`, { ...base, responsibleStaffId: ids.nurse })).statusCode).toBe(403);
    expect(await count('plan_contribution')).toBe(before);
    expect((await nurse.post(`/api/individual-plans/${planId}/contributions`, { ...base, responsibleStaffId: ids.nurse })).statusCode).toBe(200);
    expect((await planOf(f.mother, f)).json().plan.contributions).toEqual([expect.objectContaining({ responsible: { name: names.nurse, unitName: names.nurseUnit }, endsOn: daysFromToday(120) })]);
  });

  it('is confirmed by the mother for the version she read; a change asks for a new confirmation', async () => {
    const f = await family();
    const planId = await withPlan(f);
    const father = await fatherOf(f);
    const { plan } = (await planOf(f.mother, f)).json();
    expect((await father.post(`/api/individual-plans/${planId}/confirm`, { version: plan.version })).statusCode).toBe(403);
    expect((await f.mother.post(`/api/individual-plans/${planId}/confirm`, { version: plan.version })).statusCode).toBe(200);
    expect((await planOf(nurse, f)).json().plan).toMatchObject({ confirmedCurrent: true, confirmed: { version: plan.version, by: f.motherName } });
    expect((await nurse.post(`/api/individual-plans/${planId}/evaluations`, { dueOn: daysFromToday(180), version: plan.version })).statusCode).toBe(200);
    expect((await planOf(f.mother, f)).json().plan.confirmedCurrent).toBe(false);
    expect((await f.mother.post(`/api/individual-plans/${planId}/comments`, { body: 'Fint at skolen og helsestasjonen snakker sammen.' })).statusCode).toBe(201);
  });

  it('is shown to Koordinerende enhet as requests and decisions, not its content', async () => {
    const f = await family();
    await refuse(await requested(f));
    const planId = await withPlan(f);
    const seen = (await planOf(unit, f)).json();
    expect(seen).toMatchObject({ plan: null, planHidden: true, coordinator: { name: names.nurse } });
    expect(seen.requests.map((r: { decision: string }) => r.decision)).toEqual(['granted', 'refused']);
    expect((await unit.get(`/api/individual-plans/${planId}/pdf`)).statusCode).toBe(403);
    expect((await other.get(`/api/people/${f.child.id}/individual-plan`)).statusCode).toBe(403);
  });

  it('prints as a PDF in the reader\'s language with the log\'s goal, the mother\'s goal and the coordinator', async () => {
    const f = await family();
    const planId = await withPlan(f);
    await correctGoal(f);
    await addFamilyGoal(f, planId);
    const pdf = await f.mother.get(`/api/individual-plans/${planId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Individuell plan');
    expect(text).toContain(`${f.child.givenName} ${f.child.familyName}`);
    expect(text).toContain(CORRECTED_GOAL);
    expect(text).toContain('Samtaler med helsesykepleier');
    expect(text).toContain(FAMILY_GOAL.text);
    expect(text).toContain(names.nurse);
    expect(await pdfText((await inEnglish(f.mother).get(`/api/individual-plans/${planId}/pdf`)).rawPayload)).toContain('The family\'s goal');
  });
});

describe('changing the coordinator', () => {
  it('keeps the current coordinator until the new one accepts', async () => {
    const f = await family();
    await withPlan(f);
    const appointed = await unit.post(`/api/people/${f.child.id}/coordinator`, { staffUserId: ids.teacher, reason: 'Helsesykepleier slutter.' });
    expect(appointed.statusCode, appointed.body).toBe(201);
    expect((await planOf(f.mother, f)).json().coordinator).toMatchObject({ name: names.nurse });
    expect((await teacher.post(`/api/coordinator-assignments/${appointed.json().id}/answer`, { accept: true })).statusCode).toBe(200);
    expect((await planOf(f.mother, f)).json().coordinator).toMatchObject({ name: names.teacher });
    expect((await planOf(f.mother, f)).json().plan.history.at(-1)).toMatchObject({ what: 'coordinator_changed', by: names.teacher });
    // The former coordinator, from a unit the plan's consent names, still works on the plan, but no longer opens one.
    expect((await planOf(nurse, f)).json().abilities).toMatchObject({ write: true, createPlan: false });
    // With a plan in force, nobody is offered to ask for one.
    expect((await planOf(f.mother, f)).json().abilities).toMatchObject({ request: false, familyWrite: true });
  });
});

describe('evaluation, reminders and counts', () => {
  it('reminds the coordinator (and the mother taking part) once before an evaluation date', async () => {
    // An evaluation date no other test's plan has (theirs are at 90 and 180 days), so the run reminds of this one alone.
    const f = await family();
    await withPlan(f, daysFromToday(200));
    const tenDaysBefore = new Date(Date.parse(`${daysFromToday(190)}T09:00:00Z`));
    expect(await sendPlanReminders(t.database.db, tenDaysBefore)).toBe(2);
    expect(await sendPlanReminders(t.database.db, tenDaysBefore)).toBe(0);
    expect(JSON.stringify((await nurse.get('/api/notifications')).json())).toContain('Den individuelle planen skal evalueres');
  });

  it('an evaluation updates the own goals\' status with the family\'s view; an unknown goal changes nothing', async () => {
    const f = await family();
    const planId = await withPlan(f);
    await addFamilyGoal(f, planId);
    const { plan } = (await planOf(nurse, f)).json();
    const evaluation = plan.evaluations.find((e: { dueOn: string }) => e.dueOn === daysFromToday(90));
    const goal = plan.goals[0];
    const url = `/api/individual-plans/${planId}/evaluations/${evaluation.id}/held`;
    expect(fields(await nurse.post(url, { goals: [{ goalId: evaluation.id, status: 'achieved' }], version: plan.version }))).toEqual([{ field: 'goals.0.goalId', message: 'Målet finnes ikke i planen.' }]);
    expect((await f.mother.post(url, { goals: [], version: plan.version })).statusCode).toBe(403);
    expect((await planOf(f.mother, f)).json().plan.goals[0]).toMatchObject({ status: 'open' });
    const held = await nurse.post(url, { goals: [{ goalId: goal.id, status: 'partly', familyView: 'Han gruer seg mindre om morgenen.' }], version: plan.version });
    expect(held.statusCode, held.body).toBe(200);
    const after = (await planOf(f.mother, f)).json().plan;
    expect(after.goals[0]).toMatchObject({ status: 'partly', familyView: 'Han gruer seg mindre om morgenen.' });
    expect(after.evaluations.find((e: { id: string }) => e.id === evaluation.id).doneOn).toBe(today());
    expect(after.history.at(-1)).toMatchObject({ what: 'evaluated' });
  });

  it('counts requests, decisions, waiting days and evaluations held on time, naming no one', async () => {
    const f = await family();
    // A request refused after three days' wait, the next granted the same day and its plan opened at once.
    const first = await requested(f);
    await t.database.db.updateTable('plan_request').set({ requested_at: new Date(Date.parse(`${daysFromToday(-3)}T10:00:00Z`)) }).where('id', '=', first.id).execute();
    await refuse(first);
    const planId = await withPlan(f);
    const { plan } = (await planOf(nurse, f)).json();
    expectStatus(await nurse.post(`/api/individual-plans/${planId}/evaluations/${plan.evaluations[0].id}/held`, { goals: [], version: plan.version }), 200);
    // Other tests request, decide and open plans today too: this family's story is moved into a
    // stretch of days long before the demo's three years, which then holds it alone.
    const back = 2000;
    const db = t.database.db;
    await db.updateTable('plan_request').set({ requested_at: sql`requested_at - make_interval(days => ${back})`, decided_at: sql`decided_at - make_interval(days => ${back})` }).where('person_id', '=', f.child.id).execute();
    await db.updateTable('individual_plan').set({ created_at: sql`created_at - make_interval(days => ${back})` }).where('id', '=', planId).execute();
    await db.updateTable('plan_evaluation').set({ due_on: sql`due_on - ${sql.lit(back)}`, done_on: sql`done_on - ${sql.lit(back)}` }).where('plan_id', '=', planId).execute();
    const { municipality_id: municipalityId } = await db.selectFrom('individual_plan').select('municipality_id').where('id', '=', planId).executeTakeFirstOrThrow();
    const counts = await planCounts(db, municipalityId, { from: daysFromToday(-10 - back), to: daysFromToday(100 - back) });
    expect(counts).toMatchObject({
      requests: 2, decisions: { granted: 1, refused: 1 }, daysToDecision: { median: 1.5, mean: 1.5 },
      plansOpened: 1, daysToFirstPlan: { median: 0, mean: 0 }, evaluations: { due: 1, onTime: 1, late: 0, notHeld: 0 },
    });
    expect(JSON.stringify(counts)).not.toContain(f.child.id);
  });
});

describe('the relay log as a PDF', () => {
  it('prints the log as far as the reader\'s consent reaches, in the reader\'s language; others are refused and audited', async () => {
    const f = await family();
    const father = await fatherOf(f);
    const url = `/api/people/${f.child.id}/relay-log.pdf`;
    const pdf = await teacher.get(url);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Stafettlogg');
    expect(text).toContain(`${f.child.givenName} ${f.child.familyName}`);
    expect(text).toContain('Utviklingsområde (Sosialt): Vennskap og lek');
    expect(text).toContain('Samtaler med helsesykepleier');
    expect(text).toContain(`Ansvarlig: ${names.nurse}`);
    const familyCopy = await pdfText((await inEnglish(f.mother).get(url)).rawPayload);
    expect(familyCopy).toContain('Relay log');
    expect(familyCopy).toContain('Development area');
    expect(familyCopy).toContain('Vennskap og lek');

    const denials = async () => (await t.database.db.selectFrom('audit_event').select(sql<number>`count(*)::int`.as('n')).where('subject_id', '=', f.child.id).where('action', '=', 'case.read').where('outcome', '=', 'denied').executeTakeFirstOrThrow()).n;
    const before = await denials();
    const refused = await Promise.all([other, father, youth].map((c) => c.get(url)));
    expect(refused.map((r) => r.statusCode)).toEqual([403, 403, 403]);
    expect(refused.every((r) => !r.headers['content-type']?.toString().includes('pdf'))).toBe(true);
    expect([401, 403]).toContain((await new Client(t.app).get(url)).statusCode);
    expect(await denials()).toBeGreaterThanOrEqual(before + 3);
  });
});

describe('at 18', () => {
  it('a youth turning 18 keeps the plan only after their own consent', async () => {
    const f = await family();
    const planId = await withPlan(f);
    const db = t.database.db;
    // Eighteen since ten days: the family's consent to the plan was a guardian's.
    const eighteen = addDays(`${Number(today().slice(0, 4)) - 18}${today().slice(4)}`, -10);
    await db.updateTable('person').set({ birth_date: eighteen }).where('id', '=', f.child.id).execute();
    const goals = async () => (await db.selectFrom('plan_goal').select('id').where('plan_id', '=', planId).execute()).length;
    const before = await goals();
    const hidden = (await planOf(teacher, f)).json();
    expect(hidden).toMatchObject({ plan: null, planHidden: true });
    const { version } = await db.selectFrom('individual_plan').select('version').where('id', '=', planId).executeTakeFirstOrThrow();
    expect((await teacher.post(`/api/individual-plans/${planId}/goals`, { whose: 'child', text: 'Få seg en jobb.', version })).statusCode).toBe(403);
    expect((await teacher.get(`/api/individual-plans/${planId}/pdf`)).statusCode).toBe(403);
    expect(await goals()).toBe(before);
    const denied = await db.selectFrom('audit_event').select('reason').where('subject_id', '=', f.child.id).where('reason', '=', 'adult_own_consent_required').execute();
    expect(denied.length).toBeGreaterThanOrEqual(2);

    // His own consent to the plan: it carries on, with the coordinator in office.
    const own = await planConsent(f, f.child.id);
    expect(own.statusCode, own.body).toBe(201);
    const kept = (await planOf(teacher, f)).json();
    expect(kept.plan).toMatchObject({ id: planId });
    expect((await teacher.post(`/api/individual-plans/${planId}/goals`, { whose: 'child', text: 'Få seg en jobb.', version: kept.plan.version })).statusCode).toBe(200);
    expect(await goals()).toBe(before + 1);
  });
});
