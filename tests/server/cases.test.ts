// From concern to action, through the API: a kindergarten teacher's worry about a child, discussed
// anonymously and then tied to her; levels and action-guide steps; the relay log opening with the
// mother's consent; measures, an evaluation and a correction; the baton handed to the health nurse;
// and the transition to school that moves the baton with only what the family consented to. Each
// test brings the case as far along as it needs (openCase, withConsents, withEntries, heldByNurse,
// atSchool), with a family of its own, so that the tests pass in any order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { testClock, today as todayInOslo } from '../support/clock.ts';
import { enrol, expectStatus, familyName, registeredChildWithGuardian, staffIdentity } from '../support/factories.ts';
import { addDays, subtractYears } from '../../common/dates.ts';

let t: TestApp;
let teacher: Client; // a kindergarten teacher
let nurse: Client; // a health nurse
let schoolTeacher: Client; // a primary-school teacher
const ids: Record<'teacher' | 'nurse' | 'schoolTeacher' | 'kindergarten' | 'school', string> = { teacher: '', nurse: '', schoolTeacher: '', kindergarten: '', school: '' };
const names: Record<'teacher' | 'nurse' | 'schoolTeacher' | 'nurseUnit' | 'kindergarten' | 'school', string> = { teacher: '', nurse: '', schoolTeacher: '', nurseUnit: '', kindergarten: '', school: '' };

const today = todayInOslo();
const plusDays = (n: number) => addDays(today, n);
const inOneYear = plusDays(365);

