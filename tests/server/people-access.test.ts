// Who may see a person: the professional who registered the child, the guardians with parental
// responsibility, the person themself — and nobody else, whatever their role.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticNationalId } from '../../common/national-id.ts';
import { signedIn, startTestApp, type TestApp } from '../support/app.ts';
import { expectStatus, nationalIdBornOn } from '../support/factories.ts';

let t: TestApp;
let childId: string; // registered by the kindergarten teacher: the child the need-to-know tests only read
const childNationalId = syntheticNationalId('2021-02-03', 11) ?? syntheticNationalId('2021-02-03', 12)!;
const registration = (nationalId: string) => ({
  kind: 'child', nationalId, givenName: 'Ella', familyName: 'Strand', area: 'Nord',
  guardians: [
    { givenName: 'Ida', familyName: 'Strand', birthDate: '1991-04-04', relation: 'mother', parentalResponsibility: true },
    { givenName: 'Per', familyName: 'Holm', birthDate: '1989-09-09', relation: 'father', parentalResponsibility: false, livesWithChild: false },
  ],
});

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  const teacher = await signedIn(t.app, 'fagperson.barnehage');
  childId = expectStatus(await teacher.post('/api/people', registration(childNationalId)), 201).json().id;
});
afterAll(async () => {
  await t?.close();
});

async function deniedFor(personId: string) {
  return t.database.db.selectFrom('audit_event').selectAll().where('subject_id', '=', personId).where('outcome', '=', 'denied').execute();
}

describe('registering a child', () => {
  it('a kindergarten teacher registers a child with two guardians and then sees the child', async () => {
    const teacher = await signedIn(t.app, 'fagperson.barnehage');
    // A twin of the shared child, with a national id of its own.
    const response = await teacher.post('/api/people', registration(nationalIdBornOn('2021-02-03', 40)));
    expect(response.statusCode).toBe(201);
    const childId = response.json().id;
    const child = (await teacher.get(`/api/people/${childId}`)).json();
    expect(child).toMatchObject({ givenName: 'Ella', birthDate: '2021-02-03', kind: 'child' });
    // Guardians entered by hand wait for confirmation (tests/security/01-registration.test.ts).
    expect(child.guardians).toEqual([]);
    expect(child.unconfirmedRelations.map((g: { givenName: string; parentalResponsibility: boolean }) => [g.givenName, g.parentalResponsibility])).toEqual(
      expect.arrayContaining([['Ida', true], ['Per', false]]),
    );
    const mine = (await teacher.get('/api/people')).json().people as { id: string }[];
    expect(mine.map((p) => p.id)).toContain(childId);
  });

  it('refuses invalid input with field messages and stores nothing', async () => {
    const teacher = await signedIn(t.app, 'fagperson.barnehage');
    const persons = async () => (await t.database.db.selectFrom('person').select('id').execute()).length;
    const before = await persons();
    const badId = await teacher.post('/api/people', { kind: 'child', nationalId: '01019012345', givenName: 'A', familyName: 'B' });
    expect(badId.json().error.fields).toContainEqual({ field: 'nationalId', message: expect.stringContaining('kontrollsiffer') });
    const impossibleDate = await teacher.post('/api/people', { kind: 'child', givenName: 'A', familyName: 'B', birthDate: '2020-02-30' });
    expect(impossibleDate.json().error.fields).toEqual([{ field: 'birthDate', message: 'Skriv en gyldig dato (dd.mm.åååå).' }]);
    const noIdentity = await teacher.post('/api/people', { kind: 'child', givenName: 'A', familyName: 'B' });
    expect(noIdentity.json().error.fields).toEqual([{ field: 'birthDate', message: 'Feltet må fylles ut.' }]);
    const duplicate = await teacher.post('/api/people', { kind: 'child', nationalId: childNationalId, givenName: 'A', familyName: 'B' });
    expect(duplicate.json().error).toMatchObject({ code: 'PERSON_EXISTS', fields: [{ field: 'nationalId', message: 'Allerede registrert i Sammen.' }] });
    const badGuardian = await teacher.post('/api/people', {
      kind: 'child', givenName: 'Nyankommen', familyName: 'Barn', birthDate: '2019-01-01',
      guardians: [{ givenName: 'X', familyName: 'Y', nationalId: '11111111111', relation: 'mother', parentalResponsibility: true }],
    });
    expect(badGuardian.json().error.fields).toContainEqual({ field: 'guardians.0.nationalId', message: expect.any(String) });
    expect(await persons()).toBe(before);
  });

  it('registers a newly arrived child without a national id', async () => {
    const teacher = await signedIn(t.app, 'fagperson.skole');
    const response = await teacher.post('/api/people', { kind: 'child', givenName: 'Amir', familyName: 'Haidari', birthDate: '2016-07-01' });
    expect(response.statusCode).toBe(201);
    expect((await teacher.get(`/api/people/${response.json().id}`)).json()).toMatchObject({ nationalId: null, birthDate: '2016-07-01' });
  });
});

