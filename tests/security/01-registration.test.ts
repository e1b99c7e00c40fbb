// Issue 10, item 1: registration never discloses or links an existing person. Guardians entered by
// hand are unconfirmed and open nothing until the guardian confirms on Min side or the population
// register does; registering someone already in Sammen tells only that they exist, and access is
// asked of the family, in their access log, and granted by them alone.
import { mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, subtractYears } from '../../common/dates.ts';
import { syntheticNationalId } from '../../common/national-id.ts';
import { daysFromToday, today } from '../support/clock.ts';
import { Client, signedIn, startTestApp, type TestApp } from '../support/app.ts';
import { staffName } from '../support/factories.ts';

let t: TestApp;
let dir: string;
let registerFile: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sammen-register-'));
  registerFile = join(dir, 'population-register.json');
  t = await startTestApp({ demoChildren: 20, env: { POPULATION_REGISTER_FILE: registerFile } });
});
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

const db = () => t.database.db;

/** The person behind a demo citizen log-in, with everything that must never leak. */
async function citizenPerson(username: string) {
  return db()
    .selectFrom('citizen_account as a')
    .innerJoin('person as p', 'p.id', 'a.person_id')
    .select(['p.id', 'p.national_id', 'p.given_name', 'p.family_name', 'p.address', 'p.email', 'p.phone', 'p.updated_at'])
    .where('a.username', '=', username)
    .executeTakeFirstOrThrow();
}

/** Children a citizen has parental responsibility for, youngest first. */
async function childrenOf(personId: string) {
  return db()
    .selectFrom('guardianship as g')
    .innerJoin('person as p', 'p.id', 'g.child_id')
    .select(['p.id', 'p.national_id', 'p.given_name', 'p.family_name', 'p.address', 'p.birth_date'])
    .where('g.guardian_id', '=', personId)
    .where('g.parental_responsibility', '=', true)
    .orderBy('p.birth_date', 'desc')
    .execute();
}

/** A valid national id for the date that nobody in the database has. */
async function freshNationalId(birthDate: string): Promise<string> {
  for (let serial = 1; serial < 500; serial++) {
    const id = syntheticNationalId(birthDate, serial);
    if (id && !(await db().selectFrom('person').select('id').where('national_id', '=', id).executeTakeFirst())) return id;
  }
  throw new Error('no free national id');
}

const yearsAgo = (years: number, days = 0) => addDays(subtractYears(today(), years), -days);

async function counts() {
  const n = async (table: 'person' | 'relation_claim' | 'guardianship' | 'access_request' | 'involvement') =>
    Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return { person: await n('person'), claims: await n('relation_claim'), guardianship: await n('guardianship'), requests: await n('access_request'), involvement: await n('involvement') };
}