async function count(table: 'relay_log_entry' | 'relay_handover' | 'case_level_change' | 'worry' | 'transition') {
  return (await t.database.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
}
const fields = (response: { json(): { error: { fields: unknown } } }) => response.json().error.fields;

interface Family { childId: string; childName: string; mother: Client; motherId: string; motherName: string }
interface Case extends Family { caseId: string; worryId: string }
const status = async (client: Client, f: Family) => (await client.get(`/api/people/${f.childId}/case-status`)).json();

let families = 0;
/** A five-year-old at the teacher's kindergarten, registered by the teacher, with her mother. */
async function family(): Promise<Family> {
  const n = families++;
  const surname = familyName(n);
  const f = await registeredChildWithGuardian(t.database.db, teacher, {
    givenName: 'Tiril', familyName: surname, birthDate: addDays(subtractYears(today, 5), -30), guardianGivenName: 'Mari', username: `mor.saker.${n}`,
  });
  await enrol(t.database.db, f.childId, ids.kindergarten, subtractYears(today, 2));
  return { childId: f.childId, childName: `Tiril ${surname}`, mother: f.guardian, motherId: f.guardianId, motherName: f.guardianName };
}

/** The teacher's worry, tied to the child: her case open at level 0, the teacher holding the baton. */
async function openCase(): Promise<Case> {
  const f = await family();
  const worryId = expectStatus(await teacher.post('/api/worries', { categories: ['language'], description: 'Sier lite.', noticedOn: today, ageYears: 5 }), 201).json().worryId;
  const caseId = expectStatus(await teacher.post(`/api/worries/${worryId}/link`, { personId: f.childId }), 200).json().caseId;
  return { ...f, caseId, worryId };
}

/** The mother's paper consents: collaboration with the kindergarten and health stations, language and development to the school. */
async function giveConsents(c: Family) {
  const common = { method: 'paper', giverIds: [c.motherId], validFrom: today, validTo: inOneYear };
  expectStatus(await teacher.post(`/api/people/${c.childId}/consents`, {
    ...common, purposes: ['collaboration'], categories: ['development', 'language', 'social', 'health'], recipientUnitIds: [ids.kindergarten], recipientUnitTypes: ['health_station'],
  }), 201);
  // For the move to school she consents to pass on language and development only.
  expectStatus(await teacher.post(`/api/people/${c.childId}/consents`, {
    ...common, purposes: ['transition'], categories: ['development', 'language'], recipientUnitTypes: ['school_primary'],
  }), 201);
}
async function withConsents(): Promise<Case> {
  const c = await openCase();
  await giveConsents(c);
  return c;
}

const GOAL = 'Barnet tar ordet i samlingsstund';
/** A development area, a goal, a language measure the teacher leads and a health measure the nurse leads. */
async function withEntries(): Promise<Case & { goalKey: string; measureKey: string }> {
  const c = await withConsents();
  const entry = async (body: object) => expectStatus(await teacher.post(`/api/cases/${c.caseId}/entries`, body), 201).json().entryKey as string;
  await entry({ kind: 'development_area', category: 'language', title: 'Språk og samspill' });
  const goalKey = await entry({ kind: 'goal', category: 'language', title: GOAL });
  const measureKey = await entry({ kind: 'measure', category: 'language', title: 'Språkgruppe to ganger i uka', responsibleStaffId: ids.teacher, startsOn: today, evaluateOn: plusDays(42) });
  await entry({ kind: 'measure', category: 'health', title: 'Hørselstest på helsestasjonen', responsibleStaffId: ids.nurse, startsOn: today, evaluateOn: plusDays(30) });
  return { ...c, goalKey, measureKey };
}

async function handOver(from: Client, to: Client, c: Case, body: object) {
  const id = expectStatus(await from.post(`/api/cases/${c.caseId}/handovers`, body), 201).json().id;
  expectStatus(await to.post(`/api/handovers/${id}/accept`, {}), 200);
}
/** The case with its entries, the baton passed from the teacher to the nurse. */
async function heldByNurse() {
  const c = await withEntries();
  await handOver(teacher, nurse, c, { toStaffId: ids.nurse });
  return c;
}

const nextAugust = `${Number(today.slice(0, 4)) + (today.slice(5) > '08-15' ? 1 : 0)}-08-15`;
const enrolAtSchool = async (c: Family) => expectStatus(await nurse.post(`/api/people/${c.childId}/enrolments`, { serviceUnitId: ids.school, startsOn: nextAugust }), 201);
/** The case moved to the school with the transition: the school teacher holds the baton. */
async function atSchool() {
  const c = await heldByNurse();
  await enrolAtSchool(c);
  const transitionId = expectStatus(await nurse.post(`/api/cases/${c.caseId}/transitions`, { toUnitId: ids.school }), 201).json().id;
  await handOver(nurse, schoolTeacher, c, { toStaffId: ids.schoolTeacher, transitionId });
  return c;
}

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  [teacher, nurse, schoolTeacher] = await Promise.all([signedIn(t.app, 'fagperson.barnehage'), signedIn(t.app, 'helsesykepleier'), signedIn(t.app, 'fagperson.skole')]);
  const db = t.database.db;
  for (const [key, client] of [['teacher', teacher], ['nurse', nurse], ['schoolTeacher', schoolTeacher]] as const) {
    const { principal } = (await client.get('/api/auth/me')).json() as { principal: { username: string; serviceUnitId: string } };
    ids[key] = (await db.selectFrom('staff_user').select('id').where('username', '=', principal.username).executeTakeFirstOrThrow()).id;
    const identity = await staffIdentity(db, client);
    names[key] = identity.displayName;
    if (key === 'teacher') [ids.kindergarten, names.kindergarten] = [principal.serviceUnitId, identity.unitName!];
    if (key === 'schoolTeacher') [ids.school, names.school] = [principal.serviceUnitId, identity.unitName!];
    if (key === 'nurse') names.nurseUnit = identity.unitName!;
  }
});
afterAll(async () => {
  await t?.close();
});

