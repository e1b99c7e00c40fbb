// Min side through the API: a guardian gives a consent digitally with one action (and, where the
// municipality asks for every guardian, the consent waits for the other's signature); the family
// sees who has read their data; a guardian without parental responsibility sees nothing; a youth
// of consent age decides whether guardians see the case; the family asks a team for a discussion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { signedIn, startTestApp, type Client, type TestApp } from '../support/app.ts';
import { today as todayInOslo } from '../support/clock.ts';
import { demoFamilies, registeredChildWithGuardian, staffIdentity, teamLedBy, unitOf } from '../support/factories.ts';

let t: TestApp;
let sofie: Client;
let martin: Client;
let teacher: Client;
let schoolTeacher: Client;
const ids: Record<string, string> = {};
const today = todayInOslo();
const inOneYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;

async function consentCount() {
  return (await t.database.db.selectFrom('consent').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow()).n;
}
const digital = (unitId: string, overrides: Record<string, unknown> = {}) => ({
  purposes: ['collaboration'], categories: ['development', 'language'], recipientUnitIds: [unitId], validTo: inOneYear, ...overrides,
});

beforeAll(async () => {
  t = await startTestApp({ demoChildren: 20 });
  [sofie, martin, teacher, schoolTeacher] = await Promise.all([
    signedIn(t.app, 'forelder'), signedIn(t.app, 'forelder.uten.ansvar'), signedIn(t.app, 'fagperson.barnehage'), signedIn(t.app, 'fagperson.skole'),
  ]);
  const demo = await demoFamilies(t.database.db);
  Object.assign(ids, {
    motherName: demo.mother.name, fatherName: demo.fatherWithoutResponsibility.name, olderChildGivenName: demo.olderChild.givenName,
    emma: demo.youngerChild.id, jonas: demo.olderChild.id, martin: demo.fatherWithoutResponsibility.id, sander: demo.youth.id, line: demo.youthMother.id, maja: demo.youth15.id,
  });
  // The children's kindergarten and school are where the two teachers work; the team for the older child's
  // age and area is the one his school's rector leads.
  const db = t.database.db;
  const [solsikken, fjellbekken, schoolTeam] = await Promise.all([unitOf(db, 'fagperson.barnehage'), unitOf(db, 'fagperson.skole'), teamLedBy(db, 'teamleder')]);
  Object.assign(ids, { solsikken: solsikken.id, fjellbekken: fjellbekken.id, schoolTeamName: schoolTeam.name });
});
afterAll(async () => {
  await t?.close();
});

describe('giving consent on Min side', () => {
  it('refuses a consent without a recipient or ending in the past, and stores nothing', async () => {
    const before = await consentCount();
    const noRecipient = await sofie.post(`/api/people/${ids.emma}/consents/digital`, digital(ids.solsikken!, { recipientUnitIds: [] }));
    expect(noRecipient.json().error.fields).toEqual([{ field: 'recipientUnitIds', message: 'Velg minst én tjeneste som kan motta opplysninger.' }]);
    const past = await sofie.post(`/api/people/${ids.emma}/consents/digital`, digital(ids.solsikken!, { validTo: '2020-01-01' }));
    expect(past.statusCode).toBe(400);
    expect(await consentCount()).toBe(before);
  });

  it('is given by the mother with one action, and opens the case to the kindergarten at once', async () => {
    expect((await teacher.get(`/api/people/${ids.emma}/case`)).statusCode).toBe(403);
    const given = await sofie.post(`/api/people/${ids.emma}/consents/digital`, digital(ids.solsikken!));
    expect(given.statusCode).toBe(201);
    expect(given.json().awaiting).toBe(0);
    const [consent] = (await sofie.get(`/api/people/${ids.emma}/consents`)).json().consents;
    expect(consent).toMatchObject({ state: 'active', method: 'digital', givers: [{ name: ids.motherName, capacity: 'guardian' }] });
    expect((await teacher.get(`/api/people/${ids.emma}/case`)).statusCode).toBe(200);
  });

  it('is refused to a guardian without parental responsibility, who sees nothing of the case', async () => {
    expect((await martin.post(`/api/people/${ids.emma}/consents/digital`, digital(ids.solsikken!))).statusCode).toBe(403);
    expect((await martin.get(`/api/people/${ids.emma}/case-status`)).statusCode).toBe(403);
    expect((await martin.get(`/api/people/${ids.emma}/case`)).statusCode).toBe(403);
    expect((await martin.get(`/api/people/${ids.emma}/access-log`)).statusCode).toBe(403);
  });

  it('waits for the second guardian when the municipality asks for all, and is in force only once both have signed', async () => {
    await t.database.db.updateTable('guardianship').set({ parental_responsibility: true }).where('child_id', '=', ids.jonas!).where('guardian_id', '=', ids.martin!).execute();
    const given = await sofie.post(`/api/people/${ids.jonas}/consents/digital`, digital(ids.fjellbekken!, { childView: `${ids.olderChildGivenName} vil gjerne ha hjelp med lesing.` }));
    expect(given.json().awaiting).toBe(1);
    const consent = (await sofie.get(`/api/people/${ids.jonas}/consents`)).json().consents[0];
    expect(consent).toMatchObject({ state: 'awaiting_signature', awaiting: [{ name: ids.fatherName }] });
    expect((await schoolTeacher.get(`/api/people/${ids.jonas}/case`)).statusCode).toBe(403);
    // Only the guardian awaited can sign.
    expect((await sofie.post(`/api/consents/${consent.id}/sign`)).statusCode).toBe(403);
    expect((await martin.post(`/api/consents/${consent.id}/sign`)).json()).toEqual({ id: consent.id, awaiting: 0 });
    expect((await sofie.get(`/api/people/${ids.jonas}/consents`)).json().consents[0].state).toBe('active');
    expect((await schoolTeacher.get(`/api/people/${ids.jonas}/case`)).statusCode).toBe(200);
  });
});

