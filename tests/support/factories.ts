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

export interface DemoPerson { id: string; name: string; givenName: string; familyName: string; nationalId: string | null; birthDate: string }
export interface DemoFamilies {
  /** `forelder`: the mother with parental responsibility, her younger child (a kindergarten child) and her older one (at school). */
  mother: DemoPerson; youngerChild: DemoPerson; olderChild: DemoPerson;
  /** `forelder.uten.ansvar`: the children's father, without parental responsibility. */
  fatherWithoutResponsibility: DemoPerson;
  /** `ungdom`: the 16-year-old, and his mother and father (both with parental responsibility). */
  youth: DemoPerson; youthMother: DemoPerson; youthFather: DemoPerson;
  /** `ungdom.15`: the 15-year-old, and her mother. */
  youth15: DemoPerson; youth15Mother: DemoPerson;
}

/**
 * The demo families' people found by who signs in and how they are related, not by their names:
 * for tests whose rule needs a family the demo already has (two guardians with and without
 * parental responsibility, a youth old enough to decide). Two queries.
 */
export async function demoFamilies(db: Kysely<DB>): Promise<DemoFamilies> {
  const person = (p: { id: string; given_name: string; family_name: string; national_id: string | null; birth_date: string }): DemoPerson =>
    ({ id: p.id, name: `${p.given_name} ${p.family_name}`, givenName: p.given_name, familyName: p.family_name, nationalId: p.national_id, birthDate: p.birth_date });
  const accounts = await db.selectFrom('citizen_account as a').innerJoin('person as p', 'p.id', 'a.person_id')
    .select(['a.username', 'p.id', 'p.given_name', 'p.family_name', 'p.national_id', 'p.birth_date'])
    .where('a.username', 'in', ['forelder', 'forelder.uten.ansvar', 'ungdom', 'ungdom.15']).execute();
  const account = (username: string) => {
    const found = accounts.find((a) => a.username === username);
    if (!found) throw new Error(`the demo has no ${username}`);
    return person(found);
  };
  const [mother, youth, youth15] = [account('forelder'), account('ungdom'), account('ungdom.15')];
  const links = await db.selectFrom('guardianship as g').innerJoin('person as c', 'c.id', 'g.child_id').innerJoin('person as p', 'p.id', 'g.guardian_id')
    .select(['g.child_id', 'g.guardian_id', 'g.relation', 'c.id as c_id', 'c.given_name as c_given_name', 'c.family_name as c_family_name', 'c.national_id as c_national_id', 'c.birth_date as c_birth_date',
      'p.id', 'p.given_name', 'p.family_name', 'p.national_id', 'p.birth_date'])
    .where((eb) => eb.or([eb('g.guardian_id', '=', mother.id), eb('g.child_id', 'in', [youth.id, youth15.id])])).execute();
  // Born later is younger: ISO dates sort as text.
  const children = links.filter((l) => l.guardian_id === mother.id).sort((a, b) => b.c_birth_date.localeCompare(a.c_birth_date))
    .map((l) => person({ id: l.c_id, given_name: l.c_given_name, family_name: l.c_family_name, national_id: l.c_national_id, birth_date: l.c_birth_date }));
  const guardian = (childId: string, relation: 'mother' | 'father') => {
    const found = links.find((l) => l.child_id === childId && l.relation === relation);
    if (!found) throw new Error(`the demo's ${childId} has no ${relation}`);
    return person(found);
  };
  if (children.length < 2) throw new Error('the demo mother has fewer than two children');
  return {
    mother, youngerChild: children[0]!, olderChild: children[1]!, fatherWithoutResponsibility: account('forelder.uten.ansvar'),
    youth, youthMother: guardian(youth.id, 'mother'), youthFather: guardian(youth.id, 'father'), youth15, youth15Mother: guardian(youth15.id, 'mother'),
  };
}

/**
 * `personId` signs in to Min side as themself, as a youth does who has a log-in of their own
 * (`username`): written directly, like `addGuardian`'s account.
 */
export async function ownAccount(db: Kysely<DB>, app: Client['app'], personId: string, username: string): Promise<Client> {
  await db.insertInto('citizen_account').values({ person_id: personId, username }).execute();
  return signedIn(app, username);
}

export interface DemoUnit { id: string; name: string; municipalityId: string; leaderStaffUserId: string | null }
export interface DemoTeam { id: string; name: string; leaderStaffUserId: string | null }

/** The one row a lookup by relation finds; more than one would make the test's pick the database's. */
function onlyOne<R>(rows: R[], what: string): R {
  if (rows.length !== 1) throw new Error(`expected one ${what}, found ${rows.length}`);
  return rows[0]!;
}

/**
 * The unit a demo log-in works at (`staff_user.service_unit_id`): a test that needs the demo's
 * school or kindergarten finds it through the person who signs in there, not by its name.
 */
export async function unitOf(db: Kysely<DB>, username: string): Promise<DemoUnit> {
  const rows = await db.selectFrom('staff_user as s').innerJoin('service_unit as u', 'u.id', 's.service_unit_id')
    .select(['u.id', 'u.name', 'u.municipality_id', 'u.leader_staff_user_id']).where('s.username', '=', username).execute();
  const u = onlyOne(rows, `unit for ${username}`);
  return { id: u.id, name: u.name, municipalityId: u.municipality_id, leaderStaffUserId: u.leader_staff_user_id };
}

type TeamKind = 'early_intervention' | 'system_level';

/** The active team of `kind` a demo log-in leads (`team.leader_staff_user_id`). */
export async function teamLedBy(db: Kysely<DB>, username: string, kind: TeamKind = 'early_intervention'): Promise<DemoTeam> {
  const rows = await db.selectFrom('team as t').innerJoin('staff_user as s', 's.id', 't.leader_staff_user_id')
    .select(['t.id', 't.name', 't.leader_staff_user_id']).where('s.username', '=', username).where('t.kind', '=', kind).where('t.active', '=', true).execute();
  const team = onlyOne(rows, `active ${kind} team led by ${username}`);
  return { id: team.id, name: team.name, leaderStaffUserId: team.leader_staff_user_id };
}

/** The active team of `kind` that serves the units of a type (`team_service_unit`), e.g. the lower secondary schools' early-intervention team. */
export async function teamServingType(db: Kysely<DB>, typeCode: string, kind: TeamKind): Promise<DemoTeam> {
  const rows = await db.selectFrom('team as t').innerJoin('team_service_unit as tu', 'tu.team_id', 't.id').innerJoin('service_unit as u', 'u.id', 'tu.service_unit_id')
    .select(['t.id', 't.name', 't.leader_staff_user_id']).distinct().where('u.type_code', '=', typeCode).where('t.kind', '=', kind).where('t.active', '=', true).execute();
  const team = onlyOne(rows, `active ${kind} team serving ${typeCode}`);
  return { id: team.id, name: team.name, leaderStaffUserId: team.leader_staff_user_id };
}

/** A demo log-in's name as the app shows it to others (`staff_user.display_name`): read, never spelt. */
export async function staffName(db: Kysely<DB>, username: string): Promise<string> {
  return (await db.selectFrom('staff_user').select('display_name').where('username', '=', username).executeTakeFirstOrThrow()).display_name;
}