describe('a worry', () => {
  it('is noted anonymously with signs in categories, storing no identity', async () => {
    const response = await teacher.post('/api/worries', { categories: ['language', 'social'], description: 'Sier lite, leker mest alene.', noticedOn: today, ageYears: 5 });
    expect(response.statusCode).toBe(201);
    const row = await t.database.db.selectFrom('worry').selectAll().where('id', '=', response.json().worryId).executeTakeFirstOrThrow();
    expect(row.person_id).toBeNull();
    expect(row.case_id).toBeNull();
  });

  it('refuses a worry without a category or noticed in the future, and stores nothing', async () => {
    const before = await count('worry');
    expect(fields(await teacher.post('/api/worries', { categories: [], description: 'x', noticedOn: today }))).toEqual([{ field: 'categories', message: 'Velg minst ett område.' }]);
    expect(fields(await teacher.post('/api/worries', { categories: ['health'], description: 'x', noticedOn: plusDays(3) }))).toEqual([
      { field: 'noticedOn', message: 'Datoen du la merke til dette, kan ikke være frem i tid.' },
    ]);
    expect(await count('worry')).toBe(before);
  });

  it('is discussed with a colleague, who sees it; others do not', async () => {
    const f = await family();
    const [worryId, undiscussed] = await Promise.all([1, 2].map(async () => expectStatus(await teacher.post('/api/worries', { categories: ['social'], description: 'Leker mest alene.', noticedOn: today, ageYears: 5 }), 201).json().worryId as string));
    expect((await teacher.post(`/api/worries/${worryId}/discussions`, { withStaffId: ids.nurse, note: 'Foreslår å snakke med foreldrene.' })).statusCode).toBe(201);
    const forNurse = (await nurse.get('/api/worries')).json().worries as { id: string }[];
    expect(forNurse.filter((w) => w.id === worryId)).toEqual([expect.objectContaining({ id: worryId, noticedBy: names.teacher, mine: false, discussions: [expect.objectContaining({ note: 'Foreslår å snakke med foreldrene.' })] })]);
    expect(forNurse.map((w) => w.id)).not.toContain(undiscussed);
    const forSchool = (await schoolTeacher.get('/api/worries')).json().worries as { id: string }[];
    expect(forSchool.map((w) => w.id)).not.toContain(worryId);
    expect((await nurse.post(`/api/worries/${worryId}/link`, { personId: f.childId })).statusCode).toBe(403);
  });

  it('is tied to the child once the family has been spoken to, opening her case at level 0 with the teacher as relay holder', async () => {
    const f = await family();
    const worryId = expectStatus(await teacher.post('/api/worries', { categories: ['language'], description: 'Sier lite.', noticedOn: today, ageYears: 5 }), 201).json().worryId;
    const response = await teacher.post(`/api/worries/${worryId}/link`, { personId: f.childId });
    expect(response.statusCode).toBe(200);
    const caseId = response.json().caseId;
    const s = await status(teacher, f);
    // The guide in force: another test here publishes a second version.
    const guideVersion = (await t.database.db.selectFrom('action_guide_version').select(sql<number>`max(version)::int`.as('v')).executeTakeFirstOrThrow()).v;
    expect(s.case).toMatchObject({ id: caseId, level: 0, relayHolder: { name: names.teacher, unitName: names.kindergarten }, guideVersion });
    expect(s.abilities).toMatchObject({ hold: true, changeStatus: true });
    expect(s.case.steps.map((step: { stepKey: string }) => step.stepKey)).toEqual(['note_observations', 'talk_with_child', 'talk_with_parents', 'consult', 'consider_child_welfare']);
    expect(s.case.steps[4].links[0].url).toContain('lovdata.no');
    expect(s.abilities.readLog).toBe(false);
    expect((await t.database.db.selectFrom('worry').select(['person_id', 'age_years']).where('id', '=', worryId).executeTakeFirstOrThrow())).toEqual({ person_id: f.childId, age_years: null });
  });
});

describe('levels and the action guide', () => {
  it('marks a step done, with who and when', async () => {
    const c = await openCase();
    expect((await teacher.post(`/api/cases/${c.caseId}/steps`, { level: 0, stepKey: 'talk_with_parents', done: true })).statusCode).toBe(200);
    const step = (await status(teacher, c)).case.steps.find((s: { stepKey: string }) => s.stepKey === 'talk_with_parents');
    expect(step.done).toMatchObject({ by: names.teacher });
    expect((await teacher.post(`/api/cases/${c.caseId}/steps`, { level: 0, stepKey: 'no_such_step', done: true })).statusCode).toBe(400);
  });

  it('moves up a level recording who, when and why; refuses the same level and a stale version', async () => {
    const c = await openCase();
    const s = await status(teacher, c);
    const before = await count('case_level_change');
    expect(fields(await teacher.post(`/api/cases/${c.caseId}/level`, { toLevel: 0, reason: 'x', version: s.case.version }))).toEqual([{ field: 'toLevel', message: 'Saken er allerede på dette nivået.' }]);
    expect((await teacher.post(`/api/cases/${c.caseId}/level`, { toLevel: 1, reason: 'x', version: s.case.version + 5 })).statusCode).toBe(409);
    expect(await count('case_level_change')).toBe(before);
    expect((await teacher.post(`/api/cases/${c.caseId}/level`, { toLevel: 1, reason: 'Foreldrene ønsker tiltak i barnehagen.', version: s.case.version })).statusCode).toBe(200);
    const after = await status(teacher, c);
    expect(after.case.level).toBe(1);
    expect(after.case.levelHistory.at(-1)).toMatchObject({ from: 0, to: 1, reason: 'Foreldrene ønsker tiltak i barnehagen.', by: names.teacher });
    expect(after.case.steps[0].stepKey).toBe('get_consent');
  });

  it('is not open to a professional who is not involved', async () => {
    const c = await openCase();
    expect((await schoolTeacher.get(`/api/people/${c.childId}/case-status`)).statusCode).toBe(403);
    expect((await schoolTeacher.post(`/api/cases/${c.caseId}/level`, { toLevel: 2, reason: 'x', version: 1 })).statusCode).toBe(403);
  });
});