describe('who has read our data', () => {
  it('shows the family each read by the services, with name, role and unit, and records that they looked', async () => {
    const family = await registeredChildWithGuardian(t.database.db, teacher, { givenName: 'Tiril', familyName: 'Lesevik', birthDate: '2021-03-04', guardianGivenName: 'Hege', username: 'hege.lesevik' });
    const { displayName, unitName } = await staffIdentity(t.database.db, teacher);
    const unitId = (await teacher.get('/api/auth/me')).json().principal.serviceUnitId as string;
    expect((await family.guardian.post(`/api/people/${family.childId}/consents/digital`, digital(unitId))).statusCode).toBe(201);
    expect((await teacher.get(`/api/people/${family.childId}/case`)).statusCode).toBe(200);
    const log = (await family.guardian.get(`/api/people/${family.childId}/access-log`)).json().events as { text: string }[];
    expect(log.some((e) => e.text.startsWith(`${displayName}, pedagogisk leder, ${unitName}, `) && e.text.includes('leste stafettloggen')), log.map((e) => e.text).join('\n')).toBe(true);
    const looked = await t.database.db.selectFrom('audit_event').select('actor_name').where('action', '=', 'accessLog.read').where('outcome', '=', 'allowed').where('subject_id', '=', family.childId).execute();
    expect(looked).toEqual([{ actor_name: family.guardianName }]);
  });
});

describe('a youth of consent age', () => {
  it('decides whether guardians see the case; a 15-year-old cannot yet', async () => {
    await t.database.db.insertInto('citizen_account').values({ person_id: ids.line!, username: 'line.holm' }).execute();
    const line = await signedIn(t.app, 'line.holm');
    const sander = await signedIn(t.app, 'ungdom');
    const maja = await signedIn(t.app, 'ungdom.15');
    expect((await line.get(`/api/people/${ids.sander}/case-status`)).statusCode).toBe(403);
    const version = async () => (await sander.get(`/api/people/${ids.sander}`)).json().citizen.version;
    expect((await sander.post(`/api/people/${ids.sander}/guardian-visibility`, { guardiansSeeCase: true, version: await version() })).statusCode).toBe(200);
    expect((await line.get(`/api/people/${ids.sander}/case-status`)).statusCode).toBe(200);
    // Seeing is not deciding: the mother still cannot consent or withdraw for him.
    expect((await line.post(`/api/people/${ids.sander}/consents/digital`, digital(ids.fjellbekken!))).statusCode).toBe(403);
    expect((await sander.post(`/api/people/${ids.sander}/guardian-visibility`, { guardiansSeeCase: false, version: await version() })).statusCode).toBe(200);
    expect((await line.get(`/api/people/${ids.sander}/case-status`)).statusCode).toBe(403);
    expect((await maja.post(`/api/people/${ids.maja}/guardian-visibility`, { guardiansSeeCase: true, version: 1 })).statusCode).toBe(403);
    expect((await sander.get(`/api/people/${ids.sander}`)).json().citizen).toMatchObject({ reader: 'self', decides: true, setsGuardianVisibility: true, guardiansSeeCase: false });
  });
});

describe('asking for a team discussion', () => {
  it('goes to the team for the child\'s age and area, once', async () => {
    const response = await sofie.post(`/api/people/${ids.jonas}/team-requests`, { reason: 'Vi ønsker å snakke med teamet om skolehverdagen.' });
    expect(response.statusCode).toBe(201);
    expect(response.json().team.name).toBe(ids.schoolTeamName);
    expect((await sofie.post(`/api/people/${ids.jonas}/team-requests`, { reason: 'Igjen' })).statusCode).toBe(409);
    const list = (await sofie.get(`/api/people/${ids.jonas}/team-requests`)).json();
    expect(list.requests).toEqual([expect.objectContaining({ status: 'waiting', teamName: ids.schoolTeamName })]);
    expect((await martin.post(`/api/people/${ids.emma}/team-requests`, { reason: 'x' })).statusCode).toBe(403);
  });
});
