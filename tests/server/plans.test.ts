// Individual plan (issue 14) through the API: a 9-year-old's relay log at level 2 (the teacher holds
// the baton, the health nurse is responsible for a measure); the mother asks for an individual plan
// and a coordinator; Koordinerende enhet sees the request with its waiting time, refuses one and
// grants the next, appointing the nurse; she accepts; the plan opens — only with the family's
// consent to the plan — with the log's goals and measures linked, moves the case to level 3 and
// asks the teacher to hand over the baton; the mother writes her own goal, comments and confirms;
// the plan prints as a PDF. Around that path, each rule's refusal changes nothing, and the unit
// sees requests and decisions but not the plan's content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, signedIn, startTestApp, type TestApp } from '../support/app.ts';
import { daysFromToday, today } from '../support/clock.ts';
import { involvedChild, type PersonName } from '../support/factories.ts';
import { pdfText } from '../support/pdf-text.ts';
import { sendPlanReminders } from '../../server/modules/plans/jobs.ts';
import { planCounts } from '../../server/modules/plans/counts.ts';
import { addDays } from '../../common/dates.ts';

let t: TestApp;
let teacher: Client; // fagperson.skole: involved with the child, the relay holder
let nurse: Client; // helsesykepleier: responsible for a measure, appointed coordinator
let other: Client; // fagperson.barnehage: another unit, not involved
let unit: Client; // koordinerende.enhet
let mother: Client; // forelder: parental responsibility
let father: Client; // forelder.uten.ansvar
let youth: Client; // ungdom, 16: no relation to the child
let child: PersonName;
let ids: Record<'nurse' | 'teacher' | 'other' | 'mother' | 'school' | 'caseId' | 'goalKey' | 'measureKey', string>;
let planId: string;
let baseline: Awaited<ReturnType<typeof planCounts>>;
const countPeriod = () => ({ from: daysFromToday(-10), to: addDays(today(), 100) });