describe('the relay log', () => {
  it('stays closed until the family consents', async () => {
    const c = await openCase();
    expect((await teacher.get(`/api/people/${c.childId}/case`)).statusCode).toBe(403);
    expect((await teacher.post(`/api/cases/${c.caseId}/entries`, { kind: 'goal', category: 'language', title: 'x' })).statusCode).toBe(403);
  });

  it('opens with the mother\'s paper consent', async () => {
    const c = await openCase();
    expect((await status(teacher, c)).abilities.readLog).toBe(false);
    const common = { method: 'paper', giverIds: [c.motherId], validFrom: today, validTo: inOneYear };
    expect((await teacher.post(`/api/people/${c.childId}/consents`, {
      ...common, purposes: ['collaboration'], categories: ['development', 'language', 'social', 'health'], recipientUnitIds: [ids.kindergarten], recipientUnitTypes: ['health_station'],
    })).statusCode).toBe(201);
    expect((await teacher.post(`/api/people/${c.childId}/consents`, {
      ...common, purposes: ['transition'], categories: ['development', 'language'], recipientUnitTypes: ['school_primary'],
    })).statusCode).toBe(201);
    expect((await status(teacher, c)).abilities.readLog).toBe(true);
  });

  it('holds development areas, goals and measures, each with a responsible person and dates', async () => {
    const c = await withConsents();
    expect((await teacher.post(`/api/cases/${c.caseId}/entries`, { kind: 'development_area', category: 'language', title: 'Språk og samspill' })).statusCode).toBe(201);
    expect((await teacher.post(`/api/cases/${c.caseId}/entries`, { kind: 'goal', category: 'language', title: GOAL })).statusCode).toBe(201);
    const measure = await teacher.post(`/api/cases/${c.caseId}/entries`, {
      kind: 'measure', category: 'language', title: 'Språkgruppe to ganger i uka', responsibleStaffId: ids.teacher, startsOn: today, evaluateOn: plusDays(42),
    });
    expect(measure.statusCode).toBe(201);
    // The nurse is not involved until she is responsible for a measure.
    expect((await nurse.get(`/api/people/${c.childId}/case`)).statusCode).toBe(403);
    const second = await teacher.post(`/api/cases/${c.caseId}/entries`, {
      kind: 'measure', category: 'health', title: 'Hørselstest på helsestasjonen', responsibleStaffId: ids.nurse, startsOn: today, evaluateOn: plusDays(30),
    });
    expect(second.statusCode).toBe(201);
    const log = (await teacher.get(`/api/people/${c.childId}/case`)).json();
    // Newest first.
    expect(log.entries.map((e: { kind: string; title: string }) => `${e.kind}:${e.title}`)).toEqual([
      'measure:Hørselstest på helsestasjonen', 'measure:Språkgruppe to ganger i uka', `goal:${GOAL}`, 'development_area:Språk og samspill',
    ]);
    expect(log.hasMore).toBe(false);
    expect(log.entries[0]).toMatchObject({ responsible: { name: names.nurse, unitName: names.nurseUnit }, author: { kind: 'staff', name: names.teacher } });
    // The nurse responsible for a measure is involved from then on.
    expect((await nurse.get(`/api/people/${c.childId}/case`)).statusCode).toBe(200);
  });

  it('refuses an evaluation date before the start, a measure without a responsible person or with one outside the consent; nothing is written', async () => {
    const c = await withConsents();
    const before = await count('relay_log_entry');
    const base = { kind: 'measure', category: 'language', title: 'Tiltak', startsOn: today, evaluateOn: plusDays(10), responsibleStaffId: ids.teacher };
    expect(fields(await teacher.post(`/api/cases/${c.caseId}/entries`, { ...base, evaluateOn: plusDays(-1) }))).toEqual([{ field: 'evaluateOn', message: 'Evalueringsdatoen kan ikke være før startdatoen.' }]);
    expect(fields(await teacher.post(`/api/cases/${c.caseId}/entries`, { ...base, responsibleStaffId: undefined }))).toEqual([{ field: 'responsibleStaffId', message: 'Et tiltak må ha en ansvarlig person.' }]);
    expect(fields(await teacher.post(`/api/cases/${c.caseId}/entries`, { ...base, responsibleStaffId: ids.schoolTeacher }))).toEqual([
      { field: 'responsibleStaffId', message: 'Den ansvarlige må jobbe i en tjeneste som samtykket omfatter.' },
    ]);
    const english = await signedIn(t.app, 'fagperson.barnehage', 'en');
    expect(fields(await english.post(`/api/cases/${c.caseId}/entries`, { ...base, evaluateOn: plusDays(-1) }))).toEqual([{ field: 'evaluateOn', message: 'The evaluation date cannot be before the start date.' }]);
    expect(await count('relay_log_entry')).toBe(before);
  });

  it('records an evaluation with the family\'s and the child\'s view', async () => {
    const c = await withEntries();
    const response = await teacher.post(`/api/cases/${c.caseId}/entries`, {
      kind: 'evaluation', category: 'language', title: 'Evaluering av språkgruppa', measureKey: c.measureKey, outcome: 'partly', familyView: 'Hun snakker mer hjemme.', childView: 'Gøy med sanger.',
    });
    expect(response.statusCode).toBe(201);
    const evaluation = (await teacher.get(`/api/people/${c.childId}/case`)).json().entries.find((e: { kind: string }) => e.kind === 'evaluation');
    expect(evaluation).toMatchObject({ measureKey: c.measureKey, outcome: 'partly', familyView: 'Hun snakker mer hjemme.', childView: 'Gøy med sanger.' });
  });

  it('corrects an entry as a new version and keeps the history visible', async () => {
    const c = await withEntries();
    const stale = await teacher.post(`/api/cases/${c.caseId}/entries/${c.goalKey}`, { kind: 'goal', category: 'language', title: 'Ny tekst', basedOnVersion: 7 });
    expect(stale.statusCode).toBe(409);
    const corrected = await teacher.post(`/api/cases/${c.caseId}/entries/${c.goalKey}`, { kind: 'goal', category: 'language', title: `${GOAL} minst én gang om dagen`, basedOnVersion: 1 });
    expect(corrected.json()).toEqual({ entryKey: c.goalKey, version: 2 });
    const goal = (await teacher.get(`/api/people/${c.childId}/case`)).json().entries.find((e: { entryKey: string }) => e.entryKey === c.goalKey);
    expect(goal).toMatchObject({ version: 2, title: `${GOAL} minst én gang om dagen` });
    const history = (await teacher.get(`/api/cases/${c.caseId}/entries/${c.goalKey}/history`)).json().versions;
    expect(history.map((v: { version: number; title: string }) => [v.version, v.title])).toEqual([
      [1, GOAL], [2, `${GOAL} minst én gang om dagen`],
    ]);
  });

  it('lets the mother add a strength and a note, but not a measure', async () => {
    const c = await withEntries();
    const strength = await c.mother.post(`/api/cases/${c.caseId}/entries`, { kind: 'strength', category: 'social', title: 'Hun er god til å trøste lillebroren sin' });
    expect(strength.statusCode).toBe(201);
    expect(fields(await c.mother.post(`/api/cases/${c.caseId}/entries`, { kind: 'measure', category: 'language', title: 'x', responsibleStaffId: ids.teacher, startsOn: today, evaluateOn: today }))).toEqual([
      { field: 'kind', message: 'Du kan ikke skrive denne typen innførsel.' },
    ]);
    const entry = (await teacher.get(`/api/people/${c.childId}/case`)).json().entries.find((e: { kind: string }) => e.kind === 'strength');
    expect(entry.author).toEqual({ kind: 'family', name: c.motherName, unitName: null });
    // She was told in the app of what the kindergarten wrote, and the teacher of what she wrote.
    expect(JSON.stringify((await c.mother.get('/api/notifications')).json())).toContain(`${names.teacher} har skrevet i stafettloggen for ${c.childName}.`);
    expect(JSON.stringify((await teacher.get('/api/notifications')).json())).toContain(`${c.motherName} har skrevet i stafettloggen for ${c.childName}.`);
  });
});