describe('need to know', () => {
  it('a professional who is not involved is refused, and the refusal is audited', async () => {
    const nurse = await signedIn(t.app, 'helsesykepleier');
    const response = await nurse.get(`/api/people/${childId}`);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe('Du har ikke tilgang til dette.');
    expect((await deniedFor(childId)).map((e) => [e.action, e.reason])).toContainEqual(['person.read', 'not_involved']);
  });

  it('the refusal for a person who does not exist reads exactly the same', async () => {
    const nurse = await signedIn(t.app, 'helsesykepleier');
    const missing = await nurse.get('/api/people/00000000-0000-4000-8000-000000000000');
    const existing = await nurse.get(`/api/people/${childId}`);
    expect(missing.statusCode).toBe(existing.statusCode);
    expect(missing.json()).toEqual(existing.json());
  });

  it('roles alone never open a person: administrator, analyst and auditor are refused', async () => {
    for (const username of ['administrator', 'analytiker', 'revisor', 'sbu.koordinator']) {
      const user = await signedIn(t.app, username);
      expect((await user.get(`/api/people/${childId}`)).statusCode, username).toBe(403);
    }
  });

  it('a guardian with parental responsibility sees the child; one without does not', async () => {
    const forelder = await signedIn(t.app, 'forelder');
    const family = (await forelder.get('/api/people')).json().people as { id: string; kind: string }[];
    const child = family.find((p) => p.kind === 'child');
    expect(child).toBeDefined();
    expect((await forelder.get(`/api/people/${child!.id}`)).statusCode).toBe(200);

    const without = await signedIn(t.app, 'forelder.uten.ansvar');
    expect((await without.get(`/api/people/${child!.id}`)).statusCode).toBe(403);
    const ownList = (await without.get('/api/people')).json().people as { id: string }[];
    expect(ownList.map((p) => p.id)).not.toContain(child!.id);
  });

  it('a citizen cannot register people', async () => {
    const forelder = await signedIn(t.app, 'forelder');
    expect((await forelder.post('/api/people', { kind: 'child', givenName: 'A', familyName: 'B', birthDate: '2020-01-01' })).statusCode).toBe(403);
  });

  it('every read of the child is in the audit log with who, role, purpose and time', async () => {
    expect((await (await signedIn(t.app, 'fagperson.barnehage')).get(`/api/people/${childId}`)).statusCode).toBe(200);
    const events = await t.database.db.selectFrom('audit_event').selectAll().where('subject_id', '=', childId).where('action', '=', 'person.read').where('outcome', '=', 'allowed').execute();
    expect(events.length).toBeGreaterThanOrEqual(1);
    expect(events[0]).toMatchObject({ actor_kind: 'staff', actor_role: 'professional', purpose: 'follow_up' });
    expect(events[0]!.occurred_at).toBeInstanceOf(Date);
  });
});

describe('the audit log', () => {
  it('is append-only: the database refuses to change or delete an event', async () => {
    const db = t.database.db;
    const one = await db.selectFrom('audit_event').select('id').limit(1).executeTakeFirstOrThrow();
    // On PostgreSQL the server's role lacks the privilege (decision 0011); on PGlite the trigger refuses.
    const refused = /append-only|permission denied/;
    await expect(db.updateTable('audit_event').set({ action: 'tampered' }).where('id', '=', one.id).execute()).rejects.toThrow(refused);
    await expect(db.deleteFrom('audit_event').where('id', '=', one.id).execute()).rejects.toThrow(refused);
  });
});
