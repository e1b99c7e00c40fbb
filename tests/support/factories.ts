// Test data a test makes for itself, through the API as the user who owns it would, so that no
// test leans on the demo's people or on what another test left behind. Demo log-ins stay fine as
// the principals who act.
import { syntheticNationalId } from '../../common/national-id.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../server/infra/db/types.ts';
import { randomUUID } from 'node:crypto';
import { signedIn, type Client } from './app.ts';

/** A valid synthetic national id for someone born on `birthDate` (the first serial from `serial` with valid check digits). */
export function nationalIdBornOn(birthDate: string, serial = 7): string {
  for (let s = serial; s < serial + 100; s++) {
    const id = syntheticNationalId(birthDate, s);
    if (id) return id;
  }
  throw new Error(`no synthetic national id for ${birthDate}`);
}

/** A service unit, made by the administrator (`admin` is signed in as one). */
export async function createServiceUnit(admin: Client, name: string, input: { typeCode?: string; area?: string } = {}): Promise<{ id: string; name: string }> {
  const response = await admin.post('/api/admin/service-units', { typeCode: 'kindergarten', area: 'Nord', ...input, name });
  if (response.statusCode !== 201) throw new Error(`creating the unit ${name} failed: ${response.body}`);
  return { id: response.json().id, name };
}

export interface StaffForm {
  username: string;
  displayName: string;
  email: string;
  serviceUnitId: string;
  roles: string[];
  title: string;
  nationalId: string;
}

/** The administrator's form for a new professional: `username` also makes the e-mail, `birthDate` the national id. */
export function staffForm(username: string, displayName: string, serviceUnitId: string, birthDate: string): StaffForm {
  return {
    username, displayName, email: `${username}@fjordvik.kommune.no`, serviceUnitId,
    roles: ['professional'], title: 'Pedagogisk leder', nationalId: nationalIdBornOn(birthDate),
  };
}

/** A staff user, made by the administrator; their id. */
export async function createStaffUser(admin: Client, form: StaffForm): Promise<string> {
  const response = await admin.post('/api/admin/staff', form);
  if (response.statusCode !== 201) throw new Error(`creating the staff user ${form.username} failed: ${response.body}`);
  return response.json().id;
}

export interface PersonName { id: string; givenName: string; familyName: string }

/**
 * A child `professional` is involved with (may open), from `guardian`'s family when one is given:
 * found through the API, so a test does not lean on the demo's names for its people.
 */
export async function involvedChild(professional: Client, guardian?: Client): Promise<PersonName> {
  const listed = (await (guardian ?? professional).get('/api/people')).json().people as (PersonName & { kind: string })[];
  for (const person of listed.filter((p) => p.kind === 'child')) {
    if ((await professional.get(`/api/people/${person.id}`)).statusCode === 200) return { id: person.id, givenName: person.givenName, familyName: person.familyName };
  }
  throw new Error('no child the professional is involved with');
}

/** The signed-in staff user's name and service unit, as the app shows them to others. */
export async function staffIdentity(db: Kysely<DB>, client: Client): Promise<{ displayName: string; unitName: string | null }> {
  const { principal } = (await client.get('/api/auth/me')).json() as { principal: { displayName: string; serviceUnitId: string | null } };
  const unit = principal.serviceUnitId ? await db.selectFrom('service_unit').select('name').where('id', '=', principal.serviceUnitId).executeTakeFirst() : undefined;
  return { displayName: principal.displayName, unitName: unit?.name ?? null };
}

export interface FamilyOfOne { childId: string; guardianId: string; guardianName: string; guardian: Client }

export interface GuardianForm { givenName: string; familyName: string; username: string; email?: string; relation?: 'mother' | 'father' | 'other'; parentalResponsibility?: boolean }

/**
 * A guardian (with parental responsibility unless told otherwise) who can sign in to Min side, as
 * the population register confirms them: written directly, since typed-in relations open nothing.
 */
export async function addGuardian(db: Kysely<DB>, app: Client['app'], childId: string, form: GuardianForm): Promise<{ id: string; name: string; client: Client }> {
  const { municipality_id } = await db.selectFrom('person').select('municipality_id').where('id', '=', childId).executeTakeFirstOrThrow();
  const id = (await db.insertInto('person').values({ municipality_id, given_name: form.givenName, family_name: form.familyName, birth_date: '1990-01-01', kind: 'adult', email: form.email ?? null })
    .returning('id').executeTakeFirstOrThrow()).id;
  await db.insertInto('guardianship').values({ child_id: childId, guardian_id: id, relation: form.relation ?? 'mother', parental_responsibility: form.parentalResponsibility ?? true }).execute();
  await db.insertInto('citizen_account').values({ person_id: id, username: form.username }).execute();
  return { id, name: `${form.givenName} ${form.familyName}`, client: await signedIn(app, form.username) };
}