describe('the relay holder', () => {
  it('refuses a handover to oneself or to someone outside the consent, changing nothing', async () => {
    const c = await withConsents();
    const before = await count('relay_handover');
    expect(fields(await teacher.post(`/api/cases/${c.caseId}/handovers`, { toStaffId: ids.teacher }))).toEqual([{ field: 'toStaffId', message: 'Du kan ikke gi stafettpinnen til deg selv.' }]);
    expect(fields(await teacher.post(`/api/cases/${c.caseId}/handovers`, { toStaffId: ids.schoolTeacher }))).toEqual([
      { field: 'toStaffId', message: 'Mottakeren må jobbe i en tjeneste som samtykket omfatter.' },
    ]);
    expect(await count('relay_handover')).toBe(before);
  });

  it('is a request: the old holder keeps the baton until the receiver accepts', async () => {
    const c = await withConsents();
    const response = await teacher.post(`/api/cases/${c.caseId}/handovers`, { toStaffId: ids.nurse, message: 'Kan du ta over?' });
    expect(response.statusCode).toBe(201);
    const handoverId = response.json().id;
    const s = await status(teacher, c);
    expect(s.case.relayHolder.name).toBe(names.teacher);
    expect(s.case.pendingHandover).toMatchObject({ to: { name: names.nurse }, message: 'Kan du ta over?' });
    expect((await teacher.post(`/api/cases/${c.caseId}/handovers`, { toStaffId: ids.nurse })).statusCode).toBe(409);
    // Only the receiver answers.
    expect((await teacher.post(`/api/handovers/${handoverId}/accept`, {})).statusCode).toBe(403);
    const tasks = (await nurse.get('/api/tasks/handovers')).json();
    expect(tasks.handovers).toEqual([expect.objectContaining({ id: handoverId, fromName: names.teacher, person: { id: c.childId, name: c.childName } })]);
  });

  it('passes when the receiver accepts; there is exactly one holder', async () => {
    const c = await withConsents();
    const handoverId = expectStatus(await teacher.post(`/api/cases/${c.caseId}/handovers`, { toStaffId: ids.nurse }), 201).json().id;
    expect((await nurse.post(`/api/handovers/${handoverId}/accept`, {})).statusCode).toBe(200);
    const s = await status(nurse, c);
    expect(s.case).toMatchObject({ relayHolder: { name: names.nurse }, pendingHandover: null });
    expect(s.abilities.hold).toBe(true);
    expect((await status(teacher, c)).abilities.hold).toBe(false);
    expect((await nurse.post(`/api/handovers/${handoverId}/accept`, {})).statusCode).toBe(409);
    // The family sees who holds the baton and can comment on it.
    expect((await status(c.mother, c)).case.relayHolder.name).toBe(names.nurse);
    expect((await c.mother.post(`/api/cases/${c.caseId}/entries`, { kind: 'holder_comment', category: 'other', title: 'Fint at helsesykepleier tar over' })).statusCode).toBe(201);
  });
});