type Table = 'plan_request' | 'coordinator_assignment' | 'individual_plan' | 'plan_goal' | 'plan_contribution' | 'plan_comment';
const count = async (table: Table) => (await t.database.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
const counts = async () => Object.fromEntries(await Promise.all((['plan_request', 'coordinator_assignment', 'individual_plan', 'plan_goal', 'plan_contribution', 'plan_comment'] as const).map(async (n) => [n, await count(n)])));
const fields = (r: { json(): { error: { fields: unknown } } }) => r.json().error.fields;
const message = (r: { json(): { error: { message: string } } }) => r.json().error.message;
const idOf = async (username: string) => (await t.database.db.selectFrom('staff_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
const planOf = (client: Client) => client.get(`/api/people/${child.id}/individual-plan`);
const requestsUrl = () => `/api/people/${child.id}/plan-requests`;
const withKey = (client: Client, url: string, payload: unknown, key: string) =>
  client.app.inject({ method: 'POST', url, payload: payload as object, cookies: client.cookies, headers: { 'x-csrf-token': client.csrfToken ?? '', 'idempotency-key': key } });

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  [teacher, nurse, other, unit, mother, father, youth] = await Promise.all([
    signedIn(t.app, 'fagperson.skole'), signedIn(t.app, 'helsesykepleier'), signedIn(t.app, 'fagperson.barnehage'), signedIn(t.app, 'koordinerende.enhet'),
    signedIn(t.app, 'forelder'), signedIn(t.app, 'forelder.uten.ansvar'), signedIn(t.app, 'ungdom'),
  ]);
  child = await involvedChild(teacher, mother);
  const motherId = (await t.database.db.selectFrom('citizen_account').select('person_id').where('username', '=', 'forelder').executeTakeFirstOrThrow()).person_id;
  const schoolId = (await t.database.db.selectFrom('staff_user').select('service_unit_id').where('username', '=', 'fagperson.skole').executeTakeFirstOrThrow()).service_unit_id!;
  // The relay log at level 2, under the mother's consent to collaborate (the school and the health station).
  expect((await teacher.post('/api/worries', { personId: child.id, categories: ['social'], description: 'Trekker seg unna i friminuttene.', noticedOn: today() })).statusCode).toBe(201);
  const consent = await teacher.post(`/api/people/${child.id}/consents`, {
    method: 'paper', childView: 'Jonas vil gjerne ha hjelp til å få venner.', giverIds: [motherId], validFrom: today(), validTo: daysFromToday(365), purposes: ['collaboration'], categories: ['social', 'health'], recipientUnitIds: [schoolId], recipientUnitTypes: ['health_station'],
  });
  expect(consent.statusCode, consent.body).toBe(201);
  const status = (await teacher.get(`/api/people/${child.id}/case-status`)).json();
  const caseId = status.case.id as string;
  expect((await teacher.post(`/api/cases/${caseId}/level`, { toLevel: 2, reason: 'Flere tjenester trengs.', version: status.case.version })).statusCode).toBe(200);
  const nurseId = await idOf('helsesykepleier');
  expect((await teacher.post(`/api/cases/${caseId}/entries`, { kind: 'development_area', category: 'social', title: 'Vennskap og lek' })).statusCode).toBe(201);
  const goal = await teacher.post(`/api/cases/${caseId}/entries`, { kind: 'goal', category: 'social', title: 'Leker med andre i friminuttene' });
  const measure = await teacher.post(`/api/cases/${caseId}/entries`, { kind: 'measure', category: 'health', title: 'Samtaler med helsesykepleier', responsibleStaffId: nurseId, startsOn: today(), evaluateOn: daysFromToday(60) });
  expect(measure.statusCode, measure.body).toBe(201);
  ids = {
    nurse: nurseId, teacher: await idOf('fagperson.skole'), other: await idOf('fagperson.barnehage'), mother: motherId, school: schoolId, caseId,
    goalKey: goal.json().entryKey, measureKey: measure.json().entryKey,
  };
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('asking for an individual plan', () => {
  it('the demo gives Koordinerende enhet a waiting request and plans in progress (a child\'s and a young adult\'s in after-care)', async () => {
    const waiting = (await unit.get('/api/plan-requests')).json().items;
    expect(waiting).toEqual([expect.objectContaining({ kind: 'coordinator', decision: null, waitingDays: expect.any(Number) })]);
    expect((await unit.get('/api/plan-requests?view=decided')).json().items).toEqual([expect.objectContaining({ decision: 'granted' }), expect.objectContaining({ decision: 'granted' })]);
    baseline = await planCounts(t.database.db, (await t.database.db.selectFrom('plan_request').select('municipality_id').executeTakeFirstOrThrow()).municipality_id, countPeriod());
  });

  it('is Koordinerende enhet\'s start page, and only theirs', async () => {
    expect((await unit.get('/api/auth/me')).json().pages[0]).toBe('planQueue');
    expect((await teacher.get('/api/auth/me')).json().pages).not.toContain('planQueue');
    expect((await mother.get('/api/auth/me')).json().pages).not.toContain('planQueue');
  });

  it('is refused to a guardian without parental responsibility, an unrelated youth, another unit\'s colleague and the anonymous; nothing is stored', async () => {
    const before = await counts();
    const body = { kind: 'plan_and_coordinator', reason: 'Vi trenger én å forholde oss til.' };
    const anonymous = new Client(t.app);
    const answers = await Promise.all([father, youth, other].map((c) => c.post(requestsUrl(), body)));
    expect(answers.map((a) => a.statusCode)).toEqual([403, 403, 403]);
    expect([401, 403]).toContain((await anonymous.post(requestsUrl(), body)).statusCode);
    expect(await counts()).toEqual(before);
  });

  it('refuses an empty reason in the user\'s language', async () => {
    const empty = await mother.post(requestsUrl(), { kind: 'plan_and_coordinator', reason: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(fields(empty)).toEqual([expect.objectContaining({ field: 'reason' })]);
  });

  it('lands in Koordinerende enhet\'s queue with its waiting time; a replay is answered once, a second open request refused', async () => {
    const before = await count('plan_request');
    const body = { kind: 'plan_and_coordinator', reason: 'Jonas har mange rundt seg, og vi trenger én å forholde oss til.' };
    const first = await withKey(mother, requestsUrl(), body, 'plan-request-once');
    expect(first.statusCode, first.body).toBe(201);
    const again = await withKey(mother, requestsUrl(), body, 'plan-request-once');
    expect(again.json().id).toBe(first.json().id);
    const second = await mother.post(requestsUrl(), body);
    expect(second.statusCode).toBe(409);
    expect(message(second)).toBe('Det finnes allerede en forespørsel som venter på svar.');
    expect(await count('plan_request')).toBe(before + 1);
    // Asked three days ago: the queue counts the days waited.
    await t.database.db.updateTable('plan_request').set({ requested_at: new Date(Date.parse(`${daysFromToday(-3)}T10:00:00Z`)) }).where('id', '=', first.json().id).execute();
    const queue = (await unit.get('/api/plan-requests')).json().items;
    // The longest waiting first.
    expect(queue.map((i: { waitingDays: number }) => i.waitingDays)).toEqual([...queue.map((i: { waitingDays: number }) => i.waitingDays)].sort((a, b) => b - a));
    expect(queue.find((i: { id: string }) => i.id === first.json().id)).toMatchObject({
      person: { id: child.id }, requestedBy: 'family', kind: 'plan_and_coordinator', waitingDays: 3, decision: null,
    });
    expect(JSON.stringify((await unit.get('/api/notifications')).json())).toContain('Ny forespørsel om individuell plan');
  });

  it('keeps the queue to Koordinerende enhet, and the relay log\'s content from it', async () => {
    expect((await teacher.get('/api/plan-requests')).statusCode).toBe(403);
    expect((await mother.get('/api/plan-requests')).statusCode).toBe(403);
    expect((await unit.get(`/api/people/${child.id}/case`)).statusCode).toBe(403);
  });
});

describe('the decision', () => {
  const open = async () => (await unit.get('/api/plan-requests')).json().items.find((i: { person: { id: string } }) => i.person.id === child.id) as { id: string; version: number };

  it('refuses a grant without a coordinator, with one not working with the child, or at a stale version; nothing changes', async () => {
    const r = await open();
    const before = await counts();
    const decision = (extra: Record<string, unknown>) => unit.post(`/api/plan-requests/${r.id}/decision`, { decision: 'granted', reason: 'Behov for koordinerte tjenester.', version: r.version, ...extra });
    expect(fields(await decision({}))).toEqual([{ field: 'coordinatorStaffId', message: 'Velg hvem som skal være koordinator.' }]);
    expect(fields(await decision({ coordinatorStaffId: ids.other }))).toEqual([{ field: 'coordinatorStaffId', message: 'Personen må jobbe med barnet i en av tjenestene.' }]);
    expect((await decision({ coordinatorStaffId: ids.nurse, version: r.version + 3 })).statusCode).toBe(409);
    expect((await teacher.post(`/api/plan-requests/${r.id}/decision`, { decision: 'granted', reason: 'x', coordinatorStaffId: ids.nurse, version: r.version })).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
    expect((await open()).version).toBe(r.version);
  });

  it('a refusal is recorded with who, when and why, and the family is told of the right to complain in their language', async () => {
    const r = await open();
    const refused = await unit.post(`/api/plan-requests/${r.id}/decision`, { decision: 'refused', reason: 'Behovene dekkes i dag av skolen alene.', version: r.version });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ decision: 'refused', decisionReason: 'Behovene dekkes i dag av skolen alene.', decidedBy: 'Hanne Strand' });
    const seen = (await planOf(mother)).json();
    expect(seen.requests[0]).toMatchObject({ decision: 'refused', decisionReason: 'Behovene dekkes i dag av skolen alene.' });
    expect(JSON.stringify((await mother.get('/api/notifications')).json())).toContain('Se begrunnelsen og hvordan dere kan klage.');
    const english = new Client(t.app, 'en');
    Object.assign(english, { cookies: mother.cookies, csrfToken: mother.csrfToken });
    expect(JSON.stringify((await english.get('/api/notifications')).json())).toContain('See the reason and how you can appeal.');
    expect((await unit.post(`/api/plan-requests/${r.id}/decision`, { decision: 'granted', reason: 'x', coordinatorStaffId: ids.nurse, version: r.version + 1 })).statusCode).toBe(409);
  });

  it('a grant appoints the nurse, who must accept before the plan can open; only she may answer', async () => {
    expect((await mother.post(requestsUrl(), { kind: 'plan_and_coordinator', reason: 'Det har blitt flere tjenester nå.' })).statusCode).toBe(201);
    const r = await open();
    const granted = await unit.post(`/api/plan-requests/${r.id}/decision`, { decision: 'granted', reason: 'Langvarige og koordinerte behov.', coordinatorStaffId: ids.nurse, version: r.version });
    expect(granted.statusCode, granted.body).toBe(200);
    const view = (await planOf(nurse)).json();
    expect(view.pendingAppointment).toMatchObject({ mine: true, coordinator: { name: 'Kari Nygård' } });
    expect(view.coordinator).toBeNull();
    const early = await nurse.post(`/api/people/${child.id}/individual-plan`, {});
    expect(early.statusCode).toBe(409);
    expect(message(early)).toBe('Du må godta oppnevningen som koordinator før du kan opprette planen.');
    expect((await teacher.post(`/api/coordinator-assignments/${view.pendingAppointment.id}/answer`, { accept: true })).statusCode).toBe(403);
    expect(await t.database.db.selectFrom('individual_plan').select('id').where('person_id', '=', child.id).execute()).toEqual([]);
    const accepted = await nurse.post(`/api/coordinator-assignments/${view.pendingAppointment.id}/answer`, { accept: true });
    expect(accepted.json()).toEqual({ status: 'accepted' });
    const family = (await planOf(mother)).json();
    expect(family.coordinator).toMatchObject({ name: 'Kari Nygård', unitName: 'Helsestasjon Nord', email: expect.stringContaining('@') });
    expect(JSON.stringify((await mother.get('/api/notifications')).json())).toContain('Kari Nygård er nå koordinatoren deres.');
  });
});

describe('the plan', () => {
  it('is refused without the family\'s consent to the plan, and nothing changes', async () => {
    const before = await counts();
    const refused = await nurse.post(`/api/people/${child.id}/individual-plan`, {});
    expect(refused.statusCode).toBe(409);
    expect(message(refused)).toBe('Familien har ikke samtykket til individuell plan. Planen kan ikke opprettes før samtykket er gitt.');
    expect(await counts()).toEqual(before);
  });

  it('opens under the consent with the relay log\'s goals and measures linked, moves the case to level 3 and asks for the baton', async () => {
    const consent = await teacher.post(`/api/people/${child.id}/consents`, {
      method: 'paper', childView: 'Jonas synes det er fint at de voksne snakker sammen.', giverIds: [ids.mother], validFrom: today(), validTo: daysFromToday(365), purposes: ['individual_plan'], categories: ['social', 'health'], recipientUnitIds: [ids.school], recipientUnitTypes: ['health_station'],
    });
    expect(consent.statusCode, consent.body).toBe(201);
    const created = await withKey(nurse, `/api/people/${child.id}/individual-plan`, { firstEvaluationOn: daysFromToday(90) }, 'plan-once');
    expect(created.statusCode, created.body).toBe(201);
    planId = created.json().id;
    expect((await withKey(nurse, `/api/people/${child.id}/individual-plan`, { firstEvaluationOn: daysFromToday(90) }, 'plan-once')).json().id).toBe(planId);
    const second = await nurse.post(`/api/people/${child.id}/individual-plan`, {});
    expect(second.statusCode).toBe(409);
    expect(message(second)).toBe('Barnet har allerede en aktiv individuell plan.');
    const plan = (await planOf(nurse)).json().plan;
    expect(plan.logItems.map((i: { kind: string; title: string }) => `${i.kind}:${i.title}`)).toEqual([
      'development_area:Vennskap og lek', 'goal:Leker med andre i friminuttene', 'measure:Samtaler med helsesykepleier',
    ]);
    expect(plan.evaluations).toEqual([expect.objectContaining({ dueOn: daysFromToday(90) })]);
    const status = (await teacher.get(`/api/people/${child.id}/case-status`)).json();
    expect(status.case.level).toBe(3);
    expect(status.case.levelHistory.at(-1)).toMatchObject({ from: 2, to: 3, reason: 'Individuell plan er opprettet.' });
    const handover = await t.database.db.selectFrom('relay_handover').select(['from_staff_id', 'to_staff_id', 'status']).where('case_id', '=', ids.caseId).executeTakeFirstOrThrow();
    expect(handover).toEqual({ from_staff_id: ids.teacher, to_staff_id: ids.nurse, status: 'pending' });
  });

  it('shows the log\'s entries at their current version: corrected in the log, corrected in the plan', async () => {
    const corrected = await teacher.post(`/api/cases/${ids.caseId}/entries/${ids.goalKey}`, { kind: 'goal', category: 'social', title: 'Leker med minst to andre i friminuttene', basedOnVersion: 1 });
    expect(corrected.statusCode, corrected.body).toBe(201);
    const goal = (await planOf(mother)).json().plan.logItems.find((i: { entryKey: string }) => i.entryKey === ids.goalKey);
    expect(goal).toMatchObject({ version: 2, title: 'Leker med minst to andre i friminuttene' });
  });

  it('takes the mother\'s own goal at the version she read, and refuses a stale one, a father without responsibility and a youth', async () => {
    const { plan } = (await planOf(mother)).json();
    const before = await count('plan_goal');
    const goal = { whose: 'family', text: 'At Jonas gleder seg til å gå på skolen.' };
    expect((await mother.post(`/api/individual-plans/${planId}/goals`, { ...goal, version: plan.version + 1 })).statusCode).toBe(409);
    expect((await father.post(`/api/individual-plans/${planId}/goals`, { ...goal, version: plan.version })).statusCode).toBe(403);
    expect((await youth.post(`/api/individual-plans/${planId}/goals`, { ...goal, version: plan.version })).statusCode).toBe(403);
    expect(fields(await nurse.post(`/api/individual-plans/${planId}/goals`, { ...goal, version: plan.version }))).toEqual([{ field: 'whose', message: 'Familiens egne mål skrives av familien.' }]);
    expect(await count('plan_goal')).toBe(before);
    const saved = await mother.post(`/api/individual-plans/${planId}/goals`, { ...goal, version: plan.version });
    expect(saved.json()).toEqual({ id: planId, version: plan.version + 1 });
    const after = (await planOf(mother)).json().plan;
    expect(after.goals).toEqual([expect.objectContaining({ whose: 'family', text: goal.text, status: 'open', author: { kind: 'family', name: 'Sofie Nordli' } })]);
    expect(after.history.map((h: { what: string }) => h.what)).toEqual(['created', 'goal_added']);
  });

  it('refuses a contribution without a responsible person or ending before it starts; takes one with both', async () => {
    const { plan } = (await planOf(nurse)).json();
    const before = await count('plan_contribution');
    const base = { description: 'Ukentlige samtaler på helsestasjonen', startsOn: today(), endsOn: daysFromToday(120), version: plan.version };
    expect(fields(await nurse.post(`/api/individual-plans/${planId}/contributions`, base))).toEqual([{ field: 'responsibleStaffId', message: 'Et bidrag må ha en ansvarlig person.' }]);
    expect(fields(await nurse.post(`/api/individual-plans/${planId}/contributions`, { ...base, responsibleStaffId: ids.nurse, endsOn: daysFromToday(-1) }))).toEqual([{ field: 'endsOn', message: 'Sluttdatoen kan ikke være før startdatoen.' }]);
    expect((await other.post(`/api/individual-plans/${planId}/contributions`, { ...base, responsibleStaffId: ids.nurse })).statusCode).toBe(403);
    expect(await count('plan_contribution')).toBe(before);
    expect((await nurse.post(`/api/individual-plans/${planId}/contributions`, { ...base, responsibleStaffId: ids.nurse })).statusCode).toBe(200);
    expect((await planOf(mother)).json().plan.contributions).toEqual([expect.objectContaining({ responsible: { name: 'Kari Nygård', unitName: 'Helsestasjon Nord' }, endsOn: daysFromToday(120) })]);
  });

  it('is confirmed by the mother for the version she read; a change asks for a new confirmation', async () => {
    const { plan } = (await planOf(mother)).json();
    expect((await father.post(`/api/individual-plans/${planId}/confirm`, { version: plan.version })).statusCode).toBe(403);
    expect((await mother.post(`/api/individual-plans/${planId}/confirm`, { version: plan.version })).statusCode).toBe(200);
    expect((await planOf(nurse)).json().plan).toMatchObject({ confirmedCurrent: true, confirmed: { version: plan.version, by: 'Sofie Nordli' } });
    expect((await nurse.post(`/api/individual-plans/${planId}/evaluations`, { dueOn: daysFromToday(180), version: plan.version })).statusCode).toBe(200);
    expect((await planOf(mother)).json().plan.confirmedCurrent).toBe(false);
    expect((await mother.post(`/api/individual-plans/${planId}/comments`, { body: 'Fint at skolen og helsestasjonen snakker sammen.' })).statusCode).toBe(201);
  });

  it('is shown to Koordinerende enhet as requests and decisions, not its content', async () => {
    const seen = (await planOf(unit)).json();
    expect(seen).toMatchObject({ plan: null, planHidden: true, coordinator: { name: 'Kari Nygård' } });
    expect(seen.requests.map((r: { decision: string }) => r.decision)).toEqual(['granted', 'refused']);
    expect((await unit.get(`/api/individual-plans/${planId}/pdf`)).statusCode).toBe(403);
    expect((await other.get(`/api/people/${child.id}/individual-plan`)).statusCode).toBe(403);
  });

  it('prints as a PDF in the reader\'s language with the log\'s goal, the mother\'s goal and the coordinator', async () => {
    const pdf = await mother.get(`/api/individual-plans/${planId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Individuell plan');
    expect(text).toContain(`${child.givenName} ${child.familyName}`);
    expect(text).toContain('Leker med minst to andre i friminuttene');
    expect(text).toContain('Samtaler med helsesykepleier');
    expect(text).toContain('At Jonas gleder seg til å gå på skolen.');
    expect(text).toContain('Kari Nygård');
    const english = new Client(t.app, 'en');
    Object.assign(english, { cookies: mother.cookies, csrfToken: mother.csrfToken });
    expect(await pdfText((await english.get(`/api/individual-plans/${planId}/pdf`)).rawPayload)).toContain('The family\'s goal');
  });
});

describe('changing the coordinator', () => {
  it('keeps the current coordinator until the new one accepts', async () => {
    const appointed = await unit.post(`/api/people/${child.id}/coordinator`, { staffUserId: ids.teacher, reason: 'Helsesykepleier slutter.' });
    expect(appointed.statusCode, appointed.body).toBe(201);
    expect((await planOf(mother)).json().coordinator).toMatchObject({ name: 'Kari Nygård' });
    expect((await teacher.post(`/api/coordinator-assignments/${appointed.json().id}/answer`, { accept: true })).statusCode).toBe(200);
    expect((await planOf(mother)).json().coordinator).toMatchObject({ name: 'Henrik Aasen' });
    expect((await planOf(mother)).json().plan.history.at(-1)).toMatchObject({ what: 'coordinator_changed', by: 'Henrik Aasen' });
    // The former coordinator, from a unit the plan's consent names, still works on the plan, but no longer opens one.
    expect((await planOf(nurse)).json().abilities).toMatchObject({ write: true, createPlan: false });
    // With a plan in force, nobody is offered to ask for one.
    expect((await planOf(mother)).json().abilities).toMatchObject({ request: false, familyWrite: true });
  });
});

describe('evaluation, reminders and counts', () => {
  it('reminds the coordinator (and the mother taking part) once before an evaluation date', async () => {
    const inEightyDays = new Date(Date.parse(`${daysFromToday(80)}T09:00:00Z`));
    expect(await sendPlanReminders(t.database.db, inEightyDays)).toBe(2);
    expect(await sendPlanReminders(t.database.db, inEightyDays)).toBe(0);
    expect(JSON.stringify((await teacher.get('/api/notifications')).json())).toContain('Den individuelle planen skal evalueres');
  });

  it('an evaluation updates the own goals\' status with the family\'s view; an unknown goal changes nothing', async () => {
    const { plan } = (await planOf(teacher)).json();
    const evaluation = plan.evaluations.find((e: { dueOn: string }) => e.dueOn === daysFromToday(90));
    const goal = plan.goals[0];
    const url = `/api/individual-plans/${planId}/evaluations/${evaluation.id}/held`;
    expect(fields(await teacher.post(url, { goals: [{ goalId: evaluation.id, status: 'achieved' }], version: plan.version }))).toEqual([{ field: 'goals.0.goalId', message: 'Målet finnes ikke i planen.' }]);
    expect((await mother.post(url, { goals: [], version: plan.version })).statusCode).toBe(403);
    const held = await teacher.post(url, { goals: [{ goalId: goal.id, status: 'partly', familyView: 'Han gruer seg mindre om morgenen.' }], version: plan.version });
    expect(held.statusCode, held.body).toBe(200);
    const after = (await planOf(mother)).json().plan;
    expect(after.goals[0]).toMatchObject({ status: 'partly', familyView: 'Han gruer seg mindre om morgenen.' });
    expect(after.evaluations.find((e: { id: string }) => e.id === evaluation.id).doneOn).toBe(today());
    expect(after.history.at(-1)).toMatchObject({ what: 'evaluated' });
  });

  it('counts requests, decisions, waiting days and evaluations held on time, naming no one', async () => {
    const { municipality_id: municipalityId } = await t.database.db.selectFrom('individual_plan').select('municipality_id').where('id', '=', planId).executeTakeFirstOrThrow();
    const counts = await planCounts(t.database.db, municipalityId, countPeriod());
    // The demo's own request and evaluation date may fall in the period too: this file's are counted on top.
    expect(counts.requests - baseline.requests).toBe(2);
    expect(counts).toMatchObject({
      decisions: { granted: 1, refused: 1 }, daysToDecision: { median: 1.5, mean: 1.5 },
      plansOpened: 1, daysToFirstPlan: { median: 0, mean: 0 },
    });
    expect(counts.evaluations.onTime - baseline.evaluations.onTime).toBe(1);
    expect(counts.evaluations.due - baseline.evaluations.due).toBe(1);
    expect(JSON.stringify(counts)).not.toContain(child.id);
  });
});

describe('the relay log as a PDF', () => {
  it('prints the log as far as the reader\'s consent reaches, in the reader\'s language; others are refused and audited', async () => {
    const url = `/api/people/${child.id}/relay-log.pdf`;
    const pdf = await teacher.get(url);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Stafettlogg');
    expect(text).toContain(`${child.givenName} ${child.familyName}`);
    expect(text).toContain('Utviklingsområde (Sosialt): Vennskap og lek');
    expect(text).toContain('Samtaler med helsesykepleier');
    expect(text).toContain('Ansvarlig: Kari Nygård');
    const english = new Client(t.app, 'en');
    Object.assign(english, { cookies: mother.cookies, csrfToken: mother.csrfToken });
    const familyCopy = await pdfText((await english.get(url)).rawPayload);
    expect(familyCopy).toContain('Relay log');
    expect(familyCopy).toContain('Development area');
    expect(familyCopy).toContain('Vennskap og lek');

    const before = await t.database.db.selectFrom('audit_event').select(sql<number>`count(*)::int`.as('n')).where('subject_id', '=', child.id).where('action', '=', 'case.read').where('outcome', '=', 'denied').executeTakeFirstOrThrow();
    const refused = await Promise.all([other, father, youth].map((c) => c.get(url)));
    expect(refused.map((r) => r.statusCode)).toEqual([403, 403, 403]);
    expect(refused.every((r) => !r.headers['content-type']?.toString().includes('pdf'))).toBe(true);
    expect([401, 403]).toContain((await new Client(t.app).get(url)).statusCode);
    const after = await t.database.db.selectFrom('audit_event').select(sql<number>`count(*)::int`.as('n')).where('subject_id', '=', child.id).where('action', '=', 'case.read').where('outcome', '=', 'denied').executeTakeFirstOrThrow();
    expect(after.n).toBeGreaterThanOrEqual(before.n + 3);
  });
});

describe('at 18', () => {
  it('a youth turning 18 keeps the plan only after their own consent', async () => {
    const db = t.database.db;
    const { birth_date: born } = await db.selectFrom('person').select('birth_date').where('id', '=', child.id).executeTakeFirstOrThrow();
    // Eighteen since ten days: the family's consent to the plan was a guardian's.
    const eighteen = addDays(`${Number(today().slice(0, 4)) - 18}${today().slice(4)}`, -10);
    await db.updateTable('person').set({ birth_date: eighteen }).where('id', '=', child.id).execute();
    try {
      const goals = async () => (await db.selectFrom('plan_goal').select('id').where('plan_id', '=', planId).execute()).length;
      const before = await goals();
      const hidden = (await planOf(teacher)).json();
      expect(hidden).toMatchObject({ plan: null, planHidden: true });
      const { version } = await db.selectFrom('individual_plan').select('version').where('id', '=', planId).executeTakeFirstOrThrow();
      expect((await teacher.post(`/api/individual-plans/${planId}/goals`, { whose: 'child', text: 'Få seg en jobb.', version })).statusCode).toBe(403);
      expect((await teacher.get(`/api/individual-plans/${planId}/pdf`)).statusCode).toBe(403);
      expect(await goals()).toBe(before);
      const denied = await db.selectFrom('audit_event').select('reason').where('subject_id', '=', child.id).where('reason', '=', 'adult_own_consent_required').execute();
      expect(denied.length).toBeGreaterThanOrEqual(2);

      // His own consent to the plan: it carries on, with the coordinator in office.
      const own = await teacher.post(`/api/people/${child.id}/consents`, {
        method: 'paper', giverIds: [child.id], validFrom: today(), validTo: daysFromToday(365), purposes: ['individual_plan'], categories: ['social', 'health'], recipientUnitIds: [ids.school], recipientUnitTypes: ['health_station'],
      });
      expect(own.statusCode, own.body).toBe(201);
      const kept = (await planOf(teacher)).json();
      expect(kept.plan).toMatchObject({ id: planId });
      expect((await teacher.post(`/api/individual-plans/${planId}/goals`, { whose: 'child', text: 'Få seg en jobb.', version: kept.plan.version })).statusCode).toBe(200);
      expect(await goals()).toBe(before + 1);
    } finally {
      await db.updateTable('person').set({ birth_date: born }).where('id', '=', child.id).execute();
    }
  });
});