/**
 * A child of the test's own, registered by `professional` (who is then involved), with one guardian
 * with parental responsibility who can sign in to Min side (`addGuardian`).
 */
export async function registeredChildWithGuardian(
  db: Kysely<DB>, professional: Client,
  family: { givenName: string; familyName: string; birthDate: string; guardianGivenName: string; username: string; guardianEmail?: string; area?: string },
): Promise<FamilyOfOne> {
  const registered = await professional.post('/api/people', {
    kind: 'child', givenName: family.givenName, familyName: family.familyName, birthDate: family.birthDate, area: family.area ?? 'Nord',
    guardians: [{ givenName: family.guardianGivenName, familyName: family.familyName, birthDate: '1990-01-01', relation: 'mother', parentalResponsibility: true }],
  });
  if (registered.statusCode !== 201) throw new Error(`registering ${family.givenName} failed: ${registered.body}`);
  const childId: string = registered.json().id;
  const guardian = await addGuardian(db, professional.app, childId, {
    givenName: family.guardianGivenName, familyName: family.familyName, username: family.username, ...(family.guardianEmail ? { email: family.guardianEmail } : {}),
  });
  return { childId, guardianId: guardian.id, guardianName: guardian.name, guardian: guardian.client };
}

export interface FamilyForm { givenName: string; familyName: string; birthDate: string; guardianGivenName: string; username: string; area?: string }

/**
 * Children of the tests' own, one per form, each with a mother with parental responsibility who is
 * signed in to Min side, as `registeredChildWithGuardian` makes one: registered by `registrant` (who
 * is then involved) and, with `enrolledAt`, going to that unit. Written in one statement per table
 * rather than a registration per child, for files that need a family in nearly every test.
 */
export async function familiesRegisteredBy(
  db: Kysely<DB>, app: Client['app'], registrant: { staffUserId: string; enrolledAt?: { unitId: string; startsOn: string } }, forms: FamilyForm[],
): Promise<FamilyOfOne[]> {
  if (forms.length === 0) return [];
  const { municipality_id } = await db.selectFrom('staff_user').select('municipality_id').where('id', '=', registrant.staffUserId).executeTakeFirstOrThrow();
  const rows = forms.map((form) => ({ form, childId: randomUUID(), guardianId: randomUUID() }));
  await db.insertInto('person').values(rows.flatMap(({ form, childId, guardianId }) => [
    { id: childId, municipality_id, given_name: form.givenName, family_name: form.familyName, birth_date: form.birthDate, kind: 'child' as const, area: form.area ?? 'Nord', created_by: registrant.staffUserId },
    { id: guardianId, municipality_id, given_name: form.guardianGivenName, family_name: form.familyName, birth_date: '1990-01-01', kind: 'adult' as const },
  ])).execute();
  await db.insertInto('guardianship').values(rows.map((r) => ({ child_id: r.childId, guardian_id: r.guardianId, relation: 'mother' as const, parental_responsibility: true }))).execute();
  await db.insertInto('citizen_account').values(rows.map((r) => ({ person_id: r.guardianId, username: r.form.username }))).execute();
  await db.insertInto('involvement').values(rows.map((r) => ({ person_id: r.childId, staff_user_id: registrant.staffUserId, kind: 'registrant' as const }))).execute();
  const enrolledAt = registrant.enrolledAt;
  if (enrolledAt) await db.insertInto('enrolment').values(rows.map((r) => ({ person_id: r.childId, service_unit_id: enrolledAt.unitId, starts_on: enrolledAt.startsOn }))).execute();
  return Promise.all(rows.map(async ({ form, childId, guardianId }) => ({
    childId, guardianId, guardianName: `${form.guardianGivenName} ${form.familyName}`, guardian: await signedIn(app, form.username),
  })));
}

/** The child goes to `unitId` from `startsOn`, as the unit's enrolment import would record it. */
export async function enrol(db: Kysely<DB>, childId: string, unitId: string, startsOn: string): Promise<void> {
  await db.insertInto('enrolment').values({ person_id: childId, service_unit_id: unitId, starts_on: startsOn }).execute();
}

/** A name no demo family and no other test's family has: `Testfamilie` and letters for `n`. */
export function familyName(n: number): string {
  let letters = '';
  for (let i = n; ; i = Math.floor(i / 26) - 1) {
    letters = String.fromCharCode(65 + (i % 26)) + letters;
    if (i < 26) break;
  }
  return `Testfamilie ${letters}`;
}

/** The response, when it has the status a factory step needs; else an error naming what came instead. */
export function expectStatus<R extends { statusCode: number; body: string }>(response: R, code: number): R {
  if (response.statusCode !== code) throw new Error(`expected ${code}, got ${response.statusCode}: ${response.body}`);
  return response;
}