describe('the transition to school', () => {
  it('is proposed when the child is enrolled at a school', async () => {
    const c = await heldByNurse();
    expect((await status(nurse, c)).case.proposedTransition).not.toMatchObject({ because: 'enrolment' });
    expect((await nurse.post(`/api/people/${c.childId}/enrolments`, { serviceUnitId: ids.school, startsOn: nextAugust })).statusCode).toBe(201);
    const proposal = (await status(nurse, c)).case.proposedTransition;
    expect(proposal).toMatchObject({ fromStage: 'kindergarten', toStage: 'primary_school', because: 'enrolment', enrolledUnitId: ids.school, dueOn: nextAugust });
  });

  it('moves the baton to the school, which sees only what the transition consent covers', async () => {
    const c = await heldByNurse();
    await enrolAtSchool(c);
    expect(fields(await nurse.post(`/api/cases/${c.caseId}/transitions`, { toUnitId: ids.kindergarten }))).toEqual([{ field: 'toUnitId', message: 'Velg en mottakende enhet for neste trinn.' }]);
    const planned = await nurse.post(`/api/cases/${c.caseId}/transitions`, { toUnitId: ids.school, meetingAt: `${plusDays(14)}T10:00:00+01:00`, meetingPlace: names.kindergarten });
    expect(planned.statusCode).toBe(201);
    const transitionId = planned.json().id;
    const handover = await nurse.post(`/api/cases/${c.caseId}/handovers`, { toStaffId: ids.schoolTeacher, transitionId, message: 'Overgang til skolen' });
    expect(handover.statusCode).toBe(201);
    expect((await teacher.get(`/api/people/${c.childId}/case`)).statusCode).toBe(200);
    expect((await schoolTeacher.post(`/api/handovers/${handover.json().id}/accept`, {})).statusCode).toBe(200);

    const s = await status(schoolTeacher, c);
    expect(s.case.relayHolder.name).toBe(names.schoolTeacher);
    expect(s.case.transitions[0]).toMatchObject({ toUnitName: names.school, status: 'completed' });
    const log = (await schoolTeacher.get(`/api/people/${c.childId}/case`)).json();
    expect(log.visibleCategories).toEqual(['development', 'language']);
    expect(log.entries.every((e: { category: string }) => ['development', 'language'].includes(e.category))).toBe(true);
    expect(log.entries.map((e: { title: string }) => e.title)).not.toContain('Hørselstest på helsestasjonen');
    expect(log.hiddenEntries).toBeGreaterThan(0);
    // The child has left the kindergarten: its staff are no longer involved.
    expect((await teacher.get(`/api/people/${c.childId}/case`)).statusCode).toBe(403);
  });
});