async function register(client: Client, guardianNationalId: string, givenName = 'Oppdiktet') {
  const nationalId = await freshNationalId(yearsAgo(3, 17));
  const response = await client.post('/api/people', {
    kind: 'child', nationalId, givenName, familyName: 'Barn',
    guardians: [{ nationalId: guardianNationalId, givenName: 'Kari', familyName: 'Hansen', relation: 'mother', parentalResponsibility: true }],
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

describe('naming an existing person as guardian', () => {
  it('neither links them nor shows their national id, address, e-mail or phone', async () => {
    const sofie = await citizenPerson('forelder');
    const teacher = await signedIn(t.app, 'fagperson.barnehage');
    const childId = await register(teacher, sofie.national_id!);

    const page = await teacher.get(`/api/people/${childId}`);
    expect(page.statusCode).toBe(200);
    const body = page.body;
    for (const secret of [sofie.national_id!, sofie.address!, sofie.email!, sofie.phone!, sofie.given_name, sofie.id]) {
      expect(body, 'the child page discloses the existing person').not.toContain(secret);
    }
    expect(page.json().guardians).toEqual([]);
    expect(page.json().unconfirmedRelations).toEqual([expect.objectContaining({ givenName: 'Kari', familyName: 'Hansen', status: 'unconfirmed' })]);
    expect(await db().selectFrom('guardianship').select('child_id').where('child_id', '=', childId).execute()).toEqual([]);
    // The existing record is untouched.
    expect((await citizenPerson('forelder')).updated_at).toEqual(sofie.updated_at);
  });

  it('opens nothing for the named person: not on Min side, no reading, no access log, no consent', async () => {
    const sofie = await citizenPerson('forelder');
    const childId = await register(await signedIn(t.app, 'fagperson.barnehage'), sofie.national_id!);
    const forelder = await signedIn(t.app, 'forelder');
    expect(((await forelder.get('/api/people')).json().people as { id: string }[]).map((p) => p.id)).not.toContain(childId);
    expect((await forelder.get(`/api/people/${childId}`)).statusCode).toBe(403);
    expect((await forelder.get(`/api/people/${childId}/access-log`)).statusCode).toBe(403);
    const validTo = daysFromToday(300);
    const consent = await forelder.post(`/api/people/${childId}/consents/digital`, { purposes: ['collaboration'], categories: ['development'], recipientUnitTypes: ['health_station'], validTo });
    expect(consent.statusCode).toBe(403);
    expect(await db().selectFrom('consent').select('id').where('subject_id', '=', childId).execute()).toEqual([]);
  });

  it('a 5-year-old cannot be made a guardian, by national id or by birth date; nothing is stored', async () => {
    const sofie = await citizenPerson('forelder');
    const fiveYearOld = (await childrenOf(sofie.id)).find((c) => c.birth_date > yearsAgo(6))!;
    expect(fiveYearOld).toBeDefined();
    const teacher = await signedIn(t.app, 'fagperson.barnehage');
    const before = await counts();
    const child = { kind: 'child', givenName: 'Ny', familyName: 'Baby', birthDate: yearsAgo(0, 30) };
    const byId = await teacher.post('/api/people', { ...child, guardians: [{ nationalId: fiveYearOld.national_id, givenName: 'A', familyName: 'B', relation: 'mother', parentalResponsibility: true }] });
    expect(byId.statusCode).toBe(400);
    expect(byId.json().error.fields).toEqual([{ field: 'guardians.0.nationalId', message: 'En foresatt må være minst 15 år og minst 12 år eldre enn barnet.' }]);
    expect(byId.body).not.toContain(fiveYearOld.given_name);
    const byDate = await teacher.post('/api/people', { ...child, guardians: [{ givenName: 'A', familyName: 'B', birthDate: yearsAgo(5), relation: 'father', parentalResponsibility: true }] });
    expect(byDate.json().error.fields).toEqual([{ field: 'guardians.0.birthDate', message: expect.stringContaining('15') }]);
    expect(await counts()).toEqual(before);
  });
});

describe('the guardian confirms on Min side', () => {
  it('the named guardian sees the request, and only a confirmation opens the relation', async () => {
    const sofie = await citizenPerson('forelder');
    const teacher = await signedIn(t.app, 'fagperson.barnehage');
    const childId = await register(teacher, sofie.national_id!, 'Bekreftet');
    const forelder = await signedIn(t.app, 'forelder');
    const waiting = (await forelder.get('/api/relation-claims')).json().relations as { id: string; childName: string; registeredBy: string }[];
    const claim = waiting.find((r) => r.childName === 'Bekreftet Barn');
    expect(claim).toMatchObject({ registeredBy: await staffName(t.database.db, 'fagperson.barnehage') });
    expect(((await forelder.get('/api/people')).json().people as { id: string }[]).map((p) => p.id)).not.toContain(childId);

    // Nobody else can answer for her.
    for (const username of ['forelder.uten.ansvar', 'ungdom']) {
      const other = await signedIn(t.app, username);
      expect(((await other.get('/api/relation-claims')).json().relations as { id: string }[]).map((r) => r.id)).not.toContain(claim!.id);
      expect((await other.post(`/api/relation-claims/${claim!.id}/answer`, { answer: 'confirm' })).statusCode, username).toBe(403);
    }
    expect((await teacher.post(`/api/relation-claims/${claim!.id}/answer`, { answer: 'confirm' })).statusCode).toBe(403);
    expect((await new Client(t.app).post(`/api/relation-claims/${claim!.id}/answer`, { answer: 'confirm' })).statusCode).toBe(401);
    const denied = await db().selectFrom('audit_event').select(['reason']).where('action', '=', 'relation.confirm').where('outcome', '=', 'denied').execute();
    expect(denied.map((d) => d.reason)).toContain('not_named_as_guardian');
    expect(await db().selectFrom('guardianship').select('child_id').where('child_id', '=', childId).execute()).toEqual([]);

    const confirmed = await forelder.post(`/api/relation-claims/${claim!.id}/answer`, { answer: 'confirm' });
    expect(confirmed.json()).toEqual({ status: 'confirmed' });
    expect((await forelder.post(`/api/relation-claims/${claim!.id}/answer`, { answer: 'refuse' })).statusCode).toBe(409);
    expect(((await forelder.get('/api/people')).json().people as { id: string }[]).map((p) => p.id)).toContain(childId);
    expect((await forelder.get(`/api/people/${childId}`)).statusCode).toBe(200);
    expect((await teacher.get(`/api/people/${childId}`)).json().guardians).toEqual([expect.objectContaining({ id: sofie.id, parentalResponsibility: true })]);
  });

  it('a refused relation stays closed, and the professional learns only "not confirmed"', async () => {
    const sofie = await citizenPerson('forelder');
    const teacher = await signedIn(t.app, 'fagperson.barnehage');
    const childId = await register(teacher, sofie.national_id!, 'Avvist');
    const forelder = await signedIn(t.app, 'forelder');
    const claim = ((await forelder.get('/api/relation-claims')).json().relations as { id: string; childName: string }[]).find((r) => r.childName === 'Avvist Barn')!;
    expect((await forelder.post(`/api/relation-claims/${claim.id}/answer`, { answer: 'refuse' })).json()).toEqual({ status: 'refused' });
    expect(((await forelder.get('/api/people')).json().people as { id: string }[]).map((p) => p.id)).not.toContain(childId);
    expect((await forelder.get(`/api/people/${childId}`)).statusCode).toBe(403);
    expect((await teacher.get(`/api/people/${childId}`)).json().unconfirmedRelations).toEqual([expect.objectContaining({ status: 'rejected' })]);
  });
});

describe('the population register confirms', () => {
  it('the administrator checks waiting relations: the register\'s parent is linked, a stranger is not, and the administrator sees only counts', async () => {
    const file = JSON.parse(await readFile(registerFile, 'utf8')) as { people: { nationalId: string; parents: { nationalId: string; parentalResponsibility: boolean }[] }[] };
    const known = new Set((await db().selectFrom('person').select('national_id').execute()).map((p) => p.national_id));
    const newborn = file.people.find((p) => !known.has(p.nationalId) && p.parents.length > 0)!;
    expect(newborn).toBeDefined();
    const mother = newborn.parents.find((p) => p.parentalResponsibility)!;
    // A real guardian of another family: not a parent of the newborn.
    const youth = await citizenPerson('ungdom.15');
    const stranger = await db().selectFrom('guardianship as g').innerJoin('person as p', 'p.id', 'g.guardian_id').select(['p.id', 'p.national_id']).where('g.child_id', '=', youth.id).executeTakeFirstOrThrow();

    const teacher = await signedIn(t.app, 'fagperson.barnehage');
    const registered = await teacher.post('/api/people', {
      kind: 'child', nationalId: newborn.nationalId, givenName: 'Nyfødt', familyName: 'Barn',
      guardians: [
        { nationalId: mother.nationalId, givenName: 'Mor', familyName: 'Barn', relation: 'mother', parentalResponsibility: false },
        { nationalId: stranger.national_id, givenName: 'Ikke', familyName: 'Far', relation: 'father', parentalResponsibility: true },
      ],
    });
    expect(registered.statusCode).toBe(201);
    const childId = registered.json().id as string;

    for (const username of ['fagperson.barnehage', 'revisor', 'analytiker', 'forelder']) {
      expect((await (await signedIn(t.app, username)).post('/api/admin/relation-claims/verify')).statusCode, username).toBe(403);
    }
    const admin = await signedIn(t.app, 'administrator');
    expect((await admin.get('/api/admin/relation-claims')).json().waiting).toBeGreaterThanOrEqual(2);

    // The register unreachable: a clear answer, nothing changed.
    await rename(registerFile, `${registerFile}.away`);
    const before = await counts();
    const unavailable = await admin.post('/api/admin/relation-claims/verify');
    expect(unavailable.statusCode).toBe(503);
    expect(unavailable.json().error.message).toContain('Folkeregisteret');
    expect(await counts()).toEqual(before);
    await rename(`${registerFile}.away`, registerFile);

    const verified = await admin.post('/api/admin/relation-claims/verify');
    expect(verified.statusCode).toBe(200);
    expect(Object.keys(verified.json()).sort()).toEqual(['checked', 'confirmed', 'notConfirmed', 'waiting']);
    expect(verified.json().confirmed).toBeGreaterThanOrEqual(1);
    expect(verified.json().notConfirmed).toBeGreaterThanOrEqual(1);

    const links = await db().selectFrom('guardianship as g').innerJoin('person as p', 'p.id', 'g.guardian_id').select(['p.national_id', 'g.parental_responsibility']).where('g.child_id', '=', childId).execute();
    // The register's parental responsibility, not what was typed.
    expect(links).toEqual([{ national_id: mother.nationalId, parental_responsibility: true }]);
    expect((await teacher.get(`/api/people/${childId}`)).json().unconfirmedRelations).toEqual([expect.objectContaining({ givenName: 'Ikke', status: 'rejected' })]);
    const familyLog = await db().selectFrom('audit_event').select(['action', 'reason']).where('subject_id', '=', childId).where('action', '=', 'relation.verify').execute();
    expect(familyLog.map((e) => e.reason)).toEqual(expect.arrayContaining(['population_register:confirmed', 'population_register:not_a_parent']));
  });
});

describe('a child registered elsewhere', () => {
  it('registering them again tells only that they exist; the request is in the family\'s log; nothing is shown until granted', async () => {
    const sofie = await citizenPerson('forelder');
    const youngest = (await childrenOf(sofie.id))[0]!;
    const nurse = await signedIn(t.app, 'helsesykepleier');
    expect((await nurse.get(`/api/people/${youngest.id}`)).statusCode).toBe(403);

    const before = await counts();
    const again = await nurse.post('/api/people', { kind: 'child', nationalId: youngest.national_id, givenName: 'Hvem', familyName: 'Somhelst' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toEqual({ code: 'PERSON_EXISTS', message: expect.any(String), fields: [{ field: 'nationalId', message: 'Allerede registrert i Sammen.' }] });
    for (const secret of [youngest.id, youngest.given_name, youngest.address!, sofie.given_name]) expect(again.body).not.toContain(secret);
    expect(await counts()).toEqual(before);
    // The auditor sees the attempt.
    expect(await db().selectFrom('audit_event').select('reason').where('subject_id', '=', youngest.id).where('action', '=', 'person.create').where('outcome', '=', 'denied').execute()).toEqual([{ reason: 'person_exists' }]);

    const asked = await nurse.post('/api/access-requests', { nationalId: youngest.national_id, reason: 'Skal ha fireårskontroll hos helsestasjonen.' });
    expect(asked.statusCode).toBe(201);
    expect(Object.keys(asked.json()).sort()).toEqual(['id', 'status']);
    const requestId = asked.json().id as string;
    // Asking twice is the same request.
    expect((await nurse.post('/api/access-requests', { nationalId: youngest.national_id, reason: 'Igjen' })).json().id).toBe(requestId);
    expect((await nurse.get(`/api/people/${youngest.id}`)).statusCode).toBe(403);
    const mine = (await nurse.get('/api/access-requests')).json().requests as { id: string; person: unknown; status: string }[];
    expect(mine.find((r) => r.id === requestId)).toMatchObject({ status: 'pending', person: null });
    expect(JSON.stringify(mine)).not.toContain(youngest.given_name);

    const forelder = await signedIn(t.app, 'forelder');
    const log = (await forelder.get(`/api/people/${youngest.id}/access-log`)).json().events as { text: string }[];
    const nurseName = (await db().selectFrom('staff_user').select('display_name').where('username', '=', 'helsesykepleier').executeTakeFirstOrThrow()).display_name;
    // The family's log is in words (decision 0015): "<name>, <title>, <unit>, ba familien om tilgang, <when>".
    expect(log.some((e) => e.text.startsWith(`${nurseName}, `) && e.text.includes('ba familien om tilgang'))).toBe(true);
    const toDecide = (await forelder.get('/api/access-requests')).json().requests as { id: string; personId: string; reason: string }[];
    expect(toDecide.find((r) => r.id === requestId)).toMatchObject({ personId: youngest.id, reason: 'Skal ha fireårskontroll hos helsestasjonen.' });

    // Outsiders: a parent without parental responsibility, a youth, a colleague, nobody signed in.
    for (const username of ['forelder.uten.ansvar', 'ungdom']) {
      const other = await signedIn(t.app, username);
      expect(((await other.get('/api/access-requests')).json().requests as { id: string }[]).map((r) => r.id)).not.toContain(requestId);
      expect((await other.post(`/api/access-requests/${requestId}/answer`, { answer: 'grant' })).statusCode, username).toBe(403);
    }
    expect((await nurse.post(`/api/access-requests/${requestId}/answer`, { answer: 'grant' })).statusCode).toBe(403);
    expect((await new Client(t.app).post(`/api/access-requests/${requestId}/answer`, { answer: 'grant' })).statusCode).toBe(401);
    expect((await db().selectFrom('access_request').select('status').where('id', '=', requestId).executeTakeFirstOrThrow()).status).toBe('pending');
    expect((await nurse.get(`/api/people/${youngest.id}`)).statusCode).toBe(403);

    expect((await forelder.post(`/api/access-requests/${requestId}/answer`, { answer: 'grant' })).json()).toEqual({ status: 'granted' });
    expect((await nurse.get(`/api/people/${youngest.id}`)).statusCode).toBe(200);
    expect((await forelder.post(`/api/access-requests/${requestId}/answer`, { answer: 'refuse' })).statusCode).toBe(409);
    const notes = (await nurse.get('/api/notifications')).json().notifications as { text: string }[];
    expect(notes.map((n) => n.text)).toContainEqual(expect.stringContaining(youngest.given_name));
  });

  it('a refusal shows nothing more than "exists"', async () => {
    const sofie = await citizenPerson('forelder');
    const older = (await childrenOf(sofie.id)).at(-1)!;
    const nurse = await signedIn(t.app, 'helsesykepleier');
    const requestId = (await nurse.post('/api/access-requests', { nationalId: older.national_id, reason: 'Oppfølging' })).json().id as string;
    const forelder = await signedIn(t.app, 'forelder');
    expect((await forelder.post(`/api/access-requests/${requestId}/answer`, { answer: 'refuse' })).json()).toEqual({ status: 'refused' });
    expect((await nurse.get(`/api/people/${older.id}`)).statusCode).toBe(403);
    const mine = (await nurse.get('/api/access-requests')).json().requests as { id: string }[];
    expect(mine.find((r) => r.id === requestId)).toMatchObject({ status: 'refused', person: null });
    const notes = JSON.stringify((await nurse.get('/api/notifications')).json());
    for (const secret of [older.id, older.given_name, older.address!]) expect(notes).not.toContain(secret);
  });

  it('an unknown national id is told apart only as "not registered"; roles without case work and citizens cannot ask', async () => {
    const nurse = await signedIn(t.app, 'helsesykepleier');
    const unknown = await nurse.post('/api/access-requests', { nationalId: await freshNationalId(yearsAgo(7)), reason: 'x' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual([{ field: 'nationalId', message: expect.stringContaining('Ingen') }]);
    const sofie = await citizenPerson('forelder');
    const child = (await childrenOf(sofie.id))[0]!;
    const before = await counts();
    for (const username of ['administrator', 'analytiker', 'revisor']) {
      expect((await (await signedIn(t.app, username)).post('/api/access-requests', { nationalId: child.national_id, reason: 'x' })).statusCode, username).toBe(403);
    }
    expect((await (await signedIn(t.app, 'forelder.uten.ansvar')).post('/api/access-requests', { nationalId: child.national_id, reason: 'x' })).statusCode).toBe(403);
    expect((await new Client(t.app).post('/api/access-requests', { nationalId: child.national_id, reason: 'x' })).statusCode).toBe(401);
    expect(await counts()).toEqual(before);
  });

  it('the relay holder is told of the request', async () => {
    const open = await db().selectFrom('help_case').select(['person_id', 'relay_holder_id']).where('closed_at', 'is', null).where('relay_holder_id', 'is not', null).execute();
    const candidates = await db().selectFrom('staff_user').select(['id', 'username']).where('username', 'in', ['helsesykepleier', 'teammedlem', 'koordinator', 'barnevern.mottak']).execute();
    let pair: { personId: string; holderId: string; username: string } | null = null;
    for (const c of open) {
      for (const s of candidates) {
        const involved = await db().selectFrom('involvement').select('id').where('person_id', '=', c.person_id).where('staff_user_id', '=', s.id).where('ended_at', 'is', null).executeTakeFirst();
        const pending = await db().selectFrom('access_request').select('id').where('person_id', '=', c.person_id).where('requested_by', '=', s.id).executeTakeFirst();
        if (!involved && !pending && s.id !== c.relay_holder_id) pair ??= { personId: c.person_id, holderId: c.relay_holder_id!, username: s.username };
      }
    }
    expect(pair).not.toBeNull();
    const person = await db().selectFrom('person').select('national_id').where('id', '=', pair!.personId).executeTakeFirstOrThrow();
    const asker = await signedIn(t.app, pair!.username);
    expect((await asker.post('/api/access-requests', { nationalId: person.national_id, reason: 'Samarbeid' })).statusCode).toBe(201);
    const told = await db().selectFrom('notification').select('kind').where('staff_user_id', '=', pair!.holderId).where('subject_person_id', '=', pair!.personId).where('kind', '=', 'accessRequest.received').execute();
    expect(told).toHaveLength(1);
    expect((await asker.get(`/api/people/${pair!.personId}`)).statusCode).toBe(403);
  });
});
