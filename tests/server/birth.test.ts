// The pregnancy path (issue 17, part 3): the midwife (jordmor) follows a pregnant woman under an
// action guide written for pregnancy, registers the newborn from the mother's record — linked to her
// with parental responsibility, no second record of her — and, with the mother's consent, the
// pregnancy's relay log continues as the child's under consents carried from hers, until the health
// nurse accepts the baton. Around it: bad input changes nothing, and the route refuses whoever has
// no business registering the birth, with the refusal audited. Every test makes its own pregnancy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Client, signedIn, startTestApp, type TestApp } from '../support/app.ts';
import { daysFromToday, today } from '../support/clock.ts';
import { nationalIdBornOn, staffName } from '../support/factories.ts';

let t: TestApp;
let midwife: Client; // jordmor, Helsestasjon Nord
let nurse: Client; // helsesykepleier, Helsestasjon Nord
let teacher: Client; // fagperson.skole: another unit
let youth: Client; // ungdom
let nurseId: string;
let serial = 10;

interface Pregnancy { motherId: string; caseId: string; nationalId: string; mother: Client; familyName: string }

const count = async (table: 'person' | 'consent' | 'guardianship') =>
  (await t.database.db.selectFrom(table).select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
const fields = (response: { json: () => unknown }) => ((response.json() as { error: { fields: { field: string; message: string }[] } }).error.fields);

/**
 * A pregnant woman the midwife registered and follows: a worry opened her case, a development area
 * is in the log, and (unless `consent` is false) her oral consent lets the health stations share
 * for collaboration. She can sign in to Min side.
 */
async function pregnancy(consent = true): Promise<Pregnancy> {
  serial += 1;
  const nationalId = nationalIdBornOn('1996-05-14', 500 + serial * 10);
  const familyName = `Fødselsen${serial}`;
  const registered = await midwife.post('/api/people', { kind: 'pregnant', nationalId, givenName: 'Mari', familyName, expectedBirthDate: daysFromToday(20), area: 'Nord' });
  expect(registered.statusCode, registered.body).toBe(201);
  const motherId = registered.json().id as string;
  const worry = await midwife.post('/api/worries', { personId: motherId, categories: ['health'], description: 'Sover lite og gruer seg til fødselen.', noticedOn: today() });
  expect(worry.statusCode, worry.body).toBe(201);
  const caseId = worry.json().caseId as string;
  if (consent) {
    const recorded = await midwife.post(`/api/people/${motherId}/consents`, {
      method: 'oral', giverIds: [motherId], purposes: ['collaboration'], categories: ['health', 'family_situation'],
      recipientUnitTypes: ['health_station'], validFrom: today(), validTo: daysFromToday(300),
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
  }
  if (consent) {
    const entry = await midwife.post(`/api/cases/${caseId}/entries`, { kind: 'development_area', category: 'health', title: 'Søvn før fødselen' });
    expect(entry.statusCode, entry.body).toBe(201);
  }
  await t.database.db.insertInto('citizen_account').values({ person_id: motherId, username: `mor.${serial}` }).execute();
  return { motherId, caseId, nationalId, mother: await signedIn(t.app, `mor.${serial}`), familyName };
}

const birth = (p: Pregnancy, extra: Record<string, unknown> = {}) => ({ givenName: 'Lille', familyName: p.familyName, birthDate: today(), continueLog: true, ...extra });

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  [midwife, nurse, teacher, youth] = await Promise.all([
    signedIn(t.app, 'jordmor'), signedIn(t.app, 'helsesykepleier'), signedIn(t.app, 'fagperson.skole'), signedIn(t.app, 'ungdom'),
  ]);
  nurseId = (await t.database.db.selectFrom('staff_user').select('id').where('username', '=', 'helsesykepleier').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
  await t?.close();
});

describe('a pregnancy case', () => {
  it('shows the action guide written for pregnancy, offers the birth instead of an enrolment, and refuses an enrolment', async () => {
    const p = await pregnancy();
    const status = (await midwife.get(`/api/people/${p.motherId}/case-status`)).json();
    const keys = status.case.steps.map((s: { stepKey: string }) => s.stepKey);
    expect(keys).toContain('talk_with_pregnant');
    expect(keys).not.toContain('talk_with_child');
    expect(status.abilities).toMatchObject({ registerBirth: true, enrol: false, changeStatus: true });
    expect(status.case.proposedTransition).toBeNull();
    const unit = await t.database.db.selectFrom('service_unit').select('id').where('type_code', '=', 'kindergarten').executeTakeFirstOrThrow();
    const enrol = await midwife.post(`/api/people/${p.motherId}/enrolments`, { serviceUnitId: unit.id, startsOn: today() });
    expect(enrol.statusCode).toBe(400);
    expect(fields(enrol)).toEqual([{ field: 'serviceUnitId', message: 'Et barn som ikke er født ennå, kan ikke meldes inn. Registrer fødselen først.' }]);
  });
});

describe('registering the birth from the mother\'s record', () => {
  it('links the newborn to the mother with parental responsibility, makes no second mother, and shows the child on her Min side', async () => {
    const p = await pregnancy();
    const before = await count('person');
    const created = await midwife.post(`/api/people/${p.motherId}/birth`, birth(p));
    expect(created.statusCode, created.body).toBe(201);
    const childId = created.json().id as string;
    expect(await count('person')).toBe(before + 1);
    const named = await t.database.db.selectFrom('person').select(['id', 'kind', 'expected_birth_date']).where('given_name', '=', 'Mari').where('family_name', '=', p.familyName).execute();
    expect(named).toEqual([{ id: p.motherId, kind: 'adult', expected_birth_date: null }]);

    const child = (await midwife.get(`/api/people/${childId}`)).json();
    expect(child).toMatchObject({ kind: 'child', birthDate: today(), givenName: 'Lille', area: 'Nord' });
    expect(child.guardians).toEqual([expect.objectContaining({ id: p.motherId, nationalId: p.nationalId, relation: 'mother', parentalResponsibility: true })]);
    expect(child.unconfirmedRelations).toEqual([]);

    const family = (await p.mother.get('/api/people')).json().people as { id: string; kind: string }[];
    expect(family.map((x) => [x.id, x.kind])).toEqual(expect.arrayContaining([[p.motherId, 'adult'], [childId, 'child']]));
  });

  it('with the mother\'s consent continues the pregnancy\'s log as the child\'s, under her consent given again for the child, until the health nurse accepts the baton', async () => {
    const p = await pregnancy();
    const created = await midwife.post(`/api/people/${p.motherId}/birth`, birth(p));
    expect(created.statusCode, created.body).toBe(201);
    const childId = created.json().id as string;

    const log = (await midwife.get(`/api/people/${childId}/case`)).json();
    expect(log.caseId).toBe(p.caseId);
    expect(log.entries.map((e: { title: string }) => e.title)).toEqual(['Søvn før fødselen']);
    const status = (await midwife.get(`/api/people/${childId}/case-status`)).json();
    expect(status.case.relayHolder.name).toBe(await staffName(t.database.db, 'jordmor'));
    expect(status.abilities).toMatchObject({ registerBirth: false, enrol: true });
    expect(status.case.steps.map((s: { stepKey: string }) => s.stepKey)).toContain('talk_with_child');
    expect((await midwife.get(`/api/people/${p.motherId}/case-status`)).json().case).toBeNull();

    const consents = (await p.mother.get(`/api/people/${childId}/consents`)).json().consents;
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({
      state: 'active', method: 'oral', purposes: ['collaboration'], categories: ['health', 'family_situation'],
      givers: [{ personId: p.motherId, capacity: 'guardian' }], recipients: [{ kind: 'type', id: 'health_station' }],
    });

    // The baton passes from the midwife to the health nurse only when she accepts it.
    const offered = await midwife.post(`/api/cases/${p.caseId}/handovers`, { toStaffId: nurseId, message: 'Barnet er født. Kan du ta over?' });
    expect(offered.statusCode, offered.body).toBe(201);
    expect((await midwife.get(`/api/people/${childId}/case-status`)).json().case.relayHolder.name).toBe(await staffName(t.database.db, 'jordmor'));
    const accepted = await nurse.post(`/api/handovers/${offered.json().id}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect((await nurse.get(`/api/people/${childId}/case-status`)).json().case.relayHolder.name).toBe(await staffName(t.database.db, 'helsesykepleier'));
    expect((await nurse.get(`/api/people/${childId}/case`)).json().entries.map((e: { title: string }) => e.title)).toEqual(['Søvn før fødselen']);
  });

  it('without the mother\'s consent closes the pregnancy\'s log and keeps it hers: the child starts with no case and no consent', async () => {
    const p = await pregnancy();
    const consentsBefore = await count('consent');
    const created = await midwife.post(`/api/people/${p.motherId}/birth`, birth(p, { continueLog: false }));
    expect(created.statusCode, created.body).toBe(201);
    const childId = created.json().id as string;
    expect(await count('consent')).toBe(consentsBefore);
    const mothers = (await midwife.get(`/api/people/${p.motherId}/case-status`)).json();
    expect(mothers.case).toMatchObject({ id: p.caseId, closeReason: 'birth' });
    expect((await midwife.get(`/api/people/${childId}/case-status`)).json().case).toBeNull();
    expect((await midwife.get(`/api/people/${childId}`)).json().guardians).toEqual([expect.objectContaining({ id: p.motherId, parentalResponsibility: true })]);
  });
});

describe('the new mother\'s screening', () => {
  it('is hers after the birth: sent to her Min side, answered and taken into a log of her own, and not on the child\'s record', async () => {
    const p = await pregnancy();
    const created = await midwife.post(`/api/people/${p.motherId}/birth`, birth(p, { continueLog: false }));
    expect(created.statusCode, created.body).toBe(201);
    const childId = created.json().id as string;
    const sent = await midwife.post(`/api/people/${p.motherId}/questionnaire-responses`, { instrumentKey: 'epds', mode: 'min_side' });
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json().id as string;
    const answered = await p.mother.post(`/api/questionnaire-responses/${id}/answers`, { answers: [2, 2, 2, 2, 1, 1, 1, 1, 2, 0].map((score, i) => ({ linkId: String(i + 1), score })), version: 1 });
    expect(answered.json().result).toMatchObject({ score: 14, threshold: { key: 'probable_depression' } });
    const taken = await midwife.post(`/api/questionnaire-responses/${id}/measure`, { goal: 'Mari sover bedre', startsOn: today(), evaluateOn: daysFromToday(30) });
    expect(taken.statusCode, taken.body).toBe(201);
    // Her own log, opened for her, holds the measure; the pregnancy's closed log and the child's record hold nothing of it.
    expect(taken.json().caseId).not.toBe(p.caseId);
    const status = (await midwife.get(`/api/people/${p.motherId}/case-status`)).json();
    expect(status.case).toMatchObject({ id: taken.json().caseId });
    expect(JSON.stringify((await p.mother.get(`/api/people/${p.motherId}/case`)).json())).toContain('Mari sover bedre');
    expect(await t.database.db.selectFrom('screening').select('id').where('person_id', '=', childId).execute()).toEqual([]);
    expect((await p.mother.get(`/api/people/${childId}/questionnaire-responses`)).statusCode).toBe(403);
  });
});

describe('bad input and repeats change nothing', () => {
  it('refuses a birth in the future, one long before term, and a log to continue without a consent to carry', async () => {
    const p = await pregnancy(false);
    const before = { people: await count('person'), guardianships: await count('guardianship') };
    const future = await midwife.post(`/api/people/${p.motherId}/birth`, birth(p, { birthDate: daysFromToday(1) }));
    expect(future.statusCode).toBe(400);
    expect(fields(future)).toEqual([{ field: 'birthDate', message: 'Fødselsdatoen kan ikke være fram i tid.' }]);
    const early = await midwife.post(`/api/people/${p.motherId}/birth`, birth(p, { birthDate: daysFromToday(-200) }));
    expect(fields(early)).toEqual([{ field: 'birthDate', message: 'Fødselsdatoen ligger for langt før termin. Sjekk datoen.' }]);
    const noConsent = await midwife.post(`/api/people/${p.motherId}/birth`, birth(p));
    expect(noConsent.statusCode).toBe(400);
    expect(fields(noConsent)[0]!.field).toBe('continueLog');
    const english = await new Client(t.app, 'en').signIn('jordmor');
    expect(fields(await english.post(`/api/people/${p.motherId}/birth`, birth(p, { birthDate: daysFromToday(1) })))[0]!.message).toBe('The date of birth cannot be in the future.');
    expect({ people: await count('person'), guardianships: await count('guardianship') }).toEqual(before);
    expect((await midwife.get(`/api/people/${p.motherId}`)).json().kind).toBe('pregnant');
  });

  it('answers a replayed registration with the first answer, refuses a second registration of the same birth, and a newborn number already in Sammen', async () => {
    const p = await pregnancy();
    const key = `birth-${p.motherId}`;
    const send = () => t.app.inject({ method: 'POST', url: `/api/people/${p.motherId}/birth`, payload: birth(p, { nationalId: nationalIdBornOn(today(), 40 + serial) }), cookies: midwife.cookies, headers: { 'x-csrf-token': midwife.csrfToken ?? '', 'idempotency-key': key } });
    const first = await send();
    expect(first.statusCode, first.body).toBe(201);
    const people = await count('person');
    const replay = await send();
    expect(replay.statusCode).toBe(201);
    expect(replay.json()).toEqual(first.json());
    expect(await count('person')).toBe(people);
    const again = await midwife.post(`/api/people/${p.motherId}/birth`, birth(p));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Fødselen er allerede registrert: hun er ikke lenger registrert som gravid.');

    const q = await pregnancy();
    const withSecond = await count('person');
    const twin = await midwife.post(`/api/people/${q.motherId}/birth`, birth(q, { nationalId: nationalIdBornOn(today(), 40 + serial - 1) }));
    expect(twin.statusCode).toBe(409);
    expect(twin.json().error.code).toBe('PERSON_EXISTS');
    expect(await count('person')).toBe(withSecond);
    expect((await midwife.get(`/api/people/${q.motherId}`)).json().kind).toBe('pregnant');
  });
});

describe('who may register the birth', () => {
  it('refuses a health nurse not involved, another unit\'s professional who follows the woman, the mother herself, a youth and the anonymous — each refusal audited, nothing changed', async () => {
    const p = await pregnancy();
    // The teacher follows a pregnant pupil of her own registration: involved, but not the health station.
    const pupil = await teacher.post('/api/people', { kind: 'pregnant', givenName: 'Elev', familyName: p.familyName, birthDate: '2009-02-03', expectedBirthDate: daysFromToday(30) });
    expect(pupil.statusCode, pupil.body).toBe(201);
    const people = await count('person');
    const refused = [
      await nurse.post(`/api/people/${p.motherId}/birth`, birth(p)),
      await teacher.post(`/api/people/${pupil.json().id}/birth`, birth(p)),
      await p.mother.post(`/api/people/${p.motherId}/birth`, birth(p)),
      await youth.post(`/api/people/${p.motherId}/birth`, birth(p)),
      await new Client(t.app).post(`/api/people/${p.motherId}/birth`, birth(p)),
    ].map((r) => r.statusCode);
    expect(refused).toEqual([403, 403, 403, 403, 401]);
    expect(await count('person')).toBe(people);
    const audited = await t.database.db.selectFrom('audit_event').select(['actor_name', 'reason'])
      .where('action', '=', 'birth.register').where('outcome', '=', 'denied').where('subject_id', 'in', [p.motherId, pupil.json().id]).orderBy('id').execute();
    expect(audited).toEqual([{ actor_name: await staffName(t.database.db, 'helsesykepleier'), reason: 'not_involved' }, { actor_name: await staffName(t.database.db, 'fagperson.skole'), reason: 'not_health_station' }]);
  });
});