describe('a long relay log', () => {
  type Page = { entries: { entryKey: string; category: string; writtenAt: string }[]; hasMore: boolean; olderCursor: string | null; hiddenEntries: number };
  const PAGE = 50;

  /** Every page from the newest, following the cursor; checks each page's size on the way. */
  async function allPages(client: Client, childId: string): Promise<Page[]> {
    const pages: Page[] = [];
    let before: string | null = null;
    do {
      const response = await client.get(`/api/people/${childId}/case${before ? `?before=${encodeURIComponent(before)}` : ''}`);
      expect(response.statusCode).toBe(200);
      const page = response.json() as Page;
      pages.push(page);
      expect(page.entries.length).toBeLessThanOrEqual(PAGE);
      if (page.hasMore) expect(page.entries.length).toBe(PAGE);
      before = page.olderCursor;
      expect(before === null).toBe(!page.hasMore);
    } while (before && pages.length < 20);
    return pages;
  }

  async function currentCount(caseId: string, categories?: string[]): Promise<number> {
    let query = t.database.db.selectFrom('relay_log_entry as e').select(sql<number>`count(*)::int`.as('n')).where('e.case_id', '=', caseId)
      .where(sql<boolean>`NOT EXISTS (SELECT 1 FROM relay_log_entry n WHERE n.entry_key = e.entry_key AND n.version > e.version)`);
    if (categories) query = query.where('e.category', 'in', categories);
    return (await query.executeTakeFirstOrThrow()).n;
  }

  it('comes a page at a time, newest first, every entry once, as far as the consent reaches', async () => {
    const c = await atSchool();
    // 130 of the family's notes over the last days, three at a time written in the same microsecond,
    // in categories the school sees (language, development) and one it does not (health).
    const categories = ['language', 'health', 'development'] as const;
    const base = testClock.now().getTime() - 86_400_000;
    await t.database.db.insertInto('relay_log_entry').values(Array.from({ length: 130 }, (_, i) => ({
      case_id: c.caseId, entry_key: randomUUID(), version: 1, kind: 'family_note', category: categories[i % 3]!,
      title: `Notat ${i}`, author_person_id: c.motherId, written_at: new Date(base - Math.floor(i / 3) * 60_000),
    }))).execute();

    // The mother sees everything: the pages hold every current entry once, in order.
    const all = await allPages(c.mother, c.childId);
    expect(all[0]!.entries).toHaveLength(PAGE);
    expect(all[0]!.hasMore).toBe(true);
    const keys = all.flatMap((p) => p.entries.map((e) => e.entryKey));
    expect(keys.length).toBe(await currentCount(c.caseId));
    expect(new Set(keys).size).toBe(keys.length);
    const times = all.flatMap((p) => p.entries.map((e) => new Date(e.writtenAt).getTime()));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // The school's pages are full although health entries lie between the ones it may see.
    const school = await allPages(schoolTeacher, c.childId);
    expect(school[0]!.entries).toHaveLength(PAGE);
    const seen = school.flatMap((p) => p.entries);
    expect(seen.every((e) => ['development', 'language'].includes(e.category))).toBe(true);
    expect(seen.length).toBe(await currentCount(c.caseId, ['development', 'language']));
    expect(new Set(seen.map((e) => e.entryKey)).size).toBe(seen.length);
    expect(school[0]!.hiddenEntries).toBe((await currentCount(c.caseId)) - seen.length);
  });

  it('refuses a cursor it did not make', async () => {
    const c = await withConsents();
    const response = await c.mother.get(`/api/people/${c.childId}/case?before=not-a-cursor`);
    expect(response.statusCode).toBe(400);
    expect(fields(response)).toEqual([{ field: 'before', message: expect.any(String) }]);
  });
});

describe('closing', () => {
  it('records the reason, makes the log read-only and sets the retention date', async () => {
    const c = await withConsents();
    expect((await teacher.post(`/api/cases/${c.caseId}/close`, { reason: 'goals_reached', note: 'Målene er nådd.' })).statusCode).toBe(200);
    const s = await status(teacher, c);
    expect(s.case).toMatchObject({ closeReason: 'goals_reached', closeNote: 'Målene er nådd.', retainUntil: `${Number(today.slice(0, 4)) + 5}${today.slice(4)}` });
    const write = await teacher.post(`/api/cases/${c.caseId}/entries`, { kind: 'goal', category: 'language', title: 'x' });
    expect(write.statusCode).toBe(409);
    expect(write.json().error.message).toBe('Stafettloggen er avsluttet og kan bare leses.');
  });

  it('refuses an unknown case like one the user may not see', async () => {
    expect((await schoolTeacher.post('/api/cases/00000000-0000-4000-8000-000000000000/close', { reason: 'other', note: 'x' })).statusCode).toBe(403);
  });
});

describe('the municipality edits the action guide', () => {
  it('publishes a new version; bad input is refused and changes nothing; a professional may not publish', async () => {
    const c = await openCase();
    expect((await status(teacher, c)).case.guideVersion).toBe(1);
    const admin = await signedIn(t.app, 'administrator');
    const guide = (await admin.get('/api/action-guide')).json();
    expect(guide.version).toBe(1);
    const steps = guide.steps.map((s: { stepKey: string; title: Record<string, string> }) =>
      s.stepKey === 'get_consent' ? { ...s, title: { nb: 'Innhent skriftlig samtykke', nn: 'Innhent skriftleg samtykke', en: 'Obtain written consent' } } : s);

    const noLevel3 = await admin.post('/api/action-guide', { basedOnVersion: 1, steps: steps.filter((s: { level: number }) => s.level !== 3) });
    expect(fields(noLevel3)).toEqual([{ field: 'steps', message: 'Nivå 3 må ha minst ett steg.' }]);
    const badLink = structuredClone(steps);
    badLink[0].links = [{ label: { nb: 'x', nn: 'x', en: 'x' }, url: 'javascript:alert(1)' }];
    expect(fields(await admin.post('/api/action-guide', { basedOnVersion: 1, steps: badLink }))).toEqual([
      { field: 'steps.0.links.0.url', message: 'Lenken må være en nettadresse (https://…) eller en side i Sammen (/…).' },
    ]);
    expect((await teacher.post('/api/action-guide', { basedOnVersion: 1, steps })).statusCode).toBe(403);
    expect((await admin.get('/api/action-guide')).json().version).toBe(1);

    const published = await admin.post('/api/action-guide', { basedOnVersion: 1, note: 'Skriftlig samtykke', steps });
    expect(published.json()).toEqual({ version: 2 });
    // A second publish based on the old version is refused: someone else changed it.
    expect((await admin.post('/api/action-guide', { basedOnVersion: 1, steps })).statusCode).toBe(400);
    // The open case follows the new version.
    expect((await teacher.post(`/api/cases/${c.caseId}/level`, { toLevel: 1, reason: 'Tiltak i barnehagen.', version: (await status(teacher, c)).case.version })).statusCode).toBe(200);
    const s = await status(teacher, c);
    expect(s.case.guideVersion).toBe(2);
    expect(s.case.steps.find((step: { stepKey: string }) => step.stepKey === 'get_consent').title).toBe('Innhent skriftlig samtykke');
  });
});
